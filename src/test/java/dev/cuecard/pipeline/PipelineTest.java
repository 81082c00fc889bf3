package dev.cuecard.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cuecard.asr.TranscriptEvent;
import dev.cuecard.audio.AudioChunk;
import dev.cuecard.audio.AudioSource;
import dev.cuecard.audio.AudioSourceException;
import dev.cuecard.audio.Channel;
import dev.cuecard.audio.DeviceStatusListener;
import dev.cuecard.audio.WavFileSource;
import dev.cuecard.testing.Recordings;
import dev.cuecard.testing.SpeechFixtures;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;

class PipelineTest {

    /** A real recording that "unplugs" after a number of chunks, like a USB headset pulled out. */
    static final class UnpluggedSource implements AudioSource {
        private final WavFileSource wav;
        private int left;

        UnpluggedSource(WavFileSource wav, int chunksBeforeFailure) {
            this.wav = wav;
            this.left = chunksBeforeFailure;
        }

        @Override
        public String describe() {
            return "USB headset";
        }

        @Override
        public boolean isLive() {
            return true;
        }

        @Override
        public AudioChunk read() throws AudioSourceException {
            if (left-- <= 0) {
                throw new AudioSourceException("device 'USB headset' stopped delivering audio");
            }
            return wav.read();
        }

        @Override
        public void close() {
            wav.close();
        }
    }

    /**
     * A sound-server source whose device goes away mid-sentence and comes back: it reports the loss,
     * delivers silence meanwhile (as PulseSource does) and then audio again.
     */
    static final class LostAndBackSource implements AudioSource {
        private final WavFileSource before;
        private final WavFileSource after;
        private final int chunksBefore;
        private int chunks;
        private int silent;
        private long samples;
        private DeviceStatusListener status = (c, m, at) -> { };

        LostAndBackSource(WavFileSource before, int chunksBefore, WavFileSource after) {
            this.before = before;
            this.chunksBefore = chunksBefore;
            this.after = after;
        }

        @Override
        public void setDeviceStatusListener(DeviceStatusListener listener) {
            status = listener;
        }

        @Override
        public String describe() {
            return "headset.monitor";
        }

        @Override
        public boolean isLive() {
            return true;
        }

        @Override
        public AudioChunk read() throws AudioSourceException {
            AudioChunk c;
            if (chunks < chunksBefore) {
                chunks++;
                c = before.read();
            } else if (silent < 20) { // 2 s without the device
                if (silent++ == 0) {
                    status.onDeviceStatus(DeviceStatusListener.Change.LOST, "'headset.monitor' went away",
                            samples / 16);
                }
                c = new AudioChunk(new byte[3200], samples);
            } else {
                if (silent++ == 20) {
                    status.onDeviceStatus(DeviceStatusListener.Change.BACK, "capturing again", samples / 16);
                }
                AudioChunk a = after.read();
                c = a == null ? null : new AudioChunk(a.pcm(), samples);
            }
            if (c != null) {
                samples = c.startSample() + c.sampleCount();
            }
            return c;
        }

        @Override
        public void close() {
            before.close();
            after.close();
        }
    }

    @Test
    void aLostDeviceIsReportedItsWordsKeptAndItsChannelGoesOnWhenItIsBack() throws Exception {
        // "tell me about a time you had a conflict..." cut after 2.5 s, 2 s gone, then "can you hear me okay..."
        AudioSource me = new LostAndBackSource(new WavFileSource(SpeechFixtures.wav("tell-me-slt"), 4.0), 25,
                new WavFileSource(SpeechFixtures.wav("hear-me-slt"), 4.0));
        List<PipelineEvent> events = Recordings.run(new ChannelInput(Channel.ME, me));
        List<PipelineEvent.ChannelStatus> statuses = events.stream()
                .filter(e -> e instanceof PipelineEvent.ChannelStatus).map(e -> (PipelineEvent.ChannelStatus) e).toList();
        assertThat(statuses).extracting(PipelineEvent.ChannelStatus::state).containsSubsequence(
                PipelineEvent.ChannelStatus.State.STARTED, PipelineEvent.ChannelStatus.State.LOST,
                PipelineEvent.ChannelStatus.State.RECOVERED, PipelineEvent.ChannelStatus.State.ENDED);
        assertThat(statuses).noneMatch(s -> s.state() == PipelineEvent.ChannelStatus.State.FAILED);
        long lostAt = statuses.stream().filter(s -> s.state() == PipelineEvent.ChannelStatus.State.LOST)
                .findFirst().orElseThrow().atMs();
        List<TranscriptEvent> finals = Recordings.transcripts(events, Channel.ME, true);
        // the words before the loss became a final of their own (the silence ended the utterance) ...
        assertThat(finals).anySatisfy(f -> {
            assertThat(f.text()).contains("tell me");
            assertThat(f.endMs()).isLessThanOrEqualTo(lostAt + 200);
        });
        // ... and the channel heard the speech after the device came back, later on the same time line
        // ("can you hear", not "hear me": where the reconnect falls in the audio varies, and with it a short word)
        assertThat(finals).anySatisfy(f -> {
            assertThat(f.text()).contains("can you hear");
            assertThat(f.startMs()).isGreaterThan(lostAt + 1500);
        });
    }

