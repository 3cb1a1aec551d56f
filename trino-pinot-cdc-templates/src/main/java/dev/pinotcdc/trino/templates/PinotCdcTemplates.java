package dev.pinotcdc.trino.templates;

import dev.pinotcdc.trino.client.PinotAuthentication;
import dev.pinotcdc.trino.client.PinotClientSettings;
import dev.pinotcdc.trino.client.PinotTruststore;
import dev.pinotcdc.trino.templates.DebeziumSettings.DecimalHandlingMode;
import dev.pinotcdc.trino.templates.DebeziumSettings.TimePrecisionMode;

import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import static java.nio.charset.StandardCharsets.UTF_8;

/**
 * The command that writes Pinot table templates for Debezium topics and checks existing tables. It is built as its
 * own jar, beside its libraries: {@code java -jar trino-pinot-cdc-templates/target/trino-pinot-cdc-templates-<version>-executable.jar ...}.
 */
public final class PinotCdcTemplates
{
    static final int EXIT_OK = 0;
    static final int EXIT_CHECK_FAILED = 1;
    static final int EXIT_USAGE = 2;

    private static final String USAGE = """
            Usage:
              PinotCdcTemplates write (--sample FILE --key F1[,F2...] | --jdbc-url URL --pg-table [SCHEMA.]TABLE) --kafka SERVERS [options]
              PinotCdcTemplates check --controller URL[,URL...] --table NAME [options]

            write: writes <table>-schema.json and <table>-table-config.json for one Debezium topic.
              --sample FILE             one Debezium message of the topic, {"schema": ..., "payload": ...} (JsonConverter, schemas.enable=true)
              --key F1,F2               the primary-key fields (with --sample; read from PostgreSQL with --jdbc-url)
              --jdbc-url URL            read the table's columns and primary key from PostgreSQL (jdbc:postgresql://HOST:PORT/DB)
              --pg-table [SCHEMA.]NAME  the PostgreSQL table (schema public by default)
              --user USER, --password P PostgreSQL credentials (else the URL's, or PGUSER/PGPASSWORD)
              --time-precision-mode M   Debezium's time.precision.mode: adaptive (default), adaptive_time_microseconds, connect
              --decimal-handling-mode M Debezium's decimal.handling.mode: precise (default), double, string
              --table NAME              the Pinot table (default: the database table's name)
              --topic TOPIC             the Kafka topic (default with --sample: from the envelope's schema name)
              --kafka SERVERS           Kafka bootstrap servers, as Pinot's servers reach them
              --promote F1,F2           fields to copy into native columns (default: the first timestamp field; '' for none)
              --append-only             keep every version instead of upserting
              --comparison-column C     the upsert comparison column (default: lsn)
              --without-value-schema    no source_schema column (the connector then infers field types)
              --pinot-version V         0.11 (default, tested) or 1.x (untested: no Groovy, deleteRecordColumn)
              --out DIR                 where to write the files (default: the current directory)
              --controller URL          the controller the printed curl commands post to (default http://localhost:9000)

            check: reads a table's schema and config from a controller and reports what would make its CDC state wrong.
              Exit code 1 when it finds an error or a warning, 0 when it finds only notes.
              --controller URLS         the controllers, http(s)://HOST:PORT, tried in order (like pinot.controller-urls)
              --table NAME              the Pinot table
              --user USER               the controller's basic-authentication user; the password from --password or PINOT_PASSWORD
              --token-env VARIABLE      the environment variable holding a bearer token for the controller
              --truststore FILE         the certificates an https controller is checked against (else the JVM's)
              --truststore-type TYPE    JKS (default) or PKCS12; the password from --truststore-password or PINOT_TRUSTSTORE_PASSWORD
            """;

    private static final Set<String> WRITE_OPTIONS = Set.of("sample", "key", "jdbc-url", "pg-table", "user", "password", "time-precision-mode",
            "decimal-handling-mode", "table", "topic", "kafka", "promote", "comparison-column", "pinot-version", "out", "controller");
    private static final Set<String> WRITE_FLAGS = Set.of("append-only", "without-value-schema");
    private static final Set<String> CHECK_OPTIONS = Set.of("controller", "table", "user", "password", "token-env", "truststore", "truststore-type", "truststore-password");
    private static final Duration CHECK_CONNECT_TIMEOUT = Duration.ofSeconds(10);
    private static final Duration CHECK_READ_TIMEOUT = Duration.ofSeconds(30);

    private final PrintStream out;
    private final PrintStream err;
    private final Map<String, String> environment;

    PinotCdcTemplates(PrintStream out, PrintStream err, Map<String, String> environment)
    {
        this.out = out;
        this.err = err;
        this.environment = Map.copyOf(environment);
    }

    public static void main(String[] args)
    {
        System.exit(new PinotCdcTemplates(System.out, System.err, System.getenv()).run(Arrays.asList(args)));
    }

