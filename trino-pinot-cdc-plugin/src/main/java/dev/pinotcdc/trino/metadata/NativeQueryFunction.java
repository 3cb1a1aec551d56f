package dev.pinotcdc.trino.metadata;

import com.google.inject.Inject;
import dev.pinotcdc.trino.client.BrokerQuery;
import dev.pinotcdc.trino.client.BrokerResult;
import dev.pinotcdc.trino.client.PinotBrokerClient;
import dev.pinotcdc.trino.client.PinotClientException;
import dev.pinotcdc.trino.client.PinotErrors;
import dev.pinotcdc.trino.config.PinotCdcScanConfig;
import dev.pinotcdc.trino.config.PinotClientConfig;
import dev.pinotcdc.trino.pushdown.NativeQueryColumnHandle;
import dev.pinotcdc.trino.pushdown.NativeQueryTableHandle;
import dev.pinotcdc.trino.query.NativeSql;
import io.airlift.slice.Slice;
import io.trino.spi.TrinoException;
import io.trino.spi.connector.ConnectorAccessControl;
import io.trino.spi.connector.ConnectorSession;
import io.trino.spi.connector.ConnectorTransactionHandle;
import io.trino.spi.function.table.AbstractConnectorTableFunction;
import io.trino.spi.function.table.Argument;
import io.trino.spi.function.table.Descriptor;
import io.trino.spi.function.table.ScalarArgument;
import io.trino.spi.function.table.ScalarArgumentSpecification;
import io.trino.spi.function.table.TableFunctionAnalysis;
import io.trino.spi.type.TypeManager;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static dev.pinotcdc.trino.client.PinotCdcErrorCode.PINOT_UNEXPECTED_RESPONSE;
import static dev.pinotcdc.trino.config.PinotCdcSessionProperties.getMaxBytesPerBrokerQuery;
import static dev.pinotcdc.trino.config.PinotCdcSessionProperties.getQueryTimeout;
import static io.trino.spi.StandardErrorCode.INVALID_FUNCTION_ARGUMENT;
import static io.trino.spi.StandardErrorCode.NOT_SUPPORTED;
import static io.trino.spi.function.table.ReturnTypeSpecification.GenericTable.GENERIC_TABLE;
import static io.trino.spi.type.VarcharType.VARCHAR;
import static java.util.Objects.requireNonNull;

/**
 * {@code TABLE(system.query(query => 'SELECT ...'))}: one Pinot SELECT statement, sent to a broker of the table it
 * reads as written (see {@link NativeSql}), its answer typed by the data types in Pinot's answer. Analysis asks
 * Pinot for the answer's columns (the statement with LIMIT 1).
 */
public class NativeQueryFunction
        extends AbstractConnectorTableFunction
{
    public static final String SCHEMA = "system";
    public static final String NAME = "query";
    private static final String QUERY_ARGUMENT = "QUERY";

    private final PinotBrokerClient broker;
    private final TypeManager typeManager;
    private final long maxRows;
    private final long readTimeoutMillis;

    @Inject
    public NativeQueryFunction(PinotBrokerClient broker, TypeManager typeManager, PinotCdcScanConfig scanConfig, PinotClientConfig clientConfig)
    {
        super(SCHEMA, NAME, List.of(ScalarArgumentSpecification.builder().name(QUERY_ARGUMENT).type(VARCHAR).build()), GENERIC_TABLE);
        this.broker = requireNonNull(broker, "broker is null");
        this.typeManager = requireNonNull(typeManager, "typeManager is null");
        this.maxRows = scanConfig.getMaxRowsPerBrokerQuery();
        this.readTimeoutMillis = clientConfig.getReadTimeout().toMillis();
    }

    @Override
    public TableFunctionAnalysis analyze(ConnectorSession session, ConnectorTransactionHandle transaction, Map<String, Argument> arguments, ConnectorAccessControl accessControl)
    {
        ScalarArgument argument = (ScalarArgument) arguments.get(QUERY_ARGUMENT);
        if (argument == null || !(argument.getValue() instanceof Slice text)) {
            throw new TrinoException(INVALID_FUNCTION_ARGUMENT, "system.query needs the Pinot SQL text: query => 'SELECT ...'");
        }
        NativeSql sql;
        try {
            sql = NativeSql.parse(text.toStringUtf8());
        }
        catch (IllegalArgumentException e) {
            throw new TrinoException(INVALID_FUNCTION_ARGUMENT, e.getMessage(), e);
        }
        List<NativeQueryColumnHandle> columns = columns(sql, describe(session, sql));
        NativeQueryTableHandle table = new NativeQueryTableHandle(sql.tableName(), sql.sqlToSend(maxRows), sql.requestedRows(maxRows), maxRows, columns);
        Descriptor returned = new Descriptor(columns.stream()
                .map(column -> new Descriptor.Field(column.name(), Optional.of(column.type())))
                .toList());
        return TableFunctionAnalysis.builder()
                .returnedType(returned)
                .handle(new NativeQueryFunctionHandle(table))
                .build();
    }

    private BrokerResult describe(ConnectorSession session, NativeSql sql)
    {
        long timeoutMillis = Math.max(1, Math.min(getQueryTimeout(session).toMillis(), readTimeoutMillis));
        BrokerQuery query = BrokerQuery.of(sql.tableName(), sql.columnsOnly())
                .withOption(BrokerQuery.TIMEOUT_MS, Long.toString(timeoutMillis))
                .withMaxAnswerBytes(getMaxBytesPerBrokerQuery(session).toBytes());
        try {
            return broker.execute(query);
        }
        catch (PinotClientException e) {
            throw PinotErrors.toTrinoException(e);
        }
    }

    private List<NativeQueryColumnHandle> columns(NativeSql sql, BrokerResult answer)
    {
        if (answer.columnNames().isEmpty()) {
            // Pinot answers a table without segments with no result table at all
            throw new TrinoException(PINOT_UNEXPECTED_RESPONSE, ("Pinot table '%s': the broker answered without the result's columns, as Pinot does when no segment was queried " +
                    "(an empty table, or every segment pruned); the answer's types cannot be known").formatted(sql.tableName()));
        }
        List<NativeQueryColumnHandle> columns = new ArrayList<>();
        for (int index = 0; index < answer.columnNames().size(); index++) {
            String name = answer.columnNames().get(index);
            String pinotType = answer.columnDataTypes().get(index);
            columns.add(NativeQueryColumnHandle.of(name, index, pinotType, typeManager)
                    .orElseThrow(() -> new TrinoException(NOT_SUPPORTED, ("Pinot table '%s': column '%s' of the answer has Pinot data type %s, which has no Trino type in this connector; " +
                            "cast it in the query (for example CAST(... AS STRING)) or leave it out").formatted(sql.tableName(), name, pinotType))));
        }
        return columns;
    }
}