    @Test
    void aChannelThatFailsKeepsWhatItHeardAndTheOtherChannelGoesOn() throws Exception {
        // 'me' dies after 2.5 s of "tell me about a time you had a conflict with a teammate"
        AudioSource me = new UnpluggedSource(new WavFileSource(SpeechFixtures.wav("tell-me-slt"), 4.0), 25);
        AudioSource them = new WavFileSource(SpeechFixtures.wav("cache-slt"), 4.0);
        Set<String> threads = ConcurrentHashMap.newKeySet();
        List<PipelineEvent> events = new java.util.concurrent.CopyOnWriteArrayList<>();
        Pipeline p = new Pipeline(Pipeline.RecognizerFactory.vosk(SpeechFixtures.model()), new NamedThreadFactory("t"));
        p.addListener(e -> {
            events.add(e);
            threads.add(Thread.currentThread().getName());
        });
        p.addChannel(new ChannelInput(Channel.THEM, them));
        p.addChannel(new ChannelInput(Channel.ME, me));
        p.start();
        p.awaitEnd();

        List<PipelineEvent.ChannelStatus> failures = events.stream()
                .filter(e -> e instanceof PipelineEvent.ChannelStatus s && s.state() == PipelineEvent.ChannelStatus.State.FAILED)
                .map(e -> (PipelineEvent.ChannelStatus) e).toList();
        assertThat(failures).hasSize(1);
        assertThat(failures.get(0).channel()).isEqualTo(Channel.ME);
        assertThat(failures.get(0).message()).contains("stopped delivering audio");
        assertThat(failures.get(0).atMs()).isEqualTo(2500);

        String meHeard = String.join(" ", Recordings.transcripts(events, Channel.ME, true).stream()
                .map(TranscriptEvent::text).toList());
        assertThat(meHeard).startsWith("tell me about").doesNotContain("teammate");
        String themHeard = String.join(" ", Recordings.transcripts(events, Channel.THEM, true).stream()
                .map(TranscriptEvent::text).toList());
        assertThat(themHeard).endsWith("hits the database");

        // both channels report their end, and every listener call came from a named pipeline thread
        assertThat(events.stream().filter(e -> e instanceof PipelineEvent.ChannelStatus s
                && s.state() == PipelineEvent.ChannelStatus.State.ENDED)).hasSize(2);
        assertThat(threads).allMatch(n -> n.startsWith("cuecard-t-"));
        assertThat(threads).anyMatch(n -> n.endsWith("-asr-me")).anyMatch(n -> n.endsWith("-capture-them"));
    }

    @Test
    void stopEndsALiveSessionAndFlushesTheLastWords() throws Exception {
        // a paced file stands in for a microphone that never ends on its own
        AudioSource slow = new WavFileSource(SpeechFixtures.wav("hear-me-slt"), 1.0);
        List<PipelineEvent> events = new java.util.concurrent.CopyOnWriteArrayList<>();
        Pipeline p = new Pipeline(Pipeline.RecognizerFactory.vosk(SpeechFixtures.model()));
        p.addListener(events::add);
        p.addChannel(new ChannelInput(Channel.ME, slow));
        p.start();
        // stop mid-utterance: as soon as the first words are heard (a fixed sleep is too short on a slow machine)
        long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(30);
        while (Recordings.transcripts(events, Channel.ME, false).stream().noneMatch(t -> t.text().contains("you"))) {
            assertThat(System.nanoTime()).as("no partial heard within 30 s").isLessThan(deadline);
            Thread.sleep(20);
        }
        p.stop();
        List<TranscriptEvent> finals = Recordings.transcripts(events, Channel.ME, true);
        assertThat(finals).isNotEmpty();
        assertThat(finals.get(finals.size() - 1).text()).startsWith("can you");
        assertThat(events.stream().anyMatch(e -> e instanceof PipelineEvent.ChannelStatus s
                && s.state() == PipelineEvent.ChannelStatus.State.FAILED)).isFalse();
    }

    @Test
    void levelsArePublishedForEveryChunk() throws Exception {
        List<PipelineEvent> events = Recordings.run(new ChannelInput(Channel.THEM,
                new WavFileSource(SpeechFixtures.wav("hear-me-slt"), Double.POSITIVE_INFINITY)));
        List<PipelineEvent.Level> levels = events.stream().filter(e -> e instanceof PipelineEvent.Level)
                .map(e -> (PipelineEvent.Level) e).toList();
        assertThat(levels).hasSizeGreaterThan(30);
        // leading silence is quiet; speech is much louder
        assertThat(levels.get(0).level().rmsDb()).isLessThan(-50);
        assertThat(levels.stream().mapToDouble(l -> l.level().rmsDb()).max().orElseThrow()).isGreaterThan(-30);
    }
}