    int run(List<String> arguments)
    {
        if (arguments.isEmpty() || Set.of("help", "--help", "-h").contains(arguments.getFirst())) {
            (arguments.isEmpty() ? err : out).print(USAGE);
            return arguments.isEmpty() ? EXIT_USAGE : EXIT_OK;
        }
        String command = arguments.getFirst();
        List<String> options = arguments.subList(1, arguments.size());
        try {
            return switch (command) {
                case "write" -> write(CommandArguments.parse(command, options, WRITE_OPTIONS, WRITE_FLAGS));
                case "check" -> check(CommandArguments.parse(command, options, CHECK_OPTIONS, Set.of()));
                default -> throw new TemplateException("Unknown command '%s': use write or check".formatted(command));
            };
        }
        catch (TemplateException e) {
            err.println("Error: " + e.getMessage());
            err.println("Run with --help for the options.");
            return EXIT_USAGE;
        }
    }

    private int write(CommandArguments arguments)
    {
        PinotVersion version = arguments.value("pinot-version").map(PinotVersion::fromArgument).orElse(PinotVersion.V0_11);
        TableSource source = tableSource(arguments);
        String tableName = arguments.value("table").or(source::tableName)
                .orElseThrow(() -> new TemplateException("'write' needs --table: the sample does not name its table"));
        String topic = arguments.value("topic").or(source::topic)
                .orElseThrow(() -> new TemplateException("'write' needs --topic: the Kafka topic Debezium writes the table's changes to"));

        Map<String, RowField> fieldsByName = source.fields().stream().collect(Collectors.toMap(RowField::name, Function.identity(), (first, second) -> first));
        CdcTableSpec.Builder spec = CdcTableSpec.builder(tableName)
                .topic(topic)
                .kafkaBootstrapServers(arguments.required("kafka", "the Kafka bootstrap servers, as Pinot's servers reach them"))
                .fields(source.fields())
                .upsert(!arguments.flag("append-only"))
                .version(version);
        for (String key : source.primaryKey()) {
            RowField field = Optional.ofNullable(fieldsByName.get(key))
                    .orElseThrow(() -> new TemplateException("Primary-key field '%s' is not a field of the row (its fields: %s)".formatted(key, String.join(", ", fieldsByName.keySet()))));
            spec.primaryKeyColumn(KeyColumn.of(field));
        }
        arguments.list("promote").ifPresent(spec::promotedFields);
        arguments.value("comparison-column").ifPresent(spec::comparisonColumn);
        if (arguments.flag("without-value-schema")) {
            spec.withoutValueSchema();
        }
        CdcTableTemplate template = CdcTemplateGenerator.generate(spec.build());

        Path directory = Path.of(arguments.value("out").orElse("."));
        Path schemaFile = directory.resolve(tableName + "-schema.json");
        Path configFile = directory.resolve(tableName + "-table-config.json");
        try {
            Files.createDirectories(directory);
            Files.writeString(schemaFile, TemplateJson.pretty(template.schema()) + "\n", UTF_8);
            Files.writeString(configFile, TemplateJson.pretty(template.tableConfig()) + "\n", UTF_8);
        }
        catch (IOException e) {
            throw new TemplateException("Cannot write the templates into %s: %s".formatted(directory.toAbsolutePath(), e.getMessage()), e);
        }

        out.printf("Wrote %s and %s (Pinot %s, %s, key %s, promoted: %s)%n",
                schemaFile, configFile, version.argument(),
                template.tableConfig().has("upsertConfig") ? "upsert" : "append-only",
                String.join(", ", source.primaryKey()),
                template.promotedColumns().isEmpty() ? "none" : String.join(", ", template.promotedColumns().stream().map(PinotCdcTemplates::describe).toList()));
        template.notes().forEach(note -> out.println("Note: " + note));
        if (version == PinotVersion.V0_11) {
            out.println("Note: the transforms are Groovy: the controller needs controller.disable.ingestion.groovy=false.");
        }
        String controller = arguments.value("controller").orElse("http://localhost:9000").replaceAll("/+$", "");
        out.println("Add them to Pinot (schema first):");
        out.printf("curl -sS -X POST -H 'Content-Type: application/json' --data-binary @%s %s/schemas%n", shellQuote(schemaFile.toString()), shellQuote(controller));
        out.printf("curl -sS -X POST -H 'Content-Type: application/json' --data-binary @%s %s/tables%n", shellQuote(configFile.toString()), shellQuote(controller));
        return EXIT_OK;
    }

