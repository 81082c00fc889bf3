package dev.cuecard.config;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.Configurator;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LogSetupTest {
    @TempDir
    Path logs;

    @Test
    void infoAndUpGoToTheRollingFileInTheLogFolder() throws IOException {
        LoggerContext context = new LoggerContext();
        context.setMDCAdapter(new ch.qos.logback.classic.util.LogbackMDCAdapter()); // as slf4j's binding does
        try {
            LogSetup.toFile(context, logs.toString());
            context.getLogger("dev.cuecard.Something").info("listening: {} channel(s)", 2);
            context.getLogger("dev.cuecard.Something").debug("not this");
            context.getLogger("ai.djl.util.cuda.CudaUtils").warn("no CUDA");
            context.getLogger("ai.djl.util.cuda.CudaUtils").error("CUDA broke");
            assertThat(context.getStatusManager().getCopyOfStatusListenerList()).as("status kept off the console")
                    .isNotEmpty();
        } finally {
            context.stop();
        }
        String log = Files.readString(logs.resolve("cuecard.log"));
        assertThat(log).containsPattern(
                "(?m)^\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d,\\d{3} INFO  \\[.+] dev\\.cuecard\\.Something - listening: 2 channel\\(s\\)$");
        assertThat(log).doesNotContain("not this").doesNotContain("no CUDA").contains("CUDA broke");
    }

    @Test
    void whatLibrariesLogThroughJavaUtilLoggingGoesToTheLogNotTheConsole() {
        java.util.logging.Logger julRoot = java.util.logging.LogManager.getLogManager().getLogger("");
        java.util.logging.Handler[] before = julRoot.getHandlers();
        LoggerContext logback = (LoggerContext) org.slf4j.LoggerFactory.getILoggerFactory();
        ch.qos.logback.classic.Logger fx = logback.getLogger("javafx.scene");
        ch.qos.logback.core.read.ListAppender<ch.qos.logback.classic.spi.ILoggingEvent> seen =
                new ch.qos.logback.core.read.ListAppender<>();
        seen.start();
        fx.addAppender(seen);
        try {
            LogSetup.routeJavaUtilLogging();
            LogSetup.routeJavaUtilLogging(); // the desktop app's toolkit thread and Main both ask
            assertThat(julRoot.getHandlers()).as("one bridge: each record logged once")
                    .filteredOn(h -> h instanceof org.slf4j.bridge.SLF4JBridgeHandler).hasSize(1);
            java.util.logging.Logger.getLogger("javafx.scene").warning("Unsupported JavaFX configuration");
            java.util.logging.Logger.getLogger("javafx.scene").fine("finer than the log keeps");
            assertThat(julRoot.getHandlers()).as("no console handler left").noneMatch(
                    h -> h instanceof java.util.logging.ConsoleHandler);
            assertThat(seen.list).singleElement().satisfies(e -> {
                assertThat(e.getFormattedMessage()).isEqualTo("Unsupported JavaFX configuration");
                assertThat(e.getLevel()).isEqualTo(ch.qos.logback.classic.Level.WARN);
            });
        } finally {
            fx.detachAppender(seen);
            for (java.util.logging.Handler h : julRoot.getHandlers()) {
                julRoot.removeHandler(h);
            }
            for (java.util.logging.Handler h : before) {
                julRoot.addHandler(h);
            }
        }
    }

    @Test
    void aLogbackFileOnTheClassPathWins() {
        // the tests have logback-test.xml: logback must go on and read it
        assertThat(new LogSetup().configure(new LoggerContext())).isEqualTo(Configurator.ExecutionStatus.INVOKE_NEXT_IF_ANY);
    }
}
