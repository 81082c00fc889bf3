package dev.cuecard.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cuecard.asr.TranscriptEvent;
import dev.cuecard.asr.TranscriptKind;
import dev.cuecard.audio.AudioLevel;
import dev.cuecard.audio.Channel;
import dev.cuecard.pipeline.PipelineEvent;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import org.junit.jupiter.api.Test;

/** The bridge's coalescing rules, with a hand-cranked executor standing in for the FX thread. */
class FxBridgeTest {
    final Queue<Runnable> fxQueue = new ArrayDeque<>();
    final List<PipelineEvent> applied = new ArrayList<>();
    final FxBridge bridge = new FxBridge(fxQueue::add, applied::add);

    static PipelineEvent partial(String text, long at) {
        return new PipelineEvent.Transcript(new TranscriptEvent(Channel.THEM, TranscriptKind.PARTIAL, text, 0, at, at,
                List.of()));
    }

    static PipelineEvent fin(String text, long at) {
        return new PipelineEvent.Transcript(new TranscriptEvent(Channel.THEM, TranscriptKind.FINAL, text, 0, at, at,
                List.of()));
    }

    @Test
    void partialsAndLevelsCoalesceWithAtMostOneDrainPending() {
        bridge.onEvent(partial("how", 100));
        bridge.onEvent(partial("how would", 200));
        bridge.onEvent(new PipelineEvent.Level(new AudioLevel(Channel.THEM, 0.1, 0.2, 200)));
        bridge.onEvent(partial("how would you", 300));
        bridge.onEvent(new PipelineEvent.Level(new AudioLevel(Channel.THEM, 0.3, 0.4, 300)));
        assertThat(fxQueue).hasSize(1);
        fxQueue.poll().run();
        assertThat(applied).hasSize(2);
        assertThat(((PipelineEvent.Transcript) applied.get(0)).event().text()).isEqualTo("how would you");
        assertThat(((PipelineEvent.Level) applied.get(1)).level().rms()).isEqualTo(0.3);
    }

    @Test
    void finalsAndCommandsKeepTheirOrderAndSupersedeOlderPartials() {
        List<String> log = new ArrayList<>();
        bridge.onEvent(partial("tell me", 100));
        bridge.onEvent(fin("tell me about a time", 400));
        bridge.post(() -> log.add("command"));
        bridge.onEvent(fin("what is a deadlock", 900));
        fxQueue.poll().run();
        assertThat(applied).extracting(e -> ((PipelineEvent.Transcript) e).event().text())
                .containsExactly("tell me about a time", "what is a deadlock");
        assertThat(log).containsExactly("command");
        assertThat(fxQueue).isEmpty();
        // a new partial after the last final is shown
        bridge.onEvent(partial("so", 1000));
        fxQueue.poll().run();
        assertThat(applied).hasSize(3);
    }

    @Test
    void aNewSessionsPartialsAreShownThoughItsAudioPositionsStartAgainAtZero() {
        bridge.onEvent(fin("the first session ends here", 60_000));
        fxQueue.poll().run();
        List<String> order = new ArrayList<>();
        bridge.sessionStarted(() -> order.add("reset"));
        bridge.onEvent(partial("how would you", 1_200));
        fxQueue.poll().run();
        assertThat(order).containsExactly("reset");
        assertThat(applied).extracting(e -> ((PipelineEvent.Transcript) e).event().text())
                .containsExactly("the first session ends here", "how would you");
    }
}
