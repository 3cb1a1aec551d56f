package dev.pinotcdc.trino.query;

public enum ComparisonOperator
{
    EQUAL("="),
    NOT_EQUAL("<>"),
    LESS_THAN("<"),
    LESS_THAN_OR_EQUAL("<="),
    GREATER_THAN(">"),
    GREATER_THAN_OR_EQUAL(">=");

    private final String sql;

    ComparisonOperator(String sql)
    {
        this.sql = sql;
    }

    public String sql()
    {
        return sql;
    }
}
