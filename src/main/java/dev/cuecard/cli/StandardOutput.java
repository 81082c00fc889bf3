package dev.cuecard.cli;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Optional;

/**
 * Standard output that remembers why a write failed. {@code System.out} (a PrintStream) and every
 * PrintWriter swallow write errors, so {@code cuecard debrief export 3 > notes.md} on a full disk
 * wrote nothing and still exited 0. A reader that went away ({@code | head -1}) is not a failure
 * worth a message: that is how pipes end.
 */
final class StandardOutput extends FilterOutputStream {
    private volatile IOException failure;

    StandardOutput(OutputStream out) {
        super(out);
    }

    /** The process's standard output, unbuffered (the writer on top buffers and flushes it). */
    static StandardOutput ofProcess() {
        return new StandardOutput(new FileOutputStream(FileDescriptor.out));
    }

    @Override
    public void write(int b) throws IOException {
        try {
            out.write(b);
        } catch (IOException e) {
            remember(e);
            throw e;
        }
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        try {
            out.write(b, off, len);
        } catch (IOException e) {
            remember(e);
            throw e;
        }
    }

    @Override
    public void flush() throws IOException {
        try {
            out.flush();
        } catch (IOException e) {
            remember(e);
            throw e;
        }
    }

    private void remember(IOException e) {
        if (failure == null) {
            failure = e;
        }
    }

    /** Why output was lost, unless nothing was or only because the reader closed the pipe. */
    Optional<String> lost() {
        IOException e = failure;
        if (e == null || String.valueOf(e.getMessage()).toLowerCase(java.util.Locale.ROOT).contains("broken pipe")) {
            return Optional.empty();
        }
        return Optional.of(String.valueOf(e.getMessage()));
    }
}
