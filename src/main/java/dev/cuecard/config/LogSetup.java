package dev.cuecard.config;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.Configurator;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.rolling.FixedWindowRollingPolicy;
import ch.qos.logback.core.rolling.RollingFileAppender;
import ch.qos.logback.core.rolling.SizeBasedTriggeringPolicy;
import ch.qos.logback.core.spi.ContextAwareBase;
import ch.qos.logback.core.status.NopStatusListener;
import ch.qos.logback.core.util.FileSize;
import org.slf4j.bridge.SLF4JBridgeHandler;

/**
 * The app's logging, set up in code (logback finds it through {@code META-INF/services}): the
 * same set-up an XML file would give, without parsing one — Joran took ~0.3–0.5 s of CPU at every
 * start. One rolling file {@code cuecard.log} (5 MB × 4) in {@code cuecard.logdir} (the data
 * folder's logs, set by {@code Main}; the temp folder otherwise), INFO and up, nothing on the
 * standard streams — not even logback's own status when the file cannot be written, nor what
 * libraries log through {@code java.util.logging}. A
 * {@code logback-test.xml} on the class path (the tests) or {@code -Dlogback.configurationFile}
 * wins: then logback reads that file as usual.
 */
public final class LogSetup extends ContextAwareBase implements Configurator {
    static final String PATTERN = "%d{ISO8601} %-5level [%thread] %logger{30} - %msg%n";

    @Override
    public ExecutionStatus configure(LoggerContext context) {
        if (System.getProperty("logback.configurationFile") != null
                || LogSetup.class.getResource("/logback-test.xml") != null) {
            return ExecutionStatus.INVOKE_NEXT_IF_ANY;
        }
        toFile(context, System.getProperty("cuecard.logdir", System.getProperty("java.io.tmpdir")));
        return ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY;
    }

    /** Sends {@code context}'s INFO-and-up to {@code dir}/cuecard.log. */
    static void toFile(LoggerContext context, String dir) {
        // a log that cannot be written must not print status noise into the CLI's streams
        NopStatusListener quiet = new NopStatusListener();
        context.getStatusManager().add(quiet);
        RollingFileAppender<ILoggingEvent> file = new RollingFileAppender<>();
        file.setContext(context);
        file.setName("FILE");
        file.setFile(dir + "/cuecard.log");
        FixedWindowRollingPolicy rolling = new FixedWindowRollingPolicy();
        rolling.setContext(context);
        rolling.setParent(file);
        rolling.setFileNamePattern(dir + "/cuecard.%i.log");
        rolling.setMinIndex(1);
        rolling.setMaxIndex(3);
        rolling.start();
        SizeBasedTriggeringPolicy<ILoggingEvent> size = new SizeBasedTriggeringPolicy<>();
        size.setContext(context);
        size.setMaxFileSize(FileSize.valueOf("5MB"));
        size.start();
        PatternLayoutEncoder encoder = new PatternLayoutEncoder();
        encoder.setContext(context);
        encoder.setPattern(PATTERN);
        encoder.start();
        file.setRollingPolicy(rolling);
        file.setTriggeringPolicy(size);
        file.setEncoder(encoder);
        file.start();

        Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
        root.setLevel(Level.INFO);
        root.addAppender(file);
        // DJL probes for CUDA at every embedding-model load and warns when there is none: not our problem
        context.getLogger("ai.djl.util.cuda").setLevel(Level.ERROR);
    }

    /**
     * What logs through {@code java.util.logging} — JavaFX ("Unsupported JavaFX configuration" at every
     * start, CSS warnings) — goes to the same file instead of the console. Its levels stay its own
     * (INFO and up), so nothing finer is formatted only to be dropped. Called by {@code Main} before a
     * command runs: JavaFX warns as it starts, before anything of ours has logged and so set this class to work.
     */
    public static synchronized void routeJavaUtilLogging() {
        if (SLF4JBridgeHandler.isInstalled()) {
            return; // once: the desktop app's toolkit thread and Main may both ask
        }
        SLF4JBridgeHandler.removeHandlersForRootLogger();
        SLF4JBridgeHandler.install();
    }
}
