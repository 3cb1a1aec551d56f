package dev.pinotcdc.trino.query;

/** An expression of a Pinot query: a column, a JSON extraction, a function call, an aggregation (filtered or not), a CASE or a literal. */
public sealed interface PinotExpression
        permits ColumnReference, JsonExtractScalar, FunctionCall, CountAll, FilteredAggregation, CaseWhen, PinotLiteral
{
}
