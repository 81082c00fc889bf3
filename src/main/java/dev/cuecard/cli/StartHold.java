package dev.cuecard.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Tests only: holds start-up at a named point so a test can send a real signal there instead of
 * sleeping and hoping it lands in time. Without the property nothing happens.
 */
final class StartHold {
    /** A file to create, then wait (until the JVM ends), before the command line is parsed. */
    static final String BEFORE_PARSING_PROPERTY = "cuecard.test.holdBeforeParsing";

    private StartHold() {
    }

    static void beforeParsing() {
        String file = System.getProperty(BEFORE_PARSING_PROPERTY);
        if (file == null) {
            return;
        }
        try {
            Files.createFile(Path.of(file));
            Thread.sleep(Long.MAX_VALUE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
