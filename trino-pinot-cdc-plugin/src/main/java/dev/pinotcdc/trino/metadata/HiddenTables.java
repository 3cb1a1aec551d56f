package dev.pinotcdc.trino.metadata;

import dev.pinotcdc.trino.cdc.CdcLayout;
import dev.pinotcdc.trino.cdc.TableShape;
import dev.pinotcdc.trino.pushdown.FreshnessColumnHandle;
import dev.pinotcdc.trino.pushdown.FreshnessTableHandle;
import dev.pinotcdc.trino.pushdown.PinotCdcColumnHandle;
import io.trino.spi.connector.ConnectorTableMetadata;
import io.trino.spi.connector.SchemaTableName;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static com.google.common.base.Preconditions.checkArgument;
import static java.lang.String.format;

/**
 * The tables every CDC table has beside it, not listed but named: its change log, {@code "orders$changes"} (every
 * version Pinot holds, each a row, with the operation, version and event time as visible columns beside the row
 * image), and its freshness, {@code "orders$freshness"}.
 */
final class HiddenTables
{
    static final String CHANGES = "$changes";
    static final String FRESHNESS = "$freshness";

    private HiddenTables() {}

    static boolean isHidden(SchemaTableName name)
    {
        return baseTable(name, CHANGES).isPresent() || baseTable(name, FRESHNESS).isPresent();
    }

    /** The table whose hidden table of this suffix the name asks for. */
    static Optional<SchemaTableName> baseTable(SchemaTableName name, String suffix)
    {
        String table = name.getTableName();
        if (!table.endsWith(suffix) || table.length() == suffix.length()) {
            return Optional.empty();
        }
        return Optional.of(new SchemaTableName(name.getSchemaName(), table.substring(0, table.length() - suffix.length())));
    }

    /** The change log's own description: its name, its columns (the CDC columns shown) and its comment. */
    static PinotTableDescription changeLog(PinotTableDescription table, CdcLayout layout)
    {
        checkArgument(table.shape().isCdc() && table.shape() != TableShape.CHANGE_LOG, "Not a CDC table: %s", table.schemaTableName());
        Set<String> shown = Set.of(layout.opColumn(), layout.versionColumn(), layout.timeColumn());
        List<PinotCdcColumnHandle> columns = table.columns().stream()
                .map(column -> column.hidden() && !column.isSourceField() && shown.contains(column.pinotColumn()) ? column.shown() : column)
                .toList();
        return new PinotTableDescription(
                new SchemaTableName(table.schemaTableName().getSchemaName(), table.schemaTableName().getTableName() + CHANGES),
                table.pinotTableName(),
                TableShape.CHANGE_LOG,
                columns,
                table.primaryKey(),
                table.splitKey(),
                table.sourceJsonIndexed(),
                table.versionColumn(),
                Optional.of(format("Every version of Debezium change events in Pinot table %s, deletes and truncates included: "
                        + "%s is the operation (c, u, d, r, t), %s the version, %s the event time; the row image is NULL for deletes and truncates",
                        table.pinotTableName(), layout.opColumn(), layout.versionColumn(), layout.timeColumn())),
                table.liveSchemaTexts(),
                table.valueSchemaColumn());
    }

    static FreshnessTableHandle freshnessHandle(PinotTableDescription table, CdcLayout layout)
    {
        boolean hasTimeColumn = table.columns().stream().anyMatch(column -> !column.isSourceField() && column.pinotColumn().equals(layout.timeColumn()));
        return new FreshnessTableHandle(
                table.schemaTableName(),
                table.pinotTableName(),
                Optional.of(layout.timeColumn()).filter(_ -> hasTimeColumn),
                table.shape() == TableShape.UPSERT_CDC);
    }

    /** The freshness table's metadata: one row of figures about the table. */
    static ConnectorTableMetadata freshness(SchemaTableName table, String pinotTableName)
    {
        return new ConnectorTableMetadata(
                new SchemaTableName(table.getSchemaName(), table.getTableName() + FRESHNESS),
                FreshnessColumnHandle.ALL.stream().map(FreshnessColumnHandle::toColumnMetadata).toList(),
                Map.of(),
                Optional.of("How fresh Pinot table %s is: one row, read when queried".formatted(pinotTableName)));
    }
}
