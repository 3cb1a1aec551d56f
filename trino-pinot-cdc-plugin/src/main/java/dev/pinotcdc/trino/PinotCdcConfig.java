package dev.pinotcdc.trino;

import com.google.common.base.Splitter;
import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSet;
import io.airlift.configuration.Config;
import io.airlift.configuration.ConfigDescription;
import io.airlift.configuration.ConfigSecuritySensitive;
import io.airlift.configuration.validation.FileExists;
import io.airlift.units.Duration;
import io.airlift.units.MaxDuration;
import io.airlift.units.MinDuration;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;

import java.io.File;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

import static com.google.common.collect.ImmutableList.toImmutableList;
import static java.util.Locale.ENGLISH;
import static java.util.concurrent.TimeUnit.SECONDS;

public class PinotCdcConfig
{
    private static final Splitter LIST_SPLITTER = Splitter.on(',').trimResults().omitEmptyStrings();

    private List<String> controllerUrls = ImmutableList.of();
    private List<String> brokerUrls = ImmutableList.of();
    private PinotAuthenticationType controllerAuthenticationType = PinotAuthenticationType.NONE;
    private PinotAuthenticationType brokerAuthenticationType = PinotAuthenticationType.NONE;
    private String controllerUser;
    private String controllerPassword;
    private String controllerToken;
    private String brokerUser;
    private String brokerPassword;
    private String brokerToken;
    private File truststorePath;
    private String truststorePassword;
    private String truststoreType = "JKS";
    private Duration connectTimeout = new Duration(10, SECONDS);
    private Duration readTimeout = new Duration(60, SECONDS);
    private Duration metadataCacheTtl = new Duration(30, SECONDS);
    private int maxRowsPerBrokerQuery = 1_000_000;
    private int scanSplits = 4;
    private int maxExtractedSourceFields = 1;
    private Duration dynamicFilteringWaitTimeout = new Duration(0, SECONDS);

    private String sourceColumn = "source";
    private String opColumn = "op";
    private String timeColumn = "ts_ms";
    private Set<String> deleteOpCodes = ImmutableSet.of("d");
    private String truncateOpCode = "t";
    private String valueSchemaColumn = "source_schema";
    private String versionColumn = "lsn";
    private File tableDefinitionDirectory;
    private int inferenceSampleSize = 1000;
    private boolean strictDecoding;

    @NotEmpty(message = "pinot.controller-urls must name at least one controller")
    public List<URI> getControllerUrls()
    {
        return toUris(controllerUrls);
    }

    @Config("pinot.controller-urls")
    @ConfigDescription("Comma-separated Pinot controller URLs (http:// or https://)")
    public PinotCdcConfig setControllerUrls(String urls)
    {
        this.controllerUrls = ImmutableList.copyOf(LIST_SPLITTER.split(urls));
        return this;
    }

    public List<URI> getBrokerUrls()
    {
        return toUris(brokerUrls);
    }

    @Config("pinot.broker-urls")
    @ConfigDescription("Comma-separated Pinot broker URLs; when set, brokers are not discovered through the controller")
    public PinotCdcConfig setBrokerUrls(String urls)
    {
        this.brokerUrls = ImmutableList.copyOf(LIST_SPLITTER.split(urls));
        return this;
    }

    @NotNull
    public PinotAuthenticationType getControllerAuthenticationType()
    {
        return controllerAuthenticationType;
    }

    @Config("pinot.controller.authentication.type")
    @ConfigDescription("Authentication to the controller: NONE, PASSWORD (basic) or TOKEN (bearer)")
    public PinotCdcConfig setControllerAuthenticationType(PinotAuthenticationType controllerAuthenticationType)
    {
        this.controllerAuthenticationType = controllerAuthenticationType;
        return this;
    }

    @NotNull
    public PinotAuthenticationType getBrokerAuthenticationType()
    {
        return brokerAuthenticationType;
    }

    @Config("pinot.broker.authentication.type")
    @ConfigDescription("Authentication to the brokers: NONE, PASSWORD (basic) or TOKEN (bearer)")
    public PinotCdcConfig setBrokerAuthenticationType(PinotAuthenticationType brokerAuthenticationType)
    {
        this.brokerAuthenticationType = brokerAuthenticationType;
        return this;
    }

    public Optional<String> getControllerUser()
    {
        return Optional.ofNullable(controllerUser);
    }