    private TableSource tableSource(CommandArguments arguments)
    {
        Optional<String> sample = arguments.value("sample");
        Optional<String> jdbcUrl = arguments.value("jdbc-url");
        if (sample.isPresent() == jdbcUrl.isPresent()) {
            throw new TemplateException("'write' needs exactly one of --sample FILE (a Debezium message) or --jdbc-url URL (a PostgreSQL table)");
        }
        if (sample.isPresent()) {
            for (String option : List.of("pg-table", "user", "password", "time-precision-mode", "decimal-handling-mode")) {
                if (arguments.value(option).isPresent()) {
                    throw new TemplateException("--%s goes with --jdbc-url, not with --sample (the sample's schema states the types)".formatted(option));
                }
            }
            Path file = Path.of(sample.orElseThrow());
            String text;
            try {
                text = Files.readString(file, UTF_8);
            }
            catch (IOException e) {
                throw new TemplateException("Cannot read the sample message %s: %s".formatted(file, e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()), e);
            }
            DebeziumSample message = DebeziumSample.parse(text);
            List<String> key = arguments.list("key").filter(list -> !list.isEmpty())
                    .orElseThrow(() -> new TemplateException("'write --sample' needs --key F1[,F2...]: a Debezium message does not say which fields are the primary key"));
            return new TableSource(message.fields(), key, message.tableName(), message.topic());
        }
        String table = arguments.required("pg-table", "the PostgreSQL table, [SCHEMA.]NAME");
        DebeziumSettings settings = new DebeziumSettings(
                arguments.value("time-precision-mode").map(TimePrecisionMode::fromArgument).orElse(DebeziumSettings.DEFAULTS.timePrecisionMode()),
                arguments.value("decimal-handling-mode").map(DecimalHandlingMode::fromArgument).orElse(DebeziumSettings.DEFAULTS.decimalHandlingMode()));
        PostgreSqlTable postgreSql = PostgreSqlTable.read(
                jdbcUrl.orElseThrow(),
                arguments.value("user").or(() -> Optional.ofNullable(environment.get("PGUSER"))),
                arguments.value("password").or(() -> Optional.ofNullable(environment.get("PGPASSWORD"))),
                table,
                settings);
        List<String> key = arguments.list("key").filter(list -> !list.isEmpty()).orElse(postgreSql.primaryKey());
        if (key.isEmpty()) {
            throw new TemplateException("PostgreSQL table %s.%s has no primary key: pass --key with the columns Debezium keys its messages by".formatted(postgreSql.schemaName(), postgreSql.tableName()));
        }
        return new TableSource(postgreSql.fields(), key, Optional.of(postgreSql.tableName()), Optional.empty());
    }

    private int check(CommandArguments arguments)
    {
        String tableName = arguments.required("table", "the Pinot table to check");
        List<Finding> findings;
        try (ControllerTableReader controller = new ControllerTableReader(controllerSettings(arguments))) {
            findings = new TableChecker().check(controller.schema(tableName), controller.realtimeTableConfig(tableName));
        }
        for (Finding finding : findings) {
            out.println(finding.render());
        }
        if (TableChecker.hasProblems(findings)) {
            long problems = findings.stream().filter(finding -> finding.severity().isProblem()).count();
            out.printf("Table '%s': %s problem%s found.%n", tableName, problems, problems == 1 ? "" : "s");
            return EXIT_CHECK_FAILED;
        }
        out.printf("Table '%s': nothing wrong found.%n", tableName);
        return EXIT_OK;
    }

    /** The controller client's settings, as a catalog's pinot.controller-urls, pinot.controller.authentication.* and pinot.tls.* give them. */
    private PinotClientSettings controllerSettings(CommandArguments arguments)
    {
        List<URI> controllers = arguments.list("controller").filter(list -> !list.isEmpty())
                .orElseThrow(() -> new TemplateException("'check' needs --controller: the Pinot controller's URL, http://HOST:PORT"))
                .stream()
                .map(ControllerTableReader::controllerUrl)
                .toList();
        Optional<String> user = arguments.value("user");
        Optional<String> password = arguments.value("password").or(() -> Optional.ofNullable(environment.get("PINOT_PASSWORD")));
        Optional<String> token = arguments.value("token-env").map(variable -> Optional.ofNullable(environment.get(variable))
                .orElseThrow(() -> new TemplateException("--token-env %s: the environment variable is not set".formatted(variable))));
        if (user.isEmpty() && arguments.value("password").isPresent()) {
            throw new TemplateException("--password goes with --user");
        }
        PinotAuthentication authentication;
        try {
            authentication = PinotAuthentication.of(user, user.isPresent() ? password : Optional.empty(), token);
        }
        catch (IllegalArgumentException e) {
            throw new TemplateException(e.getMessage() + " (--user with --password or PINOT_PASSWORD, or --token-env)");
        }
        Optional<PinotTruststore> truststore = arguments.value("truststore").map(file -> new PinotTruststore(
                Path.of(file),
                arguments.value("truststore-password").or(() -> Optional.ofNullable(environment.get("PINOT_TRUSTSTORE_PASSWORD"))),
                arguments.value("truststore-type").orElse("JKS")));
        try {
            return new PinotClientSettings(controllers, List.of(), authentication, PinotAuthentication.none(), truststore, CHECK_CONNECT_TIMEOUT, CHECK_READ_TIMEOUT);
        }
        catch (IllegalArgumentException e) {
            throw new TemplateException(e.getMessage());
        }
    }

    private static String describe(PromotedColumn column)
    {
        return column.name() + column.epochUnit().map(unit -> " (" + unit.format() + ")").orElse(" (" + column.dataType() + ")");
    }

    static String shellQuote(String text)
    {
        if (text.matches("[A-Za-z0-9_./:@=+-]+")) {
            return text;
        }
        return "'" + text.replace("'", "'\\''") + "'";
    }

    private record TableSource(List<RowField> fields, List<String> primaryKey, Optional<String> tableName, Optional<String> topic) {}
}
