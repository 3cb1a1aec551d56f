package dev.pinotcdc.trino.query;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;

import static java.util.Objects.requireNonNull;

/**
 * A Pinot SQL text given to {@code system.query}, checked to be exactly one SELECT statement. The text is sent as
 * written; only a trailing semicolon is dropped and, where the statement has no LIMIT of its own, a LIMIT is appended
 * (Pinot would otherwise apply its default of 10 rows without a word).
 *
 * <p>The checks read the text as Pinot's parser would split it into tokens: string literals ({@code '...'} with
 * {@code ''} for a quote), quoted identifiers ({@code "..."}, {@code `...`}) and comments ({@code -- ...},
 * {@code /* ... *}{@code /}) are skipped, so a keyword or semicolon inside them counts for nothing.
 *
 * @param statement the statement as written, without a trailing semicolon
 * @param tableName the table after the top-level FROM, which picks the brokers
 * @param limit the number of rows the statement's own top-level LIMIT asks for; empty without one
 * @param limitStart where the statement's own LIMIT begins in {@code statement}; -1 without one
 */
public record NativeSql(String statement, String tableName, OptionalLong limit, int limitStart)
{
    public NativeSql
    {
        requireNonNull(statement, "statement is null");
        requireNonNull(tableName, "tableName is null");
        requireNonNull(limit, "limit is null");
    }

    /**
     * @throws IllegalArgumentException the text is not one SELECT statement this function sends; the message says why
     */
    public static NativeSql parse(String text)
    {
        requireNonNull(text, "text is null");
        List<Token> tokens = tokenize(text);
        if (!tokens.isEmpty() && tokens.getLast().is(";")) {
            tokens = tokens.subList(0, tokens.size() - 1);
        }
        if (tokens.isEmpty()) {
            throw new IllegalArgumentException("The query is empty: give one Pinot SELECT statement");
        }
        String statement = text.substring(0, tokens.getLast().end());
        if (!tokens.getFirst().isWord("SELECT")) {
            throw new IllegalArgumentException("Only a SELECT statement can be sent to Pinot, not one beginning with '%s'".formatted(tokens.getFirst().text()));
        }
        int depth = 0;
        String tableName = null;
        for (int i = 0; i < tokens.size(); i++) {
            Token token = tokens.get(i);
            if (token.is(";")) {
                throw new IllegalArgumentException("Only one statement can be sent to Pinot: remove the ';' inside the query (SET statements and several statements are refused)");
            }
            if (token.is("(")) {
                depth++;
            }
            else if (token.is(")")) {
                depth--;
            }
            else if (depth == 0 && token.isWord("OPTION") && i + 1 < tokens.size() && tokens.get(i + 1).is("(")) {
                throw new IllegalArgumentException("Pinot query options (OPTION(...)) cannot be set through this function: the connector sets the timeout itself");
            }
            else if (depth == 0 && tableName == null && token.isWord("FROM")) {
                if (i + 1 >= tokens.size() || !tokens.get(i + 1).isName()) {
                    throw new IllegalArgumentException("A Pinot table name must follow FROM");
                }
                tableName = tokens.get(i + 1).name();
            }
        }
        if (tableName == null) {
            throw new IllegalArgumentException("The query has no FROM clause: Pinot queries read one table");
        }
        int size = tokens.size();
        // LIMIT n, LIMIT offset, n and LIMIT n OFFSET offset
        if (size >= 2 && tokens.get(size - 2).isWord("LIMIT") && tokens.get(size - 1).isNumber()) {
            return new NativeSql(statement, tableName, OptionalLong.of(tokens.get(size - 1).number()), tokens.get(size - 2).start());
        }
        if (size >= 4 && tokens.get(size - 4).isWord("LIMIT") && tokens.get(size - 3).isNumber() && tokens.get(size - 2).is(",") && tokens.get(size - 1).isNumber()) {
            return new NativeSql(statement, tableName, OptionalLong.of(tokens.get(size - 1).number()), tokens.get(size - 4).start());
        }
        if (size >= 4 && tokens.get(size - 4).isWord("LIMIT") && tokens.get(size - 3).isNumber() && tokens.get(size - 2).isWord("OFFSET") && tokens.get(size - 1).isNumber()) {
            return new NativeSql(statement, tableName, OptionalLong.of(tokens.get(size - 3).number()), tokens.get(size - 4).start());
        }
        if (tokens.stream().anyMatch(token -> token.isWord("LIMIT"))) {
            throw new IllegalArgumentException("A LIMIT must end the query and be a whole number (LIMIT n, LIMIT n OFFSET m or LIMIT m, n)");
        }
        return new NativeSql(statement, tableName, OptionalLong.empty(), -1);
    }

