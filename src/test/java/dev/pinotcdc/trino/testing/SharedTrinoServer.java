package dev.pinotcdc.trino.testing;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.util.function.Supplier;

import static java.util.Objects.requireNonNull;

/**
 * One real Trino server per test JVM and per key, shared by every test class that registers the same key, and
 * stopped when the whole test run ends, whether tests failed or not (JUnit closes what the root store holds).
 * The first class to run with a key decides the installation, so a key should name one setup.
 *
 * <pre>{@code
 * @RegisterExtension
 * static final SharedTrinoServer TRINO = new SharedTrinoServer("tpch", () -> TrinoServerInstallation.builder()
 *         .withBundledPlugins("tpch")
 *         .withCatalog("tpch", Map.of("connector.name", "tpch"))
 *         .build());
 *
 * @Test
 * void test() { TRINO.server().cli().execute("SELECT 1"); }
 * }</pre>
 */
public final class SharedTrinoServer
        implements BeforeAllCallback
{
    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(SharedTrinoServer.class);

    private final String key;
    private final Supplier<TrinoServerInstallation> installation;
    private volatile TrinoServer server;

    public SharedTrinoServer(String key, Supplier<TrinoServerInstallation> installation)
    {
        this.key = requireNonNull(key, "key is null");
        this.installation = requireNonNull(installation, "installation is null");
    }

    @Override
    public void beforeAll(ExtensionContext context)
    {
        server = context.getRoot().getStore(NAMESPACE)
                .getOrComputeIfAbsent(key, ignored -> installation.get().start(), TrinoServer.class);
    }

    public TrinoServer server()
    {
        TrinoServer started = server;
        if (started == null) {
            throw new IllegalStateException("The Trino server starts before all tests: register this as a static @RegisterExtension field");
        }
        return started;
    }
}