    @Config("pinot.controller.authentication.user")
    @ConfigDescription("User name for basic authentication to the controller")
    public PinotCdcConfig setControllerUser(String controllerUser)
    {
        this.controllerUser = controllerUser;
        return this;
    }

    public Optional<String> getControllerPassword()
    {
        return Optional.ofNullable(controllerPassword);
    }

    @Config("pinot.controller.authentication.password")
    @ConfigDescription("Password for basic authentication to the controller")
    @ConfigSecuritySensitive
    public PinotCdcConfig setControllerPassword(String controllerPassword)
    {
        this.controllerPassword = controllerPassword;
        return this;
    }

    public Optional<String> getControllerToken()
    {
        return Optional.ofNullable(controllerToken);
    }

    @Config("pinot.controller.authentication.token")
    @ConfigDescription("Bearer token for the controller")
    @ConfigSecuritySensitive
    public PinotCdcConfig setControllerToken(String controllerToken)
    {
        this.controllerToken = controllerToken;
        return this;
    }

    public Optional<String> getBrokerUser()
    {
        return Optional.ofNullable(brokerUser);
    }

    @Config("pinot.broker.authentication.user")
    @ConfigDescription("User name for basic authentication to the brokers")
    public PinotCdcConfig setBrokerUser(String brokerUser)
    {
        this.brokerUser = brokerUser;
        return this;
    }

    public Optional<String> getBrokerPassword()
    {
        return Optional.ofNullable(brokerPassword);
    }

    @Config("pinot.broker.authentication.password")
    @ConfigDescription("Password for basic authentication to the brokers")
    @ConfigSecuritySensitive
    public PinotCdcConfig setBrokerPassword(String brokerPassword)
    {
        this.brokerPassword = brokerPassword;
        return this;
    }

    public Optional<String> getBrokerToken()
    {
        return Optional.ofNullable(brokerToken);
    }

    @Config("pinot.broker.authentication.token")
    @ConfigDescription("Bearer token for the brokers")
    @ConfigSecuritySensitive
    public PinotCdcConfig setBrokerToken(String brokerToken)
    {
        this.brokerToken = brokerToken;
        return this;
    }

    public Optional<@FileExists File> getTruststorePath()
    {
        return Optional.ofNullable(truststorePath);
    }

    @Config("pinot.tls.truststore-path")
    @ConfigDescription("Truststore for https controller and broker URLs; the JVM's default trust is used when unset")
    public PinotCdcConfig setTruststorePath(File truststorePath)
    {
        this.truststorePath = truststorePath;
        return this;
    }

    public Optional<String> getTruststorePassword()
    {
        return Optional.ofNullable(truststorePassword);
    }

    @Config("pinot.tls.truststore-password")
    @ConfigDescription("Password of the truststore")
    @ConfigSecuritySensitive
    public PinotCdcConfig setTruststorePassword(String truststorePassword)
    {
        this.truststorePassword = truststorePassword;
        return this;
    }

    @NotNull
    public String getTruststoreType()
    {
        return truststoreType;
    }

    @Config("pinot.tls.truststore-type")
    @ConfigDescription("Truststore format: JKS or PKCS12")
    public PinotCdcConfig setTruststoreType(String truststoreType)
    {
        this.truststoreType = truststoreType;
        return this;
    }

    @NotNull
    @MinDuration("1ms")
    @MaxDuration("1h")
    public Duration getConnectTimeout()
    {
        return connectTimeout;
    }

    @Config("pinot.connect-timeout")
    @ConfigDescription("Time allowed to open a connection to a controller or broker")
    public PinotCdcConfig setConnectTimeout(Duration connectTimeout)
    {
        this.connectTimeout = connectTimeout;
        return this;
    }

    @NotNull
    @MinDuration("1ms")
    @MaxDuration("1d")
    public Duration getReadTimeout()
    {
        return readTimeout;
    }

    @Config("pinot.read-timeout")
    @ConfigDescription("Time allowed for a controller or broker to answer one request; also sent to Pinot as the query timeout")
    public PinotCdcConfig setReadTimeout(Duration readTimeout)
    {
        this.readTimeout = readTimeout;
        return this;
    }

    @NotNull
    @MinDuration("0ms")
    public Duration getMetadataCacheTtl()
    {
        return metadataCacheTtl;
    }

    @Config("pinot.metadata-cache-ttl")
    @ConfigDescription("How long table lists, schemas and inferred column types are cached; 0s disables the cache")
    public PinotCdcConfig setMetadataCacheTtl(Duration metadataCacheTtl)
    {
        this.metadataCacheTtl = metadataCacheTtl;
        return this;
    }

