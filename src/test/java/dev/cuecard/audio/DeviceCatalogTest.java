package dev.cuecard.audio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cuecard.pipeline.NamedThreadFactory;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The catalog when there is no sound server: one clear line, and the Java Sound devices remain. */
class DeviceCatalogTest {
    private static final List<CaptureDevice> MAC_LIKE = List.of(
            PulseCaptureTest.javaDevice("MacBook Pro Microphone", "Direct Audio Device: MacBook Pro Microphone"),
            PulseCaptureTest.javaDevice("BlackHole 2ch", "Direct Audio Device: BlackHole 2ch"));

    private static DeviceCatalog withoutServer(List<CaptureDevice> javaSound) {
        // a server address nobody listens on: pactl says "Connection refused" (or is not installed)
        SoundServer none = new SoundServer(Map.of("PULSE_SERVER", "unix:/nonexistent/cuecard-test/native"));
        return new DeviceCatalog(Optional.of(none), false, () -> javaSound, new NamedThreadFactory("test-audio"));
    }

    @Test
    void withNeitherChannelOpenNoLineSaysTheInterviewerIsHeard() {
        List<String> problems = new java.util.ArrayList<>();
        List<dev.cuecard.pipeline.ChannelInput> opened = dev.cuecard.live.CaptureInputs.open(withoutServer(List.of()),
                Optional.of("nosuch"), Optional.empty(), problems::add);
        assertThat(opened).isEmpty();
        assertThat(problems).anyMatch(p -> p.startsWith("them channel off: no capture device 'nosuch'"))
                .anyMatch(p -> p.startsWith("me channel off: no microphone found"))
                .noneMatch(p -> p.contains("only the interviewer is heard"));
    }

    @Test
    void aMissingSoundServerIsOneLineAndTheJavaSoundDevicesRemain() {
        DeviceCatalog catalog = withoutServer(MAC_LIKE);
        List<AudioDevice> devices = catalog.list();
        assertThat(catalog.notice()).hasValueSatisfying(n -> {
            assertThat(n).doesNotContain("\n");
            assertThat(n).containsAnyOf("no PulseAudio/PipeWire sound server", "pactl is not installed");
            assertThat(n).contains("using Java Sound devices");
        });
        assertThat(devices).extracting(AudioDevice::name)
                .containsExactly("default", "MacBook Pro Microphone", "BlackHole 2ch");
        assertThat(devices.get(2).systemAudio()).isTrue();
        assertThat(devices).allSatisfy(d -> assertThat(d.line()).doesNotContain("\n"));
        // the interviewer defaults to the loopback device, the microphone to the first real one
        assertThat(catalog.defaultFor(Channel.THEM)).contains("BlackHole 2ch");
        assertThat(catalog.defaultFor(Channel.ME)).contains("default");
    }

    @Test
    void withNoSoundServerAndNoLoopbackDeviceSystemAudioIsAClearError() {
        DeviceCatalog catalog = withoutServer(List.of(MAC_LIKE.get(0)));
        assertThat(catalog.defaultFor(Channel.THEM)).isEmpty();
        assertThatThrownBy(() -> catalog.open("system")).isInstanceOf(AudioSourceException.class)
                .hasMessageContaining("no system audio to capture").hasMessageContaining("loopback device");
        assertThatThrownBy(() -> catalog.open("no such thing")).isInstanceOf(AudioSourceException.class)
                .hasMessageContaining("cuecard devices");
    }

    @Test
    void theFirstRunCheckSaysWhetherBlackHoleIsThereOnMacOs() {
        List<AudioDevice> with = withoutServer(MAC_LIKE).list();
        List<AudioDevice> without = withoutServer(List.of(MAC_LIKE.get(0))).list();
        assertThat(SystemAudioHelp.text("Mac OS X", with, Optional.empty())).startsWith("BlackHole found ('BlackHole 2ch')");
        assertThat(SystemAudioHelp.text("Mac OS X", without, Optional.empty())).startsWith("BlackHole not found")
                .contains("existential.audio/blackhole");
        assertThat(SystemAudioHelp.text("Windows 11", without, Optional.empty())).contains("WASAPI loopback")
                .doesNotContain("Stereo Mix (");
        assertThat(SystemAudioHelp.text("Linux", without, Optional.of("no PulseAudio/PipeWire sound server is running")))
                .startsWith("no PulseAudio/PipeWire sound server is running").contains("pulseaudio-utils");
        AudioDevice server = new AudioDevice("system", "what you hear", AudioDevice.Backend.SOUND_SERVER, true, false);
        assertThat(SystemAudioHelp.text("Linux", List.of(server), Optional.empty())).contains("no setup")
                .doesNotContain("modprobe");
    }
}
