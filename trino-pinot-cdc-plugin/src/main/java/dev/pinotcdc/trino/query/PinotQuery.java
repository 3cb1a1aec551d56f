package dev.pinotcdc.trino.query;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

import static java.util.Objects.requireNonNull;

/**
 * One Pinot broker query.
 * <p>
 * The limit is required: Pinot applies LIMIT 10 to a query without one, which would silently cut results.
 * Query options are not part of the text: the client sends them beside it.
 */
public record PinotQuery(
        String table,
        List<SelectItem> select,
        Optional<PinotFilter> filter,
        List<PinotExpression> groupBy,
        List<OrderItem> orderBy,
        long limit,
        OptionalLong offset)
{
    public PinotQuery
    {
        PinotIdentifiers.checkIdentifier(requireNonNull(table, "table is null"));
        select = List.copyOf(select);
        if (select.isEmpty()) {
            throw new IllegalArgumentException("select list is empty");
        }
        requireNonNull(filter, "filter is null");
        groupBy = List.copyOf(groupBy);
        orderBy = List.copyOf(orderBy);
        if (limit < 0 || limit > Integer.MAX_VALUE) {
            // Pinot parses LIMIT and OFFSET into an int
            throw new IllegalArgumentException("limit out of range: " + limit);
        }
        requireNonNull(offset, "offset is null");
        offset.ifPresent(value -> {
            if (value < 0 || value > Integer.MAX_VALUE) {
                throw new IllegalArgumentException("offset out of range: " + value);
            }
        });
    }

    public PinotQuery withLimit(long limit)
    {
        return new PinotQuery(table, select, filter, groupBy, orderBy, limit, offset);
    }

    public static Builder builder(String table)
    {
        return new Builder(table);
    }

    public static final class Builder
    {
        private final String table;
        private final ArrayList<SelectItem> select = new ArrayList<>();
        private Optional<PinotFilter> filter = Optional.empty();
        private final ArrayList<PinotExpression> groupBy = new ArrayList<>();
        private final ArrayList<OrderItem> orderBy = new ArrayList<>();
        private long limit;
        private OptionalLong offset = OptionalLong.empty();

        private Builder(String table)
        {
            this.table = requireNonNull(table, "table is null");
        }

        public Builder select(PinotExpression expression)
        {
            select.add(SelectItem.of(expression));
            return this;
        }

        public Builder select(PinotExpression expression, String alias)
        {
            select.add(SelectItem.of(expression, alias));
            return this;
        }

        public Builder filter(PinotFilter filter)
        {
            this.filter = Optional.of(filter);
            return this;
        }

        public Builder filter(Optional<PinotFilter> filter)
        {
            this.filter = requireNonNull(filter, "filter is null");
            return this;
        }

        public Builder groupBy(PinotExpression expression)
        {
            groupBy.add(expression);
            return this;
        }

        public Builder orderBy(PinotExpression expression, boolean ascending)
        {
            orderBy.add(new OrderItem(expression, ascending));
            return this;
        }

        public Builder limit(long limit)
        {
            this.limit = limit;
            return this;
        }

        public Builder offset(long offset)
        {
            this.offset = OptionalLong.of(offset);
            return this;
        }

        public PinotQuery build()
        {
            return new PinotQuery(table, select, filter, groupBy, orderBy, limit, offset);
        }
    }
}
