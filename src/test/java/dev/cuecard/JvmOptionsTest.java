package dev.cuecard;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The memory options (issue 14) are the same for the installed launcher and for {@code java -jar}. */
class JvmOptionsTest {
    @Test
    void theInstalledLauncherPassesTheSameOptionsAsTheJarsRestart() throws Exception {
        String build = Files.readString(Path.of("installer", "build.xml"), StandardCharsets.UTF_8);
        Matcher m = Pattern.compile("<arg value=\"--java-options\"/><arg value=\"([^\"]+)\"/>").matcher(build);
        List<String> launcher = m.results().map(r -> r.group(1)).toList();
        assertThat(launcher).containsAll(JvmOptions.OPTIONS);
    }

    /** The FX-stall tour runs the app from class folders (no restart): it passes the same options itself. */
    @Test
    void theFxStallTourRunsWithTheOptionsTheAppRunsWith() throws Exception {
        String script = Files.readString(Path.of("bench", "fx-stalls.sh"), StandardCharsets.UTF_8);
        Matcher m = Pattern.compile("(?m)^app_options=\"([^\"]+)\"").matcher(script);
        assertThat(m.find()).as("app_options in bench/fx-stalls.sh").isTrue();
        assertThat(List.of(m.group(1).trim().split("\\s+"))).containsExactlyElementsOf(JvmOptions.OPTIONS);
    }

    @Test
    void noRestartFromAClassesFolderOrWhenTheUserChoseTheHeap() {
        // tests run from classes folders, as IDEs do: the JVM runs as started
        assertThat(JvmOptions.reexecCommand(new String[] {"replay"}, Map.of(), List.of())).isEmpty();
        assertThat(JvmOptions.reexecCommand(new String[] {}, Map.of("CUECARD_JVM_TUNING", "off"), List.of())).isEmpty();
        assertThat(JvmOptions.reexecCommand(new String[] {}, Map.of(), List.of("-Xmx1g"))).isEmpty();
    }

    @Test
    void optionsGivenInTheJvmsEnvironmentVariablesCountAsTheUsersChoice() {
        assertThat(JvmOptions.userChoseOptions(List.of("-Dfoo=bar"), Map.of())).isFalse();
        assertThat(JvmOptions.userChoseOptions(List.of("-XX:+UseZGC"), Map.of())).isTrue();
        assertThat(JvmOptions.userChoseOptions(List.of(), Map.of("JAVA_TOOL_OPTIONS", " -Dx=1  -Xmx512m"))).isTrue();
        assertThat(JvmOptions.userChoseOptions(List.of(), Map.of("JDK_JAVA_OPTIONS", "-XX:TieredStopAtLevel=4"))).isTrue();
        assertThat(JvmOptions.userChoseOptions(List.of(), Map.of("JAVA_TOOL_OPTIONS", "-Dfile.encoding=UTF-8"))).isFalse();
    }

    @Test
    void onlyTheDesktopAppAndSessionCommandsRestart() {
        assertThat(JvmOptions.longRunning(new String[] {})).isTrue();
        assertThat(JvmOptions.longRunning(new String[] {"--demo", "--exit-after", "5"})).isTrue();
        assertThat(JvmOptions.longRunning(new String[] {"replay", "x.wav", "--json"})).isTrue();
        assertThat(JvmOptions.longRunning(new String[] {"listen"})).isTrue();
        assertThat(JvmOptions.longRunning(new String[] {"classify", "how would you design a rate limiter"})).isFalse();
        assertThat(JvmOptions.longRunning(new String[] {"debrief", "list"})).isFalse();
        assertThat(JvmOptions.longRunning(new String[] {"--version"})).isFalse();
    }

    @Test
    void onlyArgumentsWithoutACommandStartTheToolkitEarly() {
        assertThat(JvmOptions.opensDesktop(new String[] {})).isTrue();
        assertThat(JvmOptions.opensDesktop(new String[] {"--demo", "--exit-after", "5"})).isTrue();
        assertThat(JvmOptions.opensDesktop(new String[] {"replay", "--demo"})).isFalse();
        assertThat(JvmOptions.opensDesktop(new String[] {"listen"})).isFalse();
        assertThat(JvmOptions.opensDesktop(new String[] {"--help"})).isFalse();
        assertThat(JvmOptions.opensDesktop(new String[] {"--demo", "--version"})).isFalse();
    }
}
