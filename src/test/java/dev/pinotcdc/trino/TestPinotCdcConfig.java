package dev.pinotcdc.trino;

import com.google.common.collect.ImmutableMap;
import com.google.common.collect.ImmutableSet;
import io.airlift.units.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static io.airlift.configuration.testing.ConfigAssertions.assertFullMapping;
import static io.airlift.configuration.testing.ConfigAssertions.assertRecordedDefaults;
import static io.airlift.configuration.testing.ConfigAssertions.recordDefaults;
import static java.util.concurrent.TimeUnit.MINUTES;
import static java.util.concurrent.TimeUnit.SECONDS;
import static org.assertj.core.api.Assertions.assertThat;

final class TestPinotCdcConfig
{
    @Test
    void testDefaults()
    {
        assertRecordedDefaults(recordDefaults(PinotCdcConfig.class)
                .setControllerUrls("")
                .setBrokerUrls("")
                .setControllerAuthenticationType(PinotAuthenticationType.NONE)
                .setBrokerAuthenticationType(PinotAuthenticationType.NONE)
                .setControllerUser(null)
                .setControllerPassword(null)
                .setControllerToken(null)
                .setBrokerUser(null)
                .setBrokerPassword(null)
                .setBrokerToken(null)
                .setTruststorePath(null)
                .setTruststorePassword(null)
                .setTruststoreType("JKS")
                .setConnectTimeout(new Duration(10, SECONDS))
                .setReadTimeout(new Duration(60, SECONDS))
                .setMetadataCacheTtl(new Duration(30, SECONDS))
                .setMaxRowsPerBrokerQuery(1_000_000)
                .setScanSplits(4)
                .setMaxExtractedSourceFields(1)
                .setDynamicFilteringWaitTimeout(new Duration(0, SECONDS))
                .setSourceColumn("source")
                .setOpColumn("op")
                .setTimeColumn("ts_ms")
                .setDeleteOpCodes("d")
                .setTruncateOpCode("t")
                .setValueSchemaColumn("source_schema")
                .setVersionColumn("lsn")
                .setTableDefinitionDirectory(null)
                .setInferenceSampleSize(1000)
                .setStrictDecoding(false));
    }

    @Test
    void testExplicitPropertyMappings(@TempDir Path directory)
            throws Exception
    {
        Path truststore = Files.createFile(directory.resolve("truststore.jks"));
        Map<String, String> properties = ImmutableMap.<String, String>builder()
                .put("pinot.controller-urls", "https://c1:9443, https://c2:9443")
                .put("pinot.broker-urls", "https://b1:8443")
                .put("pinot.controller.authentication.type", "PASSWORD")
                .put("pinot.broker.authentication.type", "TOKEN")
                .put("pinot.controller.authentication.user", "admin")
                .put("pinot.controller.authentication.password", "secret")
                .put("pinot.controller.authentication.token", "ctoken")
                .put("pinot.broker.authentication.user", "reader")
                .put("pinot.broker.authentication.password", "secret2")
                .put("pinot.broker.authentication.token", "btoken")
                .put("pinot.tls.truststore-path", truststore.toString())
                .put("pinot.tls.truststore-password", "changeit")
                .put("pinot.tls.truststore-type", "PKCS12")
                .put("pinot.connect-timeout", "3s")
                .put("pinot.read-timeout", "2m")
                .put("pinot.metadata-cache-ttl", "5s")
                .put("pinot.max-rows-per-broker-query", "5000")
                .put("pinot.scan-splits", "16")
                .put("pinot.max-extracted-source-fields", "5")
                .put("pinot.dynamic-filtering-wait-timeout", "3s")
                .put("cdc.source-column", "payload")
                .put("cdc.op-column", "operation")
                .put("cdc.time-column", "event_ms")
                .put("cdc.delete-op-codes", "d, D")
                .put("cdc.truncate-op-code", "T")
                .put("cdc.value-schema-column", "after_schema")
                .put("cdc.version-column", "commit_lsn")
                .put("cdc.table-definition-dir", directory.toString())
                .put("cdc.inference-sample-size", "50")
                .put("cdc.strict-decoding", "true")
                .buildOrThrow();

        PinotCdcConfig expected = new PinotCdcConfig()
                .setControllerUrls("https://c1:9443,https://c2:9443")
                .setBrokerUrls("https://b1:8443")
                .setControllerAuthenticationType(PinotAuthenticationType.PASSWORD)
                .setBrokerAuthenticationType(PinotAuthenticationType.TOKEN)
                .setControllerUser("admin")
                .setControllerPassword("secret")
                .setControllerToken("ctoken")
                .setBrokerUser("reader")
                .setBrokerPassword("secret2")
                .setBrokerToken("btoken")
                .setTruststorePath(truststore.toFile())
                .setTruststorePassword("changeit")
                .setTruststoreType("PKCS12")
                .setConnectTimeout(new Duration(3, SECONDS))
                .setReadTimeout(new Duration(2, MINUTES))
                .setMetadataCacheTtl(new Duration(5, SECONDS))
                .setMaxRowsPerBrokerQuery(5000)
                .setScanSplits(16)
                .setMaxExtractedSourceFields(5)
                .setDynamicFilteringWaitTimeout(new Duration(3, SECONDS))
                .setSourceColumn("payload")
                .setOpColumn("operation")
                .setTimeColumn("event_ms")
                .setDeleteOpCodes("d,D")
                .setTruncateOpCode("T")
                .setValueSchemaColumn("after_schema")
                .setVersionColumn("commit_lsn")
                .setTableDefinitionDirectory(directory.toFile())
                .setInferenceSampleSize(50)
                .setStrictDecoding(true);

        assertFullMapping(properties, expected);
    }

    @Test
    void testParsedValues()
    {
        PinotCdcConfig config = new PinotCdcConfig()
                .setControllerUrls(" http://c1:9000 ,http://c2:9000")
                .setDeleteOpCodes("d,,x ");
        assertThat(config.getControllerUrls()).containsExactly(URI.create("http://c1:9000"), URI.create("http://c2:9000"));
        assertThat(config.getDeleteOpCodes()).isEqualTo(ImmutableSet.of("d", "x"));
    }

    @Test
    void testUrlsWithCredentialsRefused()
    {
        assertThat(new PinotCdcConfig().setControllerUrls("http://c1:9000").setBrokerUrls("https://b1:8099").isUrlsWithoutCredentials()).isTrue();
        for (String url : new String[] {"http://admin:secret@c1:9000", "https://admin@c1:9000", "http://admin:s%40cret@c1:9000"}) {
            PinotCdcConfig controller = new PinotCdcConfig().setControllerUrls("http://c0:9000," + url);
            assertThat(controller.isUrlsWithoutCredentials()).as(url).isFalse();
            // never used, even before validation reports it
            assertThat(controller.getControllerUrls()).containsExactly(URI.create("http://c0:9000"));
            PinotCdcConfig broker = new PinotCdcConfig().setControllerUrls("http://c0:9000").setBrokerUrls(url);
            assertThat(broker.isUrlsWithoutCredentials()).as(url).isFalse();
            assertThat(broker.getBrokerUrls()).isEmpty();
        }
    }
}
