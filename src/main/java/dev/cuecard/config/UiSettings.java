package dev.cuecard.config;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The desktop app's own settings (the {@code ui:} section of settings.yaml). Absent values mean
 * the defaults below.
 *
 * @param overlayOpacity  0.3..1
 * @param fontScale       0.7..2, relative to the default card font
 * @param overlayBounds   overlay position and size per screen ("1920x1080@0,0" → bounds)
 * @param hotkeys         action id → key chord ("ctrl+alt+space"); missing actions use defaults
 * @param consentAccepted the first-run purpose/consent screen was confirmed
 * @param detailLevel     the card's level: one_line, outline or detail
 * @param answerCoach     the live answer coach shows on the card while the user answers (default on)
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record UiSettings(Double overlayOpacity, Double fontScale, Map<String, WindowBounds> overlayBounds,
                         Map<String, String> hotkeys, Boolean consentAccepted, String detailLevel,
                         Boolean answerCoach) {
    public static final double DEFAULT_OPACITY = 0.92;

    /** A window's place on one screen. */
    public record WindowBounds(double x, double y, double width, double height) {
    }

    public static UiSettings defaults() {
        return new UiSettings(null, null, null, null, null, null, null);
    }

    public double opacity() {
        return overlayOpacity == null ? DEFAULT_OPACITY : Math.max(0.3, Math.min(1.0, overlayOpacity));
    }

    public double scale() {
        return fontScale == null ? 1.0 : Math.max(0.7, Math.min(2.0, fontScale));
    }

    public boolean consented() {
        return Boolean.TRUE.equals(consentAccepted);
    }

    public Map<String, WindowBounds> bounds() {
        return overlayBounds == null ? Map.of() : overlayBounds;
    }

    public Map<String, String> hotkeyMap() {
        return hotkeys == null ? Map.of() : hotkeys;
    }

    public UiSettings withOpacity(double v) {
        return new UiSettings(v, fontScale, overlayBounds, hotkeys, consentAccepted, detailLevel, answerCoach);
    }

    public UiSettings withFontScale(double v) {
        return new UiSettings(overlayOpacity, v, overlayBounds, hotkeys, consentAccepted, detailLevel, answerCoach);
    }

    public UiSettings withBounds(String screen, WindowBounds b) {
        Map<String, WindowBounds> m = new LinkedHashMap<>(bounds());
        m.put(screen, b);
        return new UiSettings(overlayOpacity, fontScale, m, hotkeys, consentAccepted, detailLevel, answerCoach);
    }

    public UiSettings withHotkeys(Map<String, String> h) {
        return new UiSettings(overlayOpacity, fontScale, overlayBounds, new LinkedHashMap<>(h), consentAccepted,
                detailLevel, answerCoach);
    }

    public UiSettings withConsent(boolean accepted) {
        return new UiSettings(overlayOpacity, fontScale, overlayBounds, hotkeys, accepted, detailLevel, answerCoach);
    }

    public UiSettings withDetailLevel(String level) {
        return new UiSettings(overlayOpacity, fontScale, overlayBounds, hotkeys, consentAccepted, level, answerCoach);
    }

    public boolean coachShown() {
        return answerCoach == null || answerCoach;
    }

    public UiSettings withAnswerCoach(boolean shown) {
        return new UiSettings(overlayOpacity, fontScale, overlayBounds, hotkeys, consentAccepted, detailLevel, shown);
    }
}
