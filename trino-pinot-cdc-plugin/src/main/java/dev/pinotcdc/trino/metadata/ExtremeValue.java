package dev.pinotcdc.trino.metadata;

import com.google.inject.Inject;
import dev.pinotcdc.trino.client.BrokerQuery;
import dev.pinotcdc.trino.client.BrokerResult;
import dev.pinotcdc.trino.client.PinotBrokerClient;
import dev.pinotcdc.trino.client.PinotClientException;
import dev.pinotcdc.trino.client.PinotErrors;
import dev.pinotcdc.trino.query.ColumnReference;
import dev.pinotcdc.trino.query.PinotFilter;
import dev.pinotcdc.trino.query.PinotQuery;
import dev.pinotcdc.trino.query.PinotSqlWriter;

import java.util.Optional;
import java.util.OptionalLong;

import static java.util.Objects.requireNonNull;

/**
 * The oldest or newest value of an integral column (a version, an event time) among a table's rows: one top-1 broker
 * query. ORDER BY ... LIMIT 1 returns the value exactly, where MIN and MAX would return it as a double.
 */
public final class ExtremeValue
{
    private final PinotBrokerClient broker;

    @Inject
    public ExtremeValue(PinotBrokerClient broker)
    {
        this.broker = requireNonNull(broker, "broker is null");
    }

    /**
     * @param everyUpsertVersion whether an upsert table's older versions count too
     * @return empty where no row matches
     */
    public OptionalLong of(String pinotTableName, String column, Optional<PinotFilter> filter, boolean newest, boolean everyUpsertVersion)
    {
        PinotQuery query = PinotQuery.builder(pinotTableName)
                .select(new ColumnReference(column))
                .filter(filter)
                .orderBy(new ColumnReference(column), !newest)
                .limit(1)
                .build();
        BrokerResult result;
        try {
            result = broker.execute(BrokerQuery.of(pinotTableName, PinotSqlWriter.write(query)).withEveryUpsertVersion(everyUpsertVersion));
        }
        catch (PinotClientException e) {
            throw PinotErrors.toTrinoException(e);
        }
        if (result.rowCount() == 0) {
            return OptionalLong.empty();
        }
        return OptionalLong.of(result.rows().getFirst().get(0).asLong());
    }
}
