package dev.cuecard.config;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The desktop app's own settings (the {@code ui:} section of settings.yaml). Absent values mean
 * the defaults below.
 *
 * @param overlayOpacity  {@link #MIN_OPACITY}..1
 * @param fontScale       {@link #MIN_FONT_SCALE}..{@link #MAX_FONT_SCALE}, relative to the default card font
 * @param overlayBounds   overlay position and size per screen ("1920x1080@0,0" → bounds)
 * @param hotkeys         action id → key chord ("ctrl+alt+space"); missing actions use defaults
 * @param consentAccepted the first-run purpose/consent screen was confirmed
 * @param detailLevel     the card's level: one of {@link #DETAIL_LEVELS}
 * @param answerCoach     the live answer coach shows on the card while the user answers (default on)
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record UiSettings(Double overlayOpacity, Double fontScale, Map<String, WindowBounds> overlayBounds,
                         Map<String, String> hotkeys, Boolean consentAccepted, String detailLevel,
                         Boolean answerCoach) {
    public static final double DEFAULT_OPACITY = 0.92;
    public static final double MIN_OPACITY = 0.3;
    public static final double MIN_FONT_SCALE = 0.8;
    public static final double MAX_FONT_SCALE = 1.6;
    /** The card's levels as settings name them (the ids of {@code hint.HintLevel}); outline when absent or unknown. */
    public static final java.util.List<String> DETAIL_LEVELS = java.util.List.of("one_line", "outline", "detail");
    public static final String DEFAULT_DETAIL_LEVEL = "outline";

    /** A window's place on one screen. */
    public record WindowBounds(double x, double y, double width, double height) {
    }

    public static UiSettings defaults() {
        return new UiSettings(null, null, null, null, null, null, null);
    }

    public double opacity() {
        return overlayOpacity == null ? DEFAULT_OPACITY : Math.max(MIN_OPACITY, Math.min(1.0, overlayOpacity));
    }

    public double scale() {
        return fontScale == null ? 1.0 : Math.max(MIN_FONT_SCALE, Math.min(MAX_FONT_SCALE, fontScale));
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
