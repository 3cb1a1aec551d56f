package dev.pinotcdc.trino.testing;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TestTrinoServerInstallationFailures
{
    @Test
    void testStartFailureCarriesTheServerLogAndLeavesNoProcess()
    {
        TrinoServerInstallation installation = TrinoServerInstallation.builder()
                .withName("broken-catalog")
                .withCatalog("broken", Map.of("connector.name", "no_such_connector"))
                .withJvmOption("-XX:TieredStopAtLevel=1")
                .build();

        assertThatThrownBy(() -> {
            try (TrinoServer unexpected = installation.start()) {
                throw new AssertionError("Started with a broken catalog: " + unexpected.uri());
            }
        })
                .isInstanceOfSatisfying(TrinoServerStartException.class, failure -> {
                    assertThat(failure.getMessage())
                            .contains("did not load the catalogs [broken]")
                            .contains("No factory for connector 'no_such_connector'");
                    String installationDirectory = failure.installationDirectory().toString();
                    List<ProcessHandle> leftovers = ProcessHandle.allProcesses()
                            .filter(process -> process.info().commandLine().orElse("").contains(installationDirectory))
                            .toList();
                    assertThat(leftovers).isEmpty();
                });
    }
}
