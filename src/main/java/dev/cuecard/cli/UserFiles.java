package dev.cuecard.cli;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/** Text files the user names on the command line (résumé, job description), with messages that say what to do. */
final class UserFiles {
    /** Larger is not a résumé or a job description. */
    static final long MAX_BYTES = 2L * 1024 * 1024;

    private UserFiles() {
    }

    /** The file's text (UTF-8); every problem is a one-line {@link UserError} naming the file and the fix. */
    static String readText(Path file, String what) {
        String name = what + " " + file;
        if (Files.isDirectory(file)) {
            throw new UserError("cannot read the " + name + ": it is a folder; give the file itself");
        }
        try {
            byte[] bytes;
            // read at most the limit and one byte more: a pipe or a device (/dev/zero) has no size to check first
            try (java.io.InputStream in = Files.newInputStream(file)) {
                bytes = in.readNBytes((int) MAX_BYTES + 1);
            }
            if (bytes.length > MAX_BYTES) {
                throw new UserError("the " + name + " is larger than 2 MB; give the text itself as a .txt or .md file");
            }
            try {
                return StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(bytes)).toString();
            } catch (CharacterCodingException e) {
                throw new UserError("the " + name + " is not plain text (" + kind(bytes) + "); save it as plain text "
                        + "(.txt or .md)" + (kind(bytes).startsWith("a PDF") ? ", e.g. pdftotext " + file + " resume.txt" : ""));
            }
        } catch (NoSuchFileException e) {
            throw new UserError("cannot read the " + name + ": there is no such file; check the path");
        } catch (AccessDeniedException e) {
            throw new UserError("cannot read the " + name + ": no permission to read it");
        } catch (IOException e) {
            throw new UserError("cannot read the " + name + ": " + e.getMessage());
        }
    }

    private static String kind(byte[] b) {
        if (b.length >= 4 && b[0] == '%' && b[1] == 'P' && b[2] == 'D' && b[3] == 'F') {
            return "a PDF file";
        }
        if (b.length >= 2 && b[0] == 'P' && b[1] == 'K') {
            return "a Word document or another zip file";
        }
        if (b.length >= 4 && (b[0] & 0xff) == 0xD0 && (b[1] & 0xff) == 0xCF) {
            return "an old Word document";
        }
        if (b.length >= 2 && ((b[0] & 0xff) == 0xFF && (b[1] & 0xff) == 0xFE || (b[0] & 0xff) == 0xFE && (b[1] & 0xff) == 0xFF)) {
            return "UTF-16 text";
        }
        return "binary data, or text in another encoding than UTF-8";
    }
}
