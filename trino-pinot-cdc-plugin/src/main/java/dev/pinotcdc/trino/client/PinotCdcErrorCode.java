package dev.pinotcdc.trino.client;

import io.trino.spi.ErrorCode;
import io.trino.spi.ErrorCodeSupplier;
import io.trino.spi.ErrorType;

import static io.trino.spi.ErrorType.EXTERNAL;
import static io.trino.spi.ErrorType.USER_ERROR;

public enum PinotCdcErrorCode
        implements ErrorCodeSupplier
{
    /** A controller or broker could not be reached or did not answer in time. */
    PINOT_UNAVAILABLE(0, EXTERNAL),
    /** Pinot answered the query with an error. */
    PINOT_QUERY_ERROR(1, EXTERNAL),
    /** Fewer servers answered than were queried, or Pinot cut the answer short. */
    PINOT_PARTIAL_RESULT(2, EXTERNAL),
    /** The answer would be larger than one broker query may return. */
    PINOT_RESULT_TOO_LARGE(3, USER_ERROR),
    /** A stored value does not fit its column and the catalog decodes strictly. */
    PINOT_CDC_INVALID_VALUE(4, EXTERNAL),
    /** Pinot's metadata (schema, table config) cannot be understood. */
    PINOT_CDC_BAD_METADATA(5, EXTERNAL),
    /** A table definition file is malformed. */
    PINOT_CDC_BAD_TABLE_DEFINITION(6, USER_ERROR),
    /** Two Pinot tables differ only by the case of their names. */
    PINOT_CDC_AMBIGUOUS_TABLE(7, USER_ERROR),
    /** Pinot answered in a shape the connector did not expect. */
    PINOT_UNEXPECTED_RESPONSE(8, EXTERNAL),
    /** Live rows were written under Debezium schemas that type a field in ways no one column type holds. */
    PINOT_CDC_SCHEMA_VERSION_CONFLICT(9, EXTERNAL),
    /** A read as of a moment or version older than the oldest version Pinot still holds. */
    PINOT_CDC_VERSION_NOT_AVAILABLE(10, USER_ERROR);

    private final ErrorCode errorCode;

    PinotCdcErrorCode(int code, ErrorType type)
    {
        // 0x0A11_0000 keeps clear of the codes Trino's own connectors use
        errorCode = new ErrorCode(code + 0x0A11_0000, name(), type);
    }

    @Override
    public ErrorCode toErrorCode()
    {
        return errorCode;
    }
}
