package dev.cuecard.ui;

import dev.cuecard.audio.AudioDevice;
import dev.cuecard.audio.Channel;
import dev.cuecard.audio.DeviceCatalog;
import dev.cuecard.pipeline.NamedThreadFactory;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javafx.scene.control.ComboBox;
import javafx.util.StringConverter;

/**
 * The device pickers of the main window, the audio check and the settings: the catalog's devices by
 * name (what is stored and opened), shown with their descriptions, re-read each time a list opens so
 * a device plugged in while the app runs appears without a restart.
 */
final class DevicePickers {
    private DevicePickers() {
    }

    static DeviceCatalog catalog() {
        return DeviceCatalog.forThisMachine(new NamedThreadFactory("audio"));
    }

    /**
     * Fills {@code box}; selects {@code wanted} (kept as an entry even when not found now), else the
     * catalog's default for {@code channel} when {@code preselect}, else "(none)".
     */
    static void fill(ComboBox<String> box, DeviceCatalog catalog, List<AudioDevice> devices, Optional<String> wanted,
                     Channel channel, boolean preselect) {
        Map<String, String> labels = new HashMap<>();
        box.setConverter(new StringConverter<>() {
            @Override
            public String toString(String name) {
                return name == null ? "" : labels.getOrDefault(name, name);
            }

            @Override
            public String fromString(String label) {
                return labels.entrySet().stream().filter(e -> e.getValue().equals(label)).map(Map.Entry::getKey)
                        .findFirst().orElse(label);
            }
        });
        load(box, labels, devices);
        Optional<String> pick = wanted.or(() -> preselect ? defaultFor(devices, channel) : Optional.empty());
        pick.ifPresent(name -> {
            if (!box.getItems().contains(name)) {
                box.getItems().add(name);
            }
        });
        box.setValue(pick.orElse(MainWindow.NO_DEVICE));
        box.setOnShowing(e -> {
            String selected = box.getValue();
            load(box, labels, catalog.list());
            if (selected != null && !box.getItems().contains(selected)) {
                box.getItems().add(selected);
            }
            box.setValue(selected);
        });
    }

    private static void load(ComboBox<String> box, Map<String, String> labels, List<AudioDevice> devices) {
        labels.clear();
        labels.put(MainWindow.NO_DEVICE, MainWindow.NO_DEVICE);
        devices.forEach(d -> labels.putIfAbsent(d.name(), d.label()));
        box.getItems().setAll(MainWindow.NO_DEVICE);
        devices.stream().map(AudioDevice::name).distinct().forEach(box.getItems()::add);
    }

    static Optional<String> defaultFor(List<AudioDevice> devices, Channel channel) {
        return DeviceCatalog.defaultFor(devices, channel);
    }

    static Optional<String> choice(ComboBox<String> box) {
        return Optional.ofNullable(box.getValue()).filter(v -> !v.equals(MainWindow.NO_DEVICE));
    }
}
