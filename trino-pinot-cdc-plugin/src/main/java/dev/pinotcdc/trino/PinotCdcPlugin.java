package dev.pinotcdc.trino;

import io.trino.spi.Plugin;

// Placeholder so the trino-maven-plugin finds a Plugin class; the connector factory lands on main.
public class PinotCdcPlugin
        implements Plugin
{
}
