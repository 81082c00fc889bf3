package dev.cuecard.testing;

import static org.assertj.core.api.Assumptions.assumeThat;

import java.nio.file.Files;
import java.nio.file.Path;

/** A folder this process cannot write: chmod for a normal user; for root (CI) the immutable attribute. */
public final class ReadOnlyFolder {
    private ReadOnlyFolder() {
    }

    public static void make(Path dir) throws Exception {
        boolean root = "root".equals(System.getProperty("user.name"));
        if (!root) {
            dir.toFile().setWritable(false, false);
            return;
        }
        Process p = new ProcessBuilder("chattr", "+i", dir.toString()).redirectErrorStream(true).start();
        boolean done = p.waitFor() == 0;
        assumeThat(done).as("root ignores permissions; chattr +i is not supported on this file system").isTrue();
        assumeThat(Files.isWritable(dir)).as("immutable folder should not be writable").isFalse();
    }

    public static void undo(Path dir) throws Exception {
        if ("root".equals(System.getProperty("user.name"))) {
            new ProcessBuilder("chattr", "-i", dir.toString()).start().waitFor();
        } else {
            dir.toFile().setWritable(true, false);
        }
    }
}
