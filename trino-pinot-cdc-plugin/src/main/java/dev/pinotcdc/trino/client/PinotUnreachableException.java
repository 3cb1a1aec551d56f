package dev.pinotcdc.trino.client;

import java.net.URI;
import java.util.List;

/** No controller or broker could be connected to; names every URL that was tried. */
public class PinotUnreachableException
        extends PinotClientException
{
    private final List<URI> urlsTried;

    public PinotUnreachableException(String message, List<URI> urlsTried, Throwable cause)
    {
        super(message, cause);
        this.urlsTried = List.copyOf(urlsTried);
    }

    public List<URI> getUrlsTried()
    {
        return urlsTried;
    }
}
