package dev.pinotcdc.trino.testing;

import com.google.common.collect.ImmutableSet;

import java.util.Base64;
import java.util.Set;

import static java.nio.charset.StandardCharsets.UTF_8;
import static java.util.Objects.requireNonNull;

/**
 * A user of Pinot's basic authentication (controller and broker alike): empty tables or permissions mean all.
 */
public record PinotPrincipal(String name, String password, Set<String> tables, Set<String> permissions)
{
    public PinotPrincipal
    {
        requireNonNull(name, "name is null");
        requireNonNull(password, "password is null");
        tables = ImmutableSet.copyOf(requireNonNull(tables, "tables is null"));
        permissions = ImmutableSet.copyOf(requireNonNull(permissions, "permissions is null"));
    }

    public static PinotPrincipal admin(String name, String password)
    {
        return new PinotPrincipal(name, password, Set.of(), Set.of());
    }

    public static PinotPrincipal reader(String name, String password, Set<String> tables)
    {
        return new PinotPrincipal(name, password, tables, Set.of("read"));
    }

    /**
     * The Authorization header value Pinot expects for this principal, which is also what Pinot calls its token.
     */
    public String authorization()
    {
        return "Basic " + Base64.getEncoder().encodeToString((name + ":" + password).getBytes(UTF_8));
    }
}
