package dev.pinotcdc.trino.config;

/** How the connector authenticates to Pinot's controller or brokers. */
public enum PinotAuthenticationType
{
    NONE,
    /** HTTP basic authentication with a user and password. */
    PASSWORD,
    /** A bearer token. */
    TOKEN,
}