    /**
     * The text to send: the statement as written, with {@code LIMIT maxRows + 1} appended where it has no LIMIT, so
     * that an answer of more rows than allowed shows as such instead of being cut to Pinot's default of 10.
     */
    public String sqlToSend(long maxRows)
    {
        // on a line of its own: the statement may end with a line comment
        return limit.isPresent() ? statement : statement + "\nLIMIT " + (maxRows + 1);
    }

    /** The LIMIT {@link #sqlToSend} asks for. */
    public long requestedRows(long maxRows)
    {
        return limit.orElse(maxRows + 1);
    }

    /**
     * The statement with LIMIT 1 in place of its own: Pinot answers with the result's columns and types, and at most
     * one row. Not LIMIT 0: Pinot 0.11 fails an ordered GROUP BY with LIMIT 0.
     */
    public String columnsOnly()
    {
        return (limitStart < 0 ? statement : statement.substring(0, limitStart)) + "\nLIMIT 1";
    }

    private record Token(Kind kind, String text, int start, int end)
    {
        enum Kind { WORD, NUMBER, QUOTED, LITERAL, SYMBOL }

        boolean is(String symbol)
        {
            return kind == Kind.SYMBOL && text.equals(symbol);
        }

        boolean isWord(String word)
        {
            return kind == Kind.WORD && text.equalsIgnoreCase(word);
        }

        boolean isNumber()
        {
            return kind == Kind.NUMBER && text.chars().allMatch(Character::isDigit) && text.length() <= 18;
        }

        long number()
        {
            return Long.parseLong(text);
        }

        boolean isName()
        {
            return kind == Kind.WORD || kind == Kind.QUOTED;
        }

        String name()
        {
            return kind == Kind.QUOTED ? text.substring(1, text.length() - 1).replace(text.substring(0, 1).repeat(2), text.substring(0, 1)) : text;
        }
    }

    private static List<Token> tokenize(String text)
    {
        List<Token> tokens = new ArrayList<>();
        int i = 0;
        int length = text.length();
        while (i < length) {
            char c = text.charAt(i);
            int start = i;
            if (Character.isWhitespace(c)) {
                i++;
            }
            else if (c == '-' && i + 1 < length && text.charAt(i + 1) == '-') {
                while (i < length && text.charAt(i) != '\n' && text.charAt(i) != '\r') {
                    i++;
                }
            }
            else if (c == '/' && i + 1 < length && text.charAt(i + 1) == '*') {
                int close = text.indexOf("*/", i + 2);
                if (close < 0) {
                    throw new IllegalArgumentException("The query has a comment that is not closed (/* without */)");
                }
                i = close + 2;
            }
            else if (c == '\'' || c == '"' || c == '`') {
                i = closingQuote(text, i);
                tokens.add(new Token(c == '\'' ? Token.Kind.LITERAL : Token.Kind.QUOTED, text.substring(start, i), start, i));
            }
            else if (Character.isLetter(c) || c == '_' || c == '$') {
                while (i < length && (Character.isLetterOrDigit(text.charAt(i)) || text.charAt(i) == '_' || text.charAt(i) == '$')) {
                    i++;
                }
                tokens.add(new Token(Token.Kind.WORD, text.substring(start, i), start, i));
            }
            else if (Character.isDigit(c)) {
                while (i < length && (Character.isLetterOrDigit(text.charAt(i)) || text.charAt(i) == '.')) {
                    i++;
                }
                tokens.add(new Token(Token.Kind.NUMBER, text.substring(start, i), start, i));
            }
            else {
                i++;
                tokens.add(new Token(Token.Kind.SYMBOL, String.valueOf(c), start, i));
            }
        }
        return tokens;
    }

    /** The index after the quote closing the one at {@code open}; a doubled quote stands for itself. */
    private static int closingQuote(String text, int open)
    {
        char quote = text.charAt(open);
        int i = open + 1;
        while (i < text.length()) {
            if (text.charAt(i) == quote) {
                if (i + 1 < text.length() && text.charAt(i + 1) == quote) {
                    i += 2;
                    continue;
                }
                return i + 1;
            }
            i++;
        }
        String what = quote == '\'' ? "string literal" : "quoted identifier";
        throw new IllegalArgumentException("The query has a %s that is not closed (%s without its closing %s)".formatted(what, quote, quote));
    }
}
