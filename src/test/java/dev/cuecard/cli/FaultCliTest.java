package dev.cuecard.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cuecard.config.AppPaths;
import dev.cuecard.session.SessionStore;
import dev.cuecard.session.SessionSummary;
import dev.cuecard.testing.InterviewFixture;
import dev.cuecard.testing.ReadOnlyFolder;
import dev.cuecard.testing.SpeechFixtures;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The fault campaign of issue 14 through the command line: what the user sees (stdout, stderr, exit
 * status) and what is stored, for a full disk, a damaged database, hostile file names and text, and
 * every bad input the campaign found.
 */
class FaultCliTest {
    @TempDir
    Path tmp;
    private Path home;
    private String previousHome;

    @BeforeEach
    void useTemporaryDataFolder() {
        home = tmp.resolve("home");
        previousHome = System.getProperty(AppPaths.HOME_PROPERTY);
        System.setProperty(AppPaths.HOME_PROPERTY, home.toString());
    }

    @AfterEach
    void restore() {
        System.clearProperty(SessionStore.MAX_PAGES_PROPERTY);
        if (previousHome == null) {
            System.clearProperty(AppPaths.HOME_PROPERTY);
        } else {
            System.setProperty(AppPaths.HOME_PROPERTY, previousHome);
        }
    }

