package dev.pinotcdc.trino.demo;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * What the demo says when it cannot run: one sentence naming the problem and the way out, never a stack trace.
 */
final class TestDemoProblems
{
    @Test
    void testPortInUseIsOneClearLineAndExitCodeOne()
            throws Exception
    {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            int port = taken.getLocalPort();
            // the demo's main in a JVM of its own, as ./demo runs it
            List<String> command = new ArrayList<>(List.of(
                    Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-cp", System.getProperty("java.class.path"),
                    PinotCdcDemo.class.getName(), "--port", Integer.toString(port)));
            Process process = new ProcessBuilder(command).redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile())).start();
            assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
            String stderr = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(process.exitValue()).isEqualTo(1);
            assertThat(stderr.strip())
                    .isEqualTo("error: Port %s is already in use (another Trino?). Stop that program or pick another port: ./demo --port %s".formatted(port, port + 1));
        }
    }

    @Test
    void testOldJavaIsNamed()
    {
        assertThatThrownBy(() -> DemoPreflight.checkJava(17))
                .isInstanceOf(DemoProblem.class)
                .hasMessageStartingWith("The demo runs Trino 476, which needs Java 24 or newer; this is Java 17.");
        DemoPreflight.checkJava(24);
    }

    @Test
    void testTooLittleDiskSpaceIsNamed()
    {
        assertThatThrownBy(() -> DemoPreflight.checkFreeSpace(Path.of("target/no-such-directory/below"), Long.MAX_VALUE))
                .isInstanceOf(DemoProblem.class)
                .hasMessageContaining("Not enough disk space under " + Path.of("target").toAbsolutePath())
                .hasMessageContaining("MB free, the demo needs about");
        DemoPreflight.checkFreeSpace(Path.of("target"), 1);
    }

    @Test
    void testDiskFullDuringTheStartIsNamedWhereverItStruck()
    {
        RuntimeException failure = new IllegalStateException("Cannot install the Trino server",
                new UncheckedIOException(new IOException("No space left on device")));
        assertThat(DemoFailures.explain(failure)).startsWith("The disk is full (No space left on device).");
        assertThat(DemoFailures.explain(new IllegalStateException("outer", new IllegalArgumentException("inner"))))
                .isEqualTo("outer\n  caused by: inner");
    }

    @Test
    void testArguments()
    {
        Path work = Path.of("work");
        assertThat(DemoArguments.parse(new String[0], work)).isEqualTo(new PinotCdcDemo.Settings(8080, 5, 20261121, work));
        assertThat(DemoArguments.parse(new String[] {"--port", "9090", "--changes-per-second", "0.5", "--seed", "7"}, work))
                .isEqualTo(new PinotCdcDemo.Settings(9090, 0.5, 7, work));
        assertThat(DemoArguments.parse(new String[] {"--help"}, work)).isNull();
        assertThatThrownBy(() -> DemoArguments.parse(new String[] {"--port"}, work)).hasMessage("--port needs a value");
        assertThatThrownBy(() -> DemoArguments.parse(new String[] {"--port", "x"}, work)).hasMessage("--port needs a whole number, not 'x'");
        assertThatThrownBy(() -> DemoArguments.parse(new String[] {"--port", "70000"}, work)).hasMessage("Not a port: 70000");
        assertThatThrownBy(() -> DemoArguments.parse(new String[] {"--verbose"}, work)).hasMessage("Unknown argument: --verbose");
    }
}
