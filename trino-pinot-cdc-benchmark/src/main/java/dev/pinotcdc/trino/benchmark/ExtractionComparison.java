package dev.pinotcdc.trino.benchmark;

import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * One scan read by this plugin twice: with Pinot returning whole source documents, and with Pinot extracting each
 * source field the scan reads ({@code max_extracted_source_fields} 0 and unlimited).
 *
 * @param extractedPinotSql what the extracting scan sent, from EXPLAIN
 */
record ExtractionComparison(String name, int sourceFields, String sql, WayResult wholeDocuments, WayResult extracted, String extractedPinotSql)
{
    ExtractionComparison
    {
        requireNonNull(name, "name is null");
        requireNonNull(sql, "sql is null");
        requireNonNull(wholeDocuments, "wholeDocuments is null");
        requireNonNull(extracted, "extracted is null");
        requireNonNull(extractedPinotSql, "extractedPinotSql is null");
    }

    /** Extracted time over whole-document time: below 1 where extraction pays. */
    Optional<Double> ratio()
    {
        return extracted.medianMillis().flatMap(numerator -> wholeDocuments.medianMillis().map(denominator -> numerator / denominator));
    }

    Optional<Boolean> agree()
    {
        if (wholeDocuments.answer().isEmpty() || extracted.answer().isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(wholeDocuments.answer().orElseThrow().sameAs(extracted.answer().orElseThrow()));
    }
}
