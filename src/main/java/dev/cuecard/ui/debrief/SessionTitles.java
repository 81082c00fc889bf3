package dev.cuecard.ui.debrief;

import dev.cuecard.session.SessionKind;
import dev.cuecard.session.SessionSummary;
import dev.cuecard.ui.Labels;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * How a stored session is named on screen: what it was and when ("Demo interview · Sun 29 Nov,
 * 10:51"), with what it holds below — never the internal title a replay stores (a file name).
 */
public final class SessionTitles {
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("EEE d MMM, HH:mm", Locale.ENGLISH);

    private SessionTitles() {
    }

    public static String title(SessionKind kind, Instant startedAt, ZoneId zone) {
        return Labels.sessionKind(kind) + " · " + WHEN.format(startedAt.atZone(zone));
    }

    public static String title(SessionSummary s, ZoneId zone) {
        return title(s.kind(), s.startedAt(), zone);
    }

    /** "3 questions · 4:12 · interrupted": what the session holds. */
    public static String details(SessionSummary s) {
        StringBuilder b = new StringBuilder();
        b.append(s.questions()).append(s.questions() == 1 ? " question" : " questions");
        if (s.audioMs() > 0) {
            long sec = s.audioMs() / 1000;
            b.append(String.format(Locale.ROOT, " · %d:%02d", sec / 60, sec % 60));
        }
        switch (s.status()) {
            case RECORDING -> b.append(" · still recording");
            case INTERRUPTED -> b.append(" · ended unexpectedly");
            case STOPPED -> b.append(" · ").append(s.stopped().map(st -> st.describe()).orElse("stopped before the end"));
            default -> {
                // complete: nothing to add
            }
        }
        return b.toString();
    }
}
