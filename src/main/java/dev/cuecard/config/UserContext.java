package dev.cuecard.config;

import java.io.IOException;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The user's own material that makes a drafted hint personal, kept as plain files in
 * {@code CUECARD_HOME/context/}: {@code resume.md}, {@code job.md} (the job description) and
 * {@code stories/*.md}, one experience per file (the file name is its title). Sizes are capped so a
 * pasted book cannot blow the prompt; anything unreadable is skipped and logged.
 */
public record UserContext(Optional<String> resume, Optional<String> jobDescription, List<Story> stories) {
    private static final Logger LOG = LoggerFactory.getLogger(UserContext.class);
    static final int MAX_RESUME_CHARS = 6000;
    static final int MAX_JOB_CHARS = 4000;
    static final int MAX_STORY_CHARS = 1500;
    static final int MAX_STORIES = 30;

    /** One experience of the user's, in their own words. */
    public record Story(String title, String text) {
    }

    public UserContext {
        stories = List.copyOf(stories);
    }

    public static UserContext empty() {
        return new UserContext(Optional.empty(), Optional.empty(), List.of());
    }

    public boolean isEmpty() {
        return resume.isEmpty() && jobDescription.isEmpty() && stories.isEmpty();
    }

    public static UserContext load(AppPaths paths) {
        Path dir = paths.contextDir();
        if (!Files.isDirectory(dir)) {
            return empty();
        }
        return new UserContext(firstText(dir, "resume", MAX_RESUME_CHARS), firstText(dir, "job", MAX_JOB_CHARS),
                stories(dir.resolve("stories")));
    }

    private static Optional<String> firstText(Path dir, String name, int max) {
        for (String ext : List.of(".md", ".txt")) {
            Optional<String> text = read(dir.resolve(name + ext), max);
            if (text.isPresent()) {
                return text;
            }
        }
        return Optional.empty();
    }

    private static List<Story> stories(Path dir) {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        List<Story> out = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : files.filter(UserContext::isText).sorted(Comparator.comparing(Path::toString)).toList()) {
                if (out.size() == MAX_STORIES) {
                    LOG.warn("story bank has more than {} files; the rest are not used", MAX_STORIES);
                    break;
                }
                read(f, MAX_STORY_CHARS).ifPresent(text -> out.add(new Story(title(f), text)));
            }
        } catch (IOException e) {
            LOG.warn("cannot list the story bank {}: {}", dir, e.getMessage());
        }
        return out;
    }

    private static boolean isText(Path f) {
        String n = f.getFileName().toString().toLowerCase(Locale.ROOT);
        return Files.isRegularFile(f) && (n.endsWith(".md") || n.endsWith(".txt"));
    }

    private static String title(Path f) {
        String n = f.getFileName().toString();
        return n.substring(0, n.lastIndexOf('.')).replace('-', ' ').replace('_', ' ').strip();
    }

    private static Optional<String> read(Path f, int max) {
        if (!Files.isRegularFile(f)) {
            return Optional.empty();
        }
        try {
            String text = Files.readString(f, StandardCharsets.UTF_8).strip();
            if (text.length() > max) {
                LOG.info("{} is longer than {} characters; only the start is used", f, max);
                text = text.substring(0, max);
            }
            return text.isEmpty() ? Optional.empty() : Optional.of(text);
        } catch (MalformedInputException e) {
            LOG.warn("{} is not UTF-8 text; skipped", f);
        } catch (IOException e) {
            LOG.warn("cannot read {}: {}", f, e.getMessage());
        }
        return Optional.empty();
    }
}
