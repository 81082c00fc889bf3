package dev.cuecard.ui;

import javafx.beans.property.DoubleProperty;
import javafx.scene.control.ProgressBar;

/** A level meter: RMS shown on a −60..0 dBFS scale, so speech fills about half to three quarters. */
final class LevelMeterBar extends ProgressBar {
    LevelMeterBar(DoubleProperty rms) {
        setMaxWidth(Double.MAX_VALUE);
        // a progress bar's minimum height is 0: a box short of room (the audio check) squeezed both meters away
        setMinHeight(USE_PREF_SIZE);
        progressProperty().bind(javafx.beans.binding.Bindings.createDoubleBinding(() -> {
            double v = rms.get();
            double db = v <= 0 ? -60 : 20 * Math.log10(v);
            return Math.max(0, Math.min(1, (db + 60) / 60));
        }, rms));
    }
}
