package dev.pinotcdc.trino.pushdown;

import io.trino.spi.connector.ColumnHandle;
import io.trino.spi.predicate.TupleDomain;

import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import static com.google.common.collect.ImmutableMap.toImmutableMap;
import static java.util.Objects.requireNonNull;

/**
 * Splits a predicate on a table's columns into what Pinot evaluates exactly as Trino would and what stays in Trino:
 * for the filters Trino pushes while planning, and for a join's dynamic filter when a scan runs.
 *
 * @param pushed the part Pinot evaluates, in the columns as Trino knows them
 * @param remaining the part Trino still evaluates
 * @param contradiction no row can match
 */
public record ConstraintPushdown(TupleDomain<ColumnHandle> pushed, TupleDomain<ColumnHandle> remaining, boolean contradiction)
{
    public ConstraintPushdown
    {
        requireNonNull(pushed, "pushed is null");
        requireNonNull(remaining, "remaining is null");
    }

    public static ConstraintPushdown of(PinotCdcTableHandle table, TupleDomain<ColumnHandle> predicate)
    {
        // in a table that keeps every version, a predicate on anything but the key would pick versions that are not the newest;
        // a predicate on a truncated time stays in Trino
        // in a change log, a predicate on a native column (key, op, version, time) selects rows as Trino would; one on a
        // field of the row image stays in Trino, as deletes and truncates have no row image to extract from
        TupleDomain<ColumnHandle> candidates = switch (table.shape()) {
            case APPEND_ONLY_CDC -> predicate.filter((column, domain) -> isKeyColumn(table, column));
            case CHANGE_LOG -> predicate.filter((column, domain) -> column instanceof PinotCdcColumnHandle pinotColumn && !pinotColumn.isSourceField());
            case UPSERT_CDC, PLAIN -> predicate.filter((column, domain) -> column instanceof PinotCdcColumnHandle);
        };
        FilterTranslation translation = PinotFilterTranslator.translate(ScanPlan.filterForm(table, candidates), ScanPlan.sourceCapabilities(table));
        if (translation.contradiction()) {
            return new ConstraintPushdown(TupleDomain.none(), TupleDomain.all(), true);
        }
        // the handle keeps the columns as Trino knows them; the scan turns them into their filter form again
        Map<ColumnHandle, ColumnHandle> byFilterForm = candidates.getDomains().orElse(Map.of()).keySet().stream()
                .collect(toImmutableMap(column -> ScanPlan.filterColumn(table, (PinotCdcColumnHandle) column), Function.identity()));
        TupleDomain<ColumnHandle> pushed = translation.pushed().transformKeys(byFilterForm::get);
        Set<ColumnHandle> pushedColumns = pushed.getDomains().map(Map::keySet).orElse(Set.of());
        return new ConstraintPushdown(pushed, predicate.filter((column, domain) -> !pushedColumns.contains(column)), false);
    }

    private static boolean isKeyColumn(PinotCdcTableHandle table, ColumnHandle column)
    {
        return column instanceof PinotCdcColumnHandle pinotColumn && !pinotColumn.isSourceField() && table.primaryKey().contains(pinotColumn.pinotColumn());
    }
}
