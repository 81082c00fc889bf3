package dev.cuecard.audio;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A look at a WAV file's RIFF structure before Java Sound reads it, so that what Java Sound would
 * decode silently or report cryptically is said plainly: a file with no WAV header at all (raw PCM),
 * a file cut short (its header announces more audio than it holds), a header that gives no or a
 * wrong length (a recording that was never closed), and data after the audio that is not read.
 * AIFF and AU files are left to Java Sound.
 */
final class WavHeader {
    private static final long UNKNOWN_SIZE = 0xFFFF_FFFFL;

    /** The file as Java Sound should read it, and what the user should know about it. */
    record Checked(InputStream stream, List<String> warnings) {
    }

    private WavHeader() {
    }

    /** Checks {@code file}; returns a stream to decode (header patched when it lies) and warnings. */
    static Checked check(Path file) throws AudioSourceException {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            long size = ch.size();
            ByteBuffer head = ByteBuffer.allocate((int) Math.min(size, 64 * 1024)).order(ByteOrder.LITTLE_ENDIAN);
            ch.read(head, 0);
            head.flip();
            String magic = ascii(head, 0);
            if (magic.equals("FORM") || magic.equals(".snd")) {
                return new Checked(null, List.of()); // AIFF, AU: Java Sound's own readers
            }
            if (!(magic.equals("RIFF") || magic.equals("RIFX") || magic.equals("RF64")) || head.limit() < 12
                    || !ascii(head, 8).equals("WAVE")) {
                throw new AudioSourceException(file + " is not a PCM WAV file: it has no WAV header (a WAV file starts "
                        + "with RIFF…WAVE); if it "
                        + "is raw 16-bit PCM, give it one, e.g. sox -t raw -r 16000 -e signed -b 16 -c 1 " + file
                        + " out.wav — for other formats: sox in.mp3 -r 16000 -c 1 -b 16 -e signed-integer out.wav");
            }
            if (!magic.equals("RIFF")) {
                return new Checked(null, List.of()); // big-endian or 64-bit RIFF: Java Sound decides
            }
            return walk(file, ch, head, size);
        } catch (IOException e) {
            throw new AudioSourceException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    private static Checked walk(Path file, FileChannel ch, ByteBuffer head, long size)
            throws IOException, AudioSourceException {
        List<String> warnings = new ArrayList<>();
        // a long: a chunk size near 4 GB (a header that lies) must not wrap the position around
        long pos = 12;
        int byteRate = 0;
        while (pos + 8 <= head.limit()) {
            int at = (int) pos;
            String id = ascii(head, at);
            long chunk = head.getInt(at + 4) & 0xFFFF_FFFFL;
            if (id.equals("fmt ") && pos + 20 <= head.limit()) {
                byteRate = head.getInt(at + 8 + 8);
            }
            if (id.equals("data")) {
                long dataStart = pos + 8L;
                long available = size - dataStart;
                if (chunk == 0 || chunk == UNKNOWN_SIZE) {
                    if (available <= 0) {
                        return new Checked(null, warnings); // really empty: Java Sound says so
                    }
                    warnings.add(file.getFileName() + ": the header gives no length for its audio (a recording "
                            + "that was not closed properly?); reading " + duration(available, byteRate)
                            + " of audio to the end of the file");
                    return new Checked(patched(file, head, at, available), warnings);
                }
                if (chunk > available && available <= 0) {
                    // nothing after the header: refused here, before a session is stored for it
                    throw new AudioSourceException(file + " contains no audio samples: its header announces "
                            + duration(chunk, byteRate) + " of audio but nothing follows it (an interrupted copy?)");
                }
                if (chunk > available) {
                    warnings.add(file.getFileName() + " is cut short: its header announces "
                            + duration(chunk, byteRate) + " of audio but the file holds only "
                            + duration(Math.max(0, available), byteRate) + " (an interrupted copy or recording?); "
                            + "using what is there");
                } else if (available - chunk - (chunk & 1) >= 8 && !trailingChunksValid(ch, dataStart + chunk
                        + (chunk & 1), size)) {
                    warnings.add(file.getFileName() + ": its header announces " + duration(chunk, byteRate)
                            + " of audio but the file goes on for " + duration(available - chunk, byteRate)
                            + " more that is not read (the header was not updated when it was written?)");
                }
                return new Checked(null, warnings);
            }
            if (pos + 8 + chunk > size) {
                // a chunk before the audio that claims more than the file holds: the header is damaged
                throw new AudioSourceException(file + " has a damaged or cut-off WAV header: its '" + printable(id)
                        + "' part claims " + chunk + " bytes but the file has only " + size + " in all, and no audio "
                        + "was found before it; record or export the file again");
            }
            pos += 8 + chunk + (chunk & 1);
        }
        return new Checked(null, warnings); // no data chunk in the first 64 KB: Java Sound reports it
    }

    /** Whether what follows the data chunk is a run of well-formed chunks (LIST, id3, …) to the end. */
    private static boolean trailingChunksValid(FileChannel ch, long pos, long size) throws IOException {
        ByteBuffer b = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN);
        while (pos + 8 <= size) {
            b.clear();
            ch.read(b, pos);
            b.flip();
            String id = ascii(b, 0);
            if (!id.chars().allMatch(c -> c >= 0x20 && c < 0x7f)) {
                return false;
            }
            long len = b.getInt(4) & 0xFFFF_FFFFL;
            pos += 8 + len + (len & 1);
        }
        return pos >= size - 1;
    }

    /** The file with its RIFF and data sizes set to what it holds. */
    private static InputStream patched(Path file, ByteBuffer head, int dataChunkPos, long available)
            throws IOException {
        byte[] header = new byte[dataChunkPos + 8];
        head.get(0, header);
        ByteBuffer h = ByteBuffer.wrap(header).order(ByteOrder.LITTLE_ENDIAN);
        long data = Math.min(available, 0xFFFF_FFFEL) & ~1L;
        h.putInt(4, (int) Math.min(data + header.length - 8, 0xFFFF_FFFEL));
        h.putInt(dataChunkPos + 4, (int) data);
        InputStream rest = java.nio.file.Files.newInputStream(file);
        rest.skipNBytes(header.length);
        return new SequenceInputStream(new ByteArrayInputStream(header), rest);
    }

    /** A chunk id as it may be shown: anything but printable ASCII as '?'. */
    private static String printable(String id) {
        StringBuilder s = new StringBuilder(id.length());
        id.chars().forEach(c -> s.append(c >= 0x20 && c < 0x7f ? (char) c : '?'));
        return s.toString();
    }

    private static String ascii(ByteBuffer b, int at) {
        if (at + 4 > b.limit()) {
            return "";
        }
        StringBuilder s = new StringBuilder(4);
        for (int i = 0; i < 4; i++) {
            s.append((char) (b.get(at + i) & 0xff));
        }
        return s.toString();
    }

    private static String duration(long bytes, int byteRate) {
        if (byteRate <= 0) {
            return bytes + " bytes";
        }
        double seconds = (double) bytes / byteRate;
        long s = Math.round(seconds);
        return seconds < 10 ? String.format(Locale.ROOT, "%.1f s", seconds) : String.format(Locale.ROOT, "%d:%02d", s / 60, s % 60);
    }
}