    @Min(1)
    @Max(100_000_000)
    public int getMaxRowsPerBrokerQuery()
    {
        return maxRowsPerBrokerQuery;
    }

    @Config("pinot.max-rows-per-broker-query")
    @ConfigDescription("Most rows one broker query may return; a split that would return more fails and says how to narrow the query")
    public PinotCdcConfig setMaxRowsPerBrokerQuery(int maxRowsPerBrokerQuery)
    {
        this.maxRowsPerBrokerQuery = maxRowsPerBrokerQuery;
        return this;
    }

    @Min(1)
    @Max(256)
    public int getScanSplits()
    {
        return scanSplits;
    }

    @Config("pinot.scan-splits")
    @ConfigDescription("Broker queries a full scan is divided into, run in parallel by Trino's workers")
    public PinotCdcConfig setScanSplits(int scanSplits)
    {
        this.scanSplits = scanSplits;
        return this;
    }

    @Min(0)
    @Max(1000)
    public int getMaxExtractedSourceFields()
    {
        return maxExtractedSourceFields;
    }

    @Config("pinot.max-extracted-source-fields")
    @ConfigDescription("A scan reading at most this many fields of the source JSON has Pinot extract them; a scan reading more receives whole documents (0: always whole documents)")
    public PinotCdcConfig setMaxExtractedSourceFields(int maxExtractedSourceFields)
    {
        this.maxExtractedSourceFields = maxExtractedSourceFields;
        return this;
    }

    @MinDuration("0ms")
    @MaxDuration("1h")
    public Duration getDynamicFilteringWaitTimeout()
    {
        return dynamicFilteringWaitTimeout;
    }

    @Config("pinot.dynamic-filtering-wait-timeout")
    @ConfigDescription("How long a scan on the probe side of a join waits for the join's dynamic filter, which it sends to Pinot")
    public PinotCdcConfig setDynamicFilteringWaitTimeout(Duration dynamicFilteringWaitTimeout)
    {
        this.dynamicFilteringWaitTimeout = dynamicFilteringWaitTimeout;
        return this;
    }

    @NotEmpty
    public String getSourceColumn()
    {
        return sourceColumn;
    }

    @Config("cdc.source-column")
    @ConfigDescription("Pinot column holding the JSON row image (Debezium's after)")
    public PinotCdcConfig setSourceColumn(String sourceColumn)
    {
        this.sourceColumn = sourceColumn;
        return this;
    }

    @NotEmpty
    public String getOpColumn()
    {
        return opColumn;
    }

    @Config("cdc.op-column")
    @ConfigDescription("Pinot column holding the Debezium operation code")
    public PinotCdcConfig setOpColumn(String opColumn)
    {
        this.opColumn = opColumn;
        return this;
    }

    @NotEmpty
    public String getTimeColumn()
    {
        return timeColumn;
    }

    @Config("cdc.time-column")
    @ConfigDescription("Pinot column holding the event time (epoch milliseconds)")
    public PinotCdcConfig setTimeColumn(String timeColumn)
    {
        this.timeColumn = timeColumn;
        return this;
    }

    @NotEmpty(message = "cdc.delete-op-codes must name at least one code")
    public Set<String> getDeleteOpCodes()
    {
        return deleteOpCodes;
    }

    @Config("cdc.delete-op-codes")
    @ConfigDescription("Comma-separated operation codes that mark a deleted row")
    public PinotCdcConfig setDeleteOpCodes(String deleteOpCodes)
    {
        this.deleteOpCodes = ImmutableSet.copyOf(LIST_SPLITTER.split(deleteOpCodes));
        return this;
    }

    @NotEmpty
    public String getTruncateOpCode()
    {
        return truncateOpCode;
    }

    @Config("cdc.truncate-op-code")
    @ConfigDescription("Operation code of a table truncate: rows older than it are hidden")
    public PinotCdcConfig setTruncateOpCode(String truncateOpCode)
    {
        this.truncateOpCode = truncateOpCode;
        return this;
    }

    @NotEmpty
    public String getValueSchemaColumn()
    {
        return valueSchemaColumn;
    }

    @Config("cdc.value-schema-column")
    @ConfigDescription("Pinot column holding Debezium's schema of the row image; where present it gives exact column types")
    public PinotCdcConfig setValueSchemaColumn(String valueSchemaColumn)
    {
        this.valueSchemaColumn = valueSchemaColumn;
        return this;
    }