    /** The command line with CUECARD_HOME (environment and property) on the test's data folder. */
    private CliTest.Run runWithInput(String stdin, String... args) {
        java.io.StringWriter out = new java.io.StringWriter();
        java.io.StringWriter err = new java.io.StringWriter();
        java.util.Map<String, String> env = new java.util.HashMap<>(System.getenv());
        env.put("CUECARD_HOME", System.getProperty(AppPaths.HOME_PROPERTY));
        env.remove("CUECARD_LLM_BASE_URL");
        int exit = Cli.commandLine(new java.io.PrintWriter(out, true), new java.io.PrintWriter(err, true),
                new java.io.ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)), env).execute(args);
        return new CliTest.Run(exit, out.toString(), err.toString());
    }

    private CliTest.Run run(String... args) {
        return runWithInput("", args);
    }

    private static List<String> lines(String s) {
        return s.lines().filter(l -> !l.isBlank()).toList();
    }

    /** Creates the session database at {@code db} and gives its size in pages (to fill the disk from there). */
    private static long pagesOfANewDatabase(Path db) throws Exception {
        SessionStore.open(db).close();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db); Statement s = c.createStatement();
             ResultSet r = s.executeQuery("PRAGMA page_count")) {
            r.next();
            return r.getLong(1);
        }
    }

    @Test
    void storedSessionsAreShownReadOnlyWhenTheDataFolderCannotBeWrittenAndNothingChanges() throws Exception {
        CliTest.Run replay = run("replay", "--speed", "max", SpeechFixtures.wav("cache-slt").toString());
        assertThat(replay.exit()).as(replay.err()).isZero();
        ReadOnlyFolder.make(home);
        try {
            CliTest.Run list = run("debrief", "list");
            assertThat(list.exit()).as(list.err()).isZero();
            assertThat(lines(list.out())).singleElement().asString().contains("replay", "complete");
            assertThat(list.err()).contains("cannot write the session database", "read-only", "showing the stored "
                    + "sessions read-only; nothing was changed");
            CliTest.Run show = run("debrief", "show", "1");
            assertThat(show.exit()).as(show.err()).isZero();
            assertThat(show.out()).contains("session 1");
            CliTest.Run delete = run("debrief", "delete", "1");
            assertThat(delete.exit()).isEqualTo(1);
            assertThat(lines(delete.err())).singleElement().asString().contains("read-only");
        } finally {
            ReadOnlyFolder.undo(home);
        }
        assertThat(run("debrief", "list").out()).contains("complete");
    }

    /**
     * QA (polish 4): on a read-only data folder with no cache yet the sentence model cannot be unpacked,
     * and the warning pointed at a log that could not be written there either; it now says why. A
     * child JVM: this one may have loaded the sentence model already, and keeps it.
     */
    @Test
    void debriefShowOnAReadOnlyFolderWithNoCacheSaysWhyKeyPointsAreJudgedByWords() throws Exception {
        try (SessionStore store = SessionStore.open(home.resolve(SessionStore.FILE_NAME))) {
            InterviewFixture.record(store);
        }
        assertThat(home.resolve("cache")).doesNotExist();
        Path err = tmp.resolve("stderr.txt");
        ReadOnlyFolder.make(home);
        int exit;
        try {
            ProcessBuilder pb = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-cp", System.getProperty("java.class.path"), "-Dcuecard.home=" + home, "dev.cuecard.Main",
                    "debrief", "show", "1").redirectError(err.toFile()).redirectOutput(ProcessBuilder.Redirect.DISCARD);
            pb.environment().remove("CUECARD_HOME");
            Process child = pb.start();
            assertThat(child.waitFor(120, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
            exit = child.exitValue();
        } finally {
            ReadOnlyFolder.undo(home);
        }
        String stderr = Files.readString(err);
        assertThat(exit).as(stderr).isZero();
        assertThat(home.resolve("logs")).as("no log to point at").doesNotExist();
        assertThat(lines(stderr)).filteredOn(l -> l.contains("judged by their words")).singleElement().asString()
                .doesNotContain("see the log")
                .contains("the cache folder " + home.resolve("cache") + " cannot be written");
    }

    /**
     * QA (twentieth session): a data folder whose "cache" is a file made the sentence model's warning say
     * "Unexpected flavor: cpu" (the tokenizer's loader); it now says what is wrong and where.
     */
    @Test
    void aCacheThatIsAFileIsNamedInTheWarning() throws Exception {
        Files.createDirectories(home);
        Files.writeString(home.resolve("cache"), "not a folder");
        Path err = tmp.resolve("stderr.txt");
        ProcessBuilder pb = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "-Dcuecard.home=" + home, "dev.cuecard.Main",
                "classify", "how would you design a rate limiter").redirectError(err.toFile())
                .redirectOutput(ProcessBuilder.Redirect.DISCARD);
        pb.environment().remove("CUECARD_HOME");
        Process child = pb.start();
        assertThat(child.waitFor(120, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
        String stderr = Files.readString(err);
        assertThat(child.exitValue()).as(stderr).isZero();
        // the user's line (the tests' logback-test.xml also logs to the console; the app logs to its file)
        assertThat(lines(stderr)).filteredOn(l -> l.startsWith("cuecard:") && l.contains("embedding model"))
                .singleElement().asString()
                .doesNotContain("flavor")
                .contains("the cache folder " + home.resolve("cache") + " is a file, not a folder");
    }

    @Test
    void aReplayOnAFullDiskFailsWithOneLineAndTheSessionIsMarkedIncomplete() throws Exception {
        Path db = home.resolve(SessionStore.FILE_NAME);
        long pages = pagesOfANewDatabase(db);
        // a disk with no page left: earlier sessions filled what is said and its search index to the brim
        System.setProperty(SessionStore.MAX_PAGES_PROPERTY, String.valueOf(pages + 2));
        try (SessionStore store = SessionStore.open(db)) {
            long filler = store.startSession(new dev.cuecard.session.SessionInfo(dev.cuecard.session.SessionKind.LIVE,
                    "earlier", null, null, null, null));
            for (int size : new int[] {1000, 100, 10, 1}) {
                try {
                    for (int i = 0; ; i++) {
                        store.appendUtterance(filler, new dev.cuecard.session.Utterance(dev.cuecard.audio.Channel.ME,
                                i, i + 1, ("filler" + i + " ").repeat(size)));
                    }
                } catch (dev.cuecard.session.SessionStoreException full) {
                    assertThat(full.getMessage()).contains("SQLITE_FULL");
                }
            }
            store.finishSession(filler);
        }
        CliTest.Run r = run("replay", "--json", "--speed", "max", SpeechFixtures.wav("cache-slt").toString(),
                "--me", SpeechFixtures.wav("tell-me-slt").toString());
        System.clearProperty(SessionStore.MAX_PAGES_PROPERTY);

        assertThat(r.exit()).as(r.err()).isEqualTo(SessionRun.STORAGE_FAILED);
        assertThat(r.err()).doesNotContain("stored (review it").doesNotContain("unexpected error");
        List<String> err = lines(r.err());
        assertThat(err).anyMatch(l -> l.startsWith("cuecard: warning: the session cannot be saved now: ")
                && l.contains("the disk is full (SQLITE_FULL)"));
        assertThat(err.get(err.size() - 1)).matches("cuecard: session \\d+ is incomplete: \\d+ of \\d+ writes "
                + "\\(utterances, questions, hints\\) could not be stored because the session database .* failed: "
                + "the disk is full \\(SQLITE_FULL\\); it is marked incomplete");
        assertThat(r.jsonLines()).anyMatch(e -> e.get("type").asText().equals("final")); // the run itself went on

        JsonNode listed = run("debrief", "list", "--json").jsonLines().stream()
                .filter(n -> !n.get("title").asText().equals("earlier")).findFirst().orElseThrow();
        assertThat(listed.get("status").asText()).isEqualTo("incomplete");
        assertThat(listed.get("lostWrites").asInt()).isPositive();
        assertThat(run("debrief", "list").out()).contains("incomplete").contains("writes lost");
    }

    @Test
    void fileNamesWithEscapeSequencesAndNewlinesAreShownEscapedAndCannotInjectMarkdown() throws Exception {
        Path evil = tmp.resolve("talk\u001b]0;owned\u0007\u001b[31m\n# Injected heading.wav");
        Files.copy(SpeechFixtures.wav("cache-slt"), evil);
        CliTest.Run replay = run("replay", "--speed", "max", evil.toString());
        assertThat(replay.exit()).as(replay.err()).isZero();

        String list = run("debrief", "list").out();
        assertThat(list).doesNotContain("\u001b").doesNotContain("\u0007")
                .contains("talk\\e]0;owned\\x07\\e[31m\\n# Injected heading.wav");
        assertThat(lines(list)).hasSize(1);

        String md = run("debrief", "export", "1").out();
        assertThat(md).doesNotContain("\u001b").doesNotContain("\u0007");
        assertThat(md.lines()).noneMatch(l -> l.startsWith("# Injected"));
        assertThat(md.lines().findFirst().orElseThrow()).startsWith("# Session 1 — talk␛\\]0;owned␇␛\\[31m \\# Injected");
    }

    @Test
    void controlCharactersTypedIntoClassifyAndHintAreEchoedEscaped() {
        CliTest.Run classify = run("classify", "how do you \u001b[2J design a cache");
        assertThat(classify.out()).doesNotContain("\u001b").contains("\\e[2J");
        CliTest.Run hint = runWithInput("zzqx \u001b[2J qqzx\n", "hint", "--offline");
        assertThat(hint.err()).doesNotContain("\u001b");
        assertThat(hint.out()).doesNotContain("\u001b");
        CliTest.Run json = runWithInput("what is a cache \u001b[2J\n", "classify", "--json");
        assertThat(json.out()).contains("\\u001B[2J"); // JSON escapes it itself
    }

    @Test
    void anEmptyQuestionForAHintIsAMistakeNotACard() {
        for (String empty : List.of("", "   ")) {
            CliTest.Run r = run("hint", "--offline", empty);
            assertThat(r.exit()).as("a usage mistake").isEqualTo(2);
            assertThat(r.out()).isEmpty();
            assertThat(lines(r.err())).singleElement().asString().startsWith("cuecard: the question is empty")
                    .contains("standard input");
        }
        // blank lines on standard input are skipped, as before
        CliTest.Run piped = runWithInput("\n  \nwhat is a mutex\n", "hint", "--offline", "--json");
        assertThat(piped.exit()).isZero();
        assertThat(lines(piped.out())).singleElement().asString().contains("\"category\":\"concurrency\"");
    }

    @Test
    void aMegabyteLineOnStandardInputIsCutWithAWarning() {
        String line = "how would you design a cache " + "x".repeat(1_048_576);
        CliTest.Run r = runWithInput(line + "\nwhat is a mutex\n", "classify", "--json");
        assertThat(r.exit()).isZero();
        assertThat(lines(r.err())).contains("cuecard: warning: line 1 of standard input has " + line.length()
                + " characters; only its first 10000 are used");
        assertThat(lines(r.out())).hasSize(2);
        assertThat(lines(r.out()).get(0).length()).isLessThan(11_000);
    }

    @Test
    void headerlessPcmSaysHowToGiveItAHeader() throws Exception {
        Path raw = tmp.resolve("raw.wav");
        byte[] pcm = Files.readAllBytes(SpeechFixtures.wav("cache-slt"));
        byte[] zeros = new byte[64_000];
        byte[] both = Arrays.copyOf(zeros, zeros.length + pcm.length - 44);
        System.arraycopy(pcm, 44, both, zeros.length, pcm.length - 44);
        Files.write(raw, both);
        CliTest.Run r = run("transcribe", raw.toString());
        assertThat(r.exit()).isEqualTo(1);
        assertThat(lines(r.err())).singleElement().asString().startsWith("cuecard: " + raw + " is not a PCM WAV file: it has no WAV header")
                .contains("sox -t raw -r 16000 -e signed -b 16 -c 1").doesNotContain("invalid mark");
    }

    @Test
    void aWavCutShortIsTranscribedWithAWarningSayingSo() throws Exception {
        Path cut = tmp.resolve("cut.wav");
        byte[] full = Files.readAllBytes(SpeechFixtures.wav("rate-limiter-slt"));
        Files.write(cut, Arrays.copyOf(full, full.length / 2));
        CliTest.Run r = run("transcribe", cut.toString());
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(lines(r.err())).anyMatch(l -> l.startsWith("cuecard: warning: cut.wav is cut short: its header "
                + "announces ") && l.contains("but the file holds only"));
        assertThat(r.out()).isNotBlank();
    }

    @Test
    void aWavThatIsOnlyAHeaderIsRefusedAndNoSessionIsStored() throws Exception {
        Path header = tmp.resolve("header-only.wav");
        Files.write(header, Arrays.copyOf(Files.readAllBytes(SpeechFixtures.wav("rate-limiter-slt")), 44));
        CliTest.Run r = run("replay", "--speed", "max", "--json", header.toString());
        assertThat(r.exit()).isEqualTo(1);
        assertThat(lines(r.err())).singleElement().asString().contains("contains no audio samples")
                .doesNotContain("stored");
        assertThat(run("debrief", "list").out()).doesNotContain("header-only.wav");
    }

    @Test
    void aWavWhoseHeaderGivesNoLengthIsReadToItsEndWithAWarning() throws Exception {
        Path open = tmp.resolve("open.wav");
        byte[] wav = Files.readAllBytes(SpeechFixtures.wav("cache-slt"));
        int data = indexOf(wav, "data".getBytes(StandardCharsets.US_ASCII));
        java.nio.ByteBuffer.wrap(wav).order(java.nio.ByteOrder.LITTLE_ENDIAN).putInt(data + 4, 0).putInt(4, 0);
        Files.write(open, wav);
        CliTest.Run r = run("transcribe", open.toString());
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.err()).contains("open.wav: the header gives no length for its audio");
        assertThat(r.out()).contains("every request hits the database");
    }

    private static int indexOf(byte[] hay, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= hay.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (hay[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    @Test
    void unreadableContextFilesSayWhatIsWrongWithThem() throws Exception {
        CliTest.Run missing = run("practice", "plan", "--job-description", tmp.resolve("job.txt").toString());
        assertThat(missing.exit()).isEqualTo(1);
        assertThat(lines(missing.err())).containsExactly("cuecard: cannot read the job description "
                + tmp.resolve("job.txt") + ": there is no such file; check the path");

        Path pdf = tmp.resolve("resume.pdf");
        Files.write(pdf, new byte[] {'%', 'P', 'D', 'F', '-', '1', '.', '7', '\n', (byte) 0xE2, (byte) 0xE3, (byte) 0xCF});
        CliTest.Run binary = run("practice", "plan", "--resume", pdf.toString());
        assertThat(binary.exit()).isEqualTo(1);
        assertThat(lines(binary.err())).singleElement().asString().contains("is not plain text (a PDF file)")
                .contains("pdftotext").doesNotContain("Input length");

        // a device or a pipe has no size to check first: what is read stops at the limit all the same
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.isReadable(Path.of("/dev/zero")));
        CliTest.Run endless = run("practice", "plan", "--job-description", "/dev/zero");
        assertThat(endless.exit()).isEqualTo(1);
        assertThat(lines(endless.err())).singleElement().asString().contains("is larger than 2 MB")
                .doesNotContain("OutOfMemoryError");
    }

    @Test
    void numericOptionsAreValidated() {
        for (String n : List.of("-5", "0", "51")) {
            CliTest.Run r = run("practice", "plan", "--questions", n);
            assertThat(r.exit()).as(n).isEqualTo(2);
            assertThat(r.err()).contains("--questions must be 1 to 50 (got " + n + ")");
        }
        assertThat(run("practice", "plan", "--questions", "3", "--seed", "1").exit()).isZero();
        CliTest.Run limit = run("debrief", "search", "--limit", "-1", "cache");
        assertThat(limit.exit()).isEqualTo(2);
        assertThat(limit.err()).contains("--limit must be 1 to 10000");
        CliTest.Run stack = run("practice", "plan", "--stack", "cobol");
        assertThat(stack.exit()).isEqualTo(2);
        assertThat(stack.err()).contains("--stack must be java, python, go or node (got 'cobol')");
        assertThat(run("practice", "plan", "--stack", "Golang", "--questions", "2").exit()).isZero();
        CliTest.Run nothing = run("debrief", "search", "zzzqqq");
        assertThat(nothing.exit()).isEqualTo(1);
        assertThat(lines(nothing.err())).containsExactly("cuecard: no stored session has all of: zzzqqq");
    }

    @Test
    void aBrokenSettingsFileIsOneWarningOfOneLineGivenOnce() throws Exception {
        Files.createDirectories(home);
        Files.writeString(home.resolve("settings.yaml"), "llm:\n  baseUrl: \"http://x\n  model: x\n");
        CliTest.Run r = run("replay", "--no-save", "--speed", "max", SpeechFixtures.wav("cache-slt").toString());
        assertThat(r.exit()).as(r.err()).isZero();
        List<String> warnings = lines(r.err()).stream().filter(l -> l.contains("settings file")).toList();
        assertThat(warnings).singleElement().asString().contains("line 2").contains("not valid YAML")
                .contains("using the defaults until it is fixed");

        Files.writeString(home.resolve("settings.yaml"), "themDevice: [a, b]\n");
        CliTest.Run typed = run("hint", "--json", "what is a cache");
        assertThat(lines(typed.err())).singleElement().asString()
                .contains("'themDevice' must be text");
    }

    /**
     * 'modelDir' in settings.yaml naming a file: "speech model folder X does not exist; ... point
     * --model at ..." — it exists, and the user never gave --model: the message named neither.
     */
    @Test
    void aModelFolderFromTheSettingsThatIsAFileSaysSoAndWhereItCameFrom() throws Exception {
        Files.createDirectories(home);
        Path wav = SpeechFixtures.wav("cache-slt");
        Files.writeString(home.resolve("settings.yaml"), "modelDir: " + wav + "\n");
        CliTest.Run r = run("replay", "--no-save", "--speed", "max", wav.toString());
        assertThat(r.exit()).isEqualTo(1);
        assertThat(lines(r.err())).singleElement().asString()
                .contains("speech model folder " + wav + " is a file, not a folder")
                .contains("'modelDir' in " + home.resolve("settings.yaml"));
    }

    @Test
    void aFileGivenAsTheDataFolderIsAClearError() throws Exception {
        Path file = tmp.resolve("homefile");
        Files.writeString(file, "x");
        System.setProperty(AppPaths.HOME_PROPERTY, file.toString());
        String said = "cuecard: " + file + " is a file, not a folder, so the data folder " + file + " cannot be "
                + "created there; set CUECARD_HOME to a folder (it is created if missing), or move the file";
        for (List<String> command : List.of(List.of("debrief", "list"), List.of("classify", "what is a cache"))) {
            CliTest.Run r = run(command.toArray(new String[0]));
            assertThat(r.exit()).as(command.toString()).isEqualTo(1);
            assertThat(lines(r.err())).containsExactly(said);
        }
        assertThat(run("--version").exit()).isZero();
    }

    @Test
    void practiceCommandsOnADamagedDatabaseMoveItAsideAndWork() throws Exception {
        try (SessionStore store = SessionStore.open(home.resolve(SessionStore.FILE_NAME))) {
            for (int i = 0; i < 20; i++) {
                InterviewFixture.record(store);
            }
        }
        Path db = home.resolve(SessionStore.FILE_NAME);
        long pages = Files.size(db) / 4096;
        try (RandomAccessFile f = new RandomAccessFile(db.toFile(), "rw")) {
            f.seek(4096L * (pages - 2));
            f.write("damaged ".repeat(512).getBytes(StandardCharsets.US_ASCII));
        }
        CliTest.Run plan = run("practice", "plan", "--seed", "3");
        assertThat(plan.exit()).as(plan.err()).isZero();
        assertThat(lines(plan.err())).singleElement().asString().contains("could not be read").contains("moved to");
        assertThat(plan.out()).contains(" 1. ");

        CliTest.Run score = run("practice", "score", "--offline", "--save", "--question", "cache-aside",
                "--answer-text", "I would put redis in front of the database with a ttl of sixty seconds");
        assertThat(score.exit()).as(score.err()).isZero();
        assertThat(score.err()).contains("stored as practice session");
        assertThat(run("debrief", "list", "--json").jsonLines()).hasSize(1);
    }

    /**
     * 'practice score --save' on a full disk: the session row was written, the answer was not, and
     * an empty "Practice: one answer" session was left behind (listed as interrupted from then on).
     */
    @Test
    void aScoreThatDoesNotFitOnTheDiskLeavesNoEmptySessionBehind() throws Exception {
        Path db = home.resolve(SessionStore.FILE_NAME);
        long pages = pagesOfANewDatabase(db);
        System.setProperty(SessionStore.MAX_PAGES_PROPERTY, String.valueOf(pages + 2));
        long filler;
        try (SessionStore store = SessionStore.open(db)) {
            filler = store.startSession(new dev.cuecard.session.SessionInfo(dev.cuecard.session.SessionKind.LIVE,
                    "earlier", null, null, null, null));
            // room left for a session's row, not for a long answer
            try {
                for (int i = 0; ; i++) {
                    store.appendUtterance(filler, new dev.cuecard.session.Utterance(dev.cuecard.audio.Channel.ME,
                            i, i + 1, ("filler" + i + " ").repeat(300)));
                }
            } catch (dev.cuecard.session.SessionStoreException full) {
                assertThat(full.getMessage()).contains("SQLITE_FULL");
            }
            store.finishSession(filler);
        }
        CliTest.Run score = run("practice", "score", "--offline", "--save", "--question", "cache-aside",
                "--answer-text", "I would put redis in front of the database with a ttl of sixty seconds ".repeat(200));
        System.clearProperty(SessionStore.MAX_PAGES_PROPERTY);
        assertThat(score.exit()).isEqualTo(1);
        assertThat(score.err()).contains("the disk is full").doesNotContain("stored as practice session");
        try (SessionStore store = SessionStore.open(db)) {
            assertThat(store.list()).extracting(SessionSummary::id).containsExactly(filler);
        }
    }

    @Test
    void aScoreThatCannotBeStoredIsShownAllTheSame() throws Exception {
        // a database this version cannot write (made by a newer Cuecard): the score is shown, then why it was not stored
        try (SessionStore store = SessionStore.open(home.resolve(SessionStore.FILE_NAME))) {
            InterviewFixture.record(store);
        }
        try (java.sql.Connection c = java.sql.DriverManager.getConnection("jdbc:sqlite:" + home.resolve(SessionStore.FILE_NAME));
             java.sql.Statement st = c.createStatement()) {
            st.executeUpdate("PRAGMA user_version = 99");
        }
        CliTest.Run score = run("practice", "score", "--offline", "--save", "--question", "cache-aside",
                "--answer-text", "I would put redis in front of the database with a ttl of sixty seconds");
        assertThat(score.exit()).isEqualTo(1);
        assertThat(score.out()).contains("/ 10");
        assertThat(score.err()).doesNotContain("stored as practice session");
        assertThat(lines(score.err())).last().asString().startsWith("cuecard: ");
    }
}
