package dev.pinotcdc.trino.client;

import io.trino.spi.ErrorCodeSupplier;
import io.trino.spi.TrinoException;

import static dev.pinotcdc.trino.client.PinotCdcErrorCode.PINOT_PARTIAL_RESULT;
import static dev.pinotcdc.trino.client.PinotCdcErrorCode.PINOT_QUERY_ERROR;
import static dev.pinotcdc.trino.client.PinotCdcErrorCode.PINOT_UNAVAILABLE;
import static dev.pinotcdc.trino.client.PinotCdcErrorCode.PINOT_UNEXPECTED_RESPONSE;
import static io.trino.spi.StandardErrorCode.TABLE_NOT_FOUND;

/** Turns what the Pinot client reports into Trino errors; the client's messages already name the Pinot table. */
public final class PinotErrors
{
    private PinotErrors() {}

    public static TrinoException toTrinoException(PinotClientException e)
    {
        String message = e.getMessage();
        if (e instanceof PinotQueryException && message.contains("NumberFormatException")) {
            // a filter pushed into Pinot extracted a JSON field as a number, and a stored value is not one
            message += ". A stored value of a filtered source field is not a number; SET SESSION pinot_cdc.pushdown_enabled = false reads such values as NULL in Trino instead";
        }
        return new TrinoException(errorCode(e), message, e);
    }

    private static ErrorCodeSupplier errorCode(PinotClientException e)
    {
        return switch (e) {
            case PinotUnreachableException _, PinotTimeoutException _ -> PINOT_UNAVAILABLE;
            case PinotPartialResultException _, PinotGroupsLimitReachedException _ -> PINOT_PARTIAL_RESULT;
            case PinotQueryException _ -> PINOT_QUERY_ERROR;
            case PinotTableNotFoundException _ -> TABLE_NOT_FOUND;
            case PinotInvalidResponseException _ -> PINOT_UNEXPECTED_RESPONSE;
            default -> PINOT_QUERY_ERROR;
        };
    }
}