    @NotEmpty
    public String getVersionColumn()
    {
        return versionColumn;
    }

    @Config("cdc.version-column")
    @ConfigDescription("Column that orders the versions of a key (Debezium's source LSN) where Pinot does not upsert, and places truncates; tables without it use the time column")
    public PinotCdcConfig setVersionColumn(String versionColumn)
    {
        this.versionColumn = versionColumn;
        return this;
    }

    public Optional<@FileExists File> getTableDefinitionDirectory()
    {
        return Optional.ofNullable(tableDefinitionDirectory);
    }

    @Config("cdc.table-definition-dir")
    @ConfigDescription("Directory of table definition files (<table>.json) that fix column types, paths and encodings")
    public PinotCdcConfig setTableDefinitionDirectory(File tableDefinitionDirectory)
    {
        this.tableDefinitionDirectory = tableDefinitionDirectory;
        return this;
    }

    @Min(1)
    @Max(1_000_000)
    public int getInferenceSampleSize()
    {
        return inferenceSampleSize;
    }

    @Config("cdc.inference-sample-size")
    @ConfigDescription("Number of newest rows sampled to infer column types when no definition file or value schema exists")
    public PinotCdcConfig setInferenceSampleSize(int inferenceSampleSize)
    {
        this.inferenceSampleSize = inferenceSampleSize;
        return this;
    }

    public boolean isStrictDecoding()
    {
        return strictDecoding;
    }

    @Config("cdc.strict-decoding")
    @ConfigDescription("Fail a query on a stored value that does not fit its column, instead of returning NULL and counting it")
    public PinotCdcConfig setStrictDecoding(boolean strictDecoding)
    {
        this.strictDecoding = strictDecoding;
        return this;
    }

    @AssertTrue(message = "pinot.controller-urls: every URL must be http:// or https:// with a host, e.g. http://pinot-controller:9000")
    public boolean isControllerUrlsValid()
    {
        return controllerUrls.stream().allMatch(PinotCdcConfig::isHttpUrl);
    }

    @AssertTrue(message = "pinot.broker-urls: every URL must be http:// or https:// with a host, e.g. http://pinot-broker:8099")
    public boolean isBrokerUrlsValid()
    {
        return brokerUrls.stream().allMatch(PinotCdcConfig::isHttpUrl);
    }

    @AssertTrue(message = "pinot.controller.authentication.type=PASSWORD needs pinot.controller.authentication.user and .password; TOKEN needs pinot.controller.authentication.token")
    public boolean isControllerAuthenticationValid()
    {
        return isAuthenticationComplete(controllerAuthenticationType, controllerUser, controllerPassword, controllerToken);
    }

    @AssertTrue(message = "pinot.broker.authentication.type=PASSWORD needs pinot.broker.authentication.user and .password; TOKEN needs pinot.broker.authentication.token")
    public boolean isBrokerAuthenticationValid()
    {
        return isAuthenticationComplete(brokerAuthenticationType, brokerUser, brokerPassword, brokerToken);
    }

    @AssertTrue(message = "pinot.controller-urls and pinot.broker-urls must not hold a user or password (user:password@host): set pinot.controller.authentication.* and pinot.broker.authentication.* instead")
    public boolean isUrlsWithoutCredentials()
    {
        return Stream.concat(controllerUrls.stream(), brokerUrls.stream()).noneMatch(PinotCdcConfig::hasUserInfo);
    }

    private static boolean isAuthenticationComplete(PinotAuthenticationType type, String user, String password, String token)
    {
        return switch (type) {
            case NONE -> true;
            case PASSWORD -> user != null && password != null;
            case TOKEN -> token != null;
        };
    }

    private static boolean isHttpUrl(String url)
    {
        try {
            URI uri = new URI(url);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(ENGLISH);
            return (scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null;
        }
        catch (URISyntaxException e) {
            return false;
        }
    }

    private static boolean hasUserInfo(String url)
    {
        try {
            return new URI(url).getRawUserInfo() != null;
        }
        catch (URISyntaxException e) {
            // not a URI at all: refused as such, and its text is never echoed
            return url.contains("@");
        }
    }

    private static List<URI> toUris(List<String> urls)
    {
        // invalid URLs are reported by validation; until then they are left out, and never used with credentials in them
        return urls.stream()
                .filter(PinotCdcConfig::isHttpUrl)
                .filter(url -> !hasUserInfo(url))
                .map(URI::create)
                .collect(toImmutableList());
    }
}
