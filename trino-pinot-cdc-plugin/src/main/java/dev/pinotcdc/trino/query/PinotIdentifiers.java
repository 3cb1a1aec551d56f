package dev.pinotcdc.trino.query;

final class PinotIdentifiers
{
    private PinotIdentifiers() {}

    /**
     * Pinot's Calcite grammar (DQID state) has no way to write an empty identifier or one holding a line break:
     * its quoted-identifier token excludes CR and LF, and the doubled quote is the only escape.
     */
    static void checkIdentifier(String name)
    {
        if (!isWritableIdentifier(name)) {
            throw new IllegalArgumentException("Pinot SQL cannot name an identifier that is empty or holds a line break: " + name);
        }
    }

    static boolean isWritableIdentifier(String name)
    {
        return !name.isEmpty() && name.indexOf('\n') < 0 && name.indexOf('\r') < 0;
    }
}
