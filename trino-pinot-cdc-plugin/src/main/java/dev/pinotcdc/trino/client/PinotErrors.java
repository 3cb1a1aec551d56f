package dev.pinotcdc.trino.client;

import io.trino.spi.ErrorCodeSupplier;
import io.trino.spi.TrinoException;

import static dev.pinotcdc.trino.client.PinotCdcErrorCode.PINOT_PARTIAL_RESULT;
import static dev.pinotcdc.trino.client.PinotCdcErrorCode.PINOT_QUERY_ERROR;
import static dev.pinotcdc.trino.client.PinotCdcErrorCode.PINOT_RESULT_TOO_LARGE;
import static dev.pinotcdc.trino.client.PinotCdcErrorCode.PINOT_UNAVAILABLE;
import static dev.pinotcdc.trino.client.PinotCdcErrorCode.PINOT_UNEXPECTED_RESPONSE;
import static io.trino.spi.StandardErrorCode.PERMISSION_DENIED;
import static io.trino.spi.StandardErrorCode.TABLE_NOT_FOUND;

/** Turns what the Pinot client reports into Trino errors; the client's messages already name the Pinot table. */
public final class PinotErrors
{
    // Pinot's QueryException.ACCESS_DENIED_ERROR_CODE
    private static final int PINOT_ACCESS_DENIED = 180;

    private PinotErrors() {}

    public static TrinoException toTrinoException(PinotClientException e)
    {
        String message = e.getMessage();
        if (e instanceof PinotQueryException && message.contains("NumberFormatException")) {
            // a filter pushed into Pinot extracted a JSON field as a number, and a stored value is not one
            message += ". A stored value of a filtered source field is not a number; SET SESSION pinot_cdc.pushdown_enabled = false reads such values as NULL in Trino instead";
        }
        if (e instanceof PinotQueryException queryException && isAccessDenied(queryException)) {
            // Pinot 0.11 reports a refused Authorization header, or a principal not allowed the table, with no message
            return new TrinoException(PERMISSION_DENIED, message + ". The Pinot broker denied access: check pinot.broker.authentication.* and that the Pinot principal may read this table", e);
        }
        return new TrinoException(errorCode(e), message, e);
    }

    private static boolean isAccessDenied(PinotQueryException e)
    {
        return e.getErrors().stream().anyMatch(error -> error.errorCode() == PINOT_ACCESS_DENIED);
    }

    private static ErrorCodeSupplier errorCode(PinotClientException e)
    {
        return switch (e) {
            case PinotHttpStatusException status when status.getStatusCode() == 401 || status.getStatusCode() == 403 -> PERMISSION_DENIED;
            case PinotUnreachableException _, PinotTimeoutException _, PinotTableNotRoutedException _ -> PINOT_UNAVAILABLE;
            case PinotPartialResultException _, PinotGroupsLimitReachedException _ -> PINOT_PARTIAL_RESULT;
            case PinotQueryException _ -> PINOT_QUERY_ERROR;
            case PinotAnswerTooLargeException _ -> PINOT_RESULT_TOO_LARGE;
            case PinotTableNotFoundException _ -> TABLE_NOT_FOUND;
            case PinotInvalidResponseException _ -> PINOT_UNEXPECTED_RESPONSE;
            default -> PINOT_QUERY_ERROR;
        };
    }
}
