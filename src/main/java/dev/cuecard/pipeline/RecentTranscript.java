package dev.cuecard.pipeline;

import dev.cuecard.asr.TranscriptEvent;
import dev.cuecard.hint.ConversationLine;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

/** The last final utterances of both channels, bounded in characters; written by both recognizer threads. */
final class RecentTranscript {
    private final int maxChars;
    private final Deque<ConversationLine> lines = new ArrayDeque<>();
    private int chars;

    RecentTranscript(int maxChars) {
        this.maxChars = maxChars;
    }

    synchronized void add(TranscriptEvent e) {
        if (!e.isFinal() || e.text().isBlank()) {
            return;
        }
        lines.addLast(new ConversationLine(e.channel(), e.text()));
        chars += e.text().length();
        while (chars > maxChars && lines.size() > 1) {
            chars -= lines.removeFirst().text().length();
        }
    }

    synchronized List<ConversationLine> snapshot() {
        return List.copyOf(lines);
    }
}
