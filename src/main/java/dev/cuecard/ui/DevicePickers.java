package dev.cuecard.ui;

import dev.cuecard.audio.AudioDevice;
import dev.cuecard.audio.Channel;
import dev.cuecard.audio.DeviceCatalog;
import dev.cuecard.pipeline.NamedThreadFactory;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javafx.scene.control.ComboBox;
import javafx.scene.control.ListCell;
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
        Optional<String> pick = wanted.or(() -> preselect ? defaultFor(devices, channel) : Optional.empty());
        String value = pick.orElse(MainWindow.NO_DEVICE);
        load(box, labels, devices, Optional.of(value));
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
        box.setValue(value);
        Face face = Face.of(box);
        face.redraw();
        box.setOnShowing(e -> {
            load(box, labels, catalog.list(), Optional.ofNullable(box.getValue()));
            face.redraw();
        });
    }

    /**
     * The box's face, drawn from its value's label. A cell draws itself again only when its item
     * changes: a device listed after it was chosen (a saved choice) kept showing its bare name.
     */
    private static final class Face extends ListCell<String> {
        private final ComboBox<String> box;

        private Face(ComboBox<String> box) {
            this.box = box;
        }

        static Face of(ComboBox<String> box) {
            if (!(box.getButtonCell() instanceof Face)) {
                box.setButtonCell(new Face(box));
            }
            return (Face) box.getButtonCell();
        }

        @Override
        protected void updateItem(String name, boolean empty) {
            super.updateItem(name, empty);
            redraw();
        }

        void redraw() {
            setText(box.getConverter().toString(box.getValue()));
        }
    }

    /**
     * The entries become "(none)", the devices and {@code keep} (the choice, kept even when not
     * listed now), changed in place: the entry under the selection is never taken out. Replacing
     * it (setAll) kept the box's value but left its face blank, until another device was picked.
     */
    private static void load(ComboBox<String> box, Map<String, String> labels, List<AudioDevice> devices,
                             Optional<String> keep) {
        labels.clear();
        labels.put(MainWindow.NO_DEVICE, MainWindow.NO_DEVICE);
        devices.forEach(d -> labels.putIfAbsent(d.name(), d.label()));
        List<String> names = new ArrayList<>();
        names.add(MainWindow.NO_DEVICE);
        devices.stream().map(AudioDevice::name).filter(n -> !names.contains(n)).forEach(names::add);
        keep.filter(k -> !names.contains(k)).ifPresent(names::add);
        box.getItems().retainAll(names);
        for (int i = 0; i < names.size(); i++) {
            if (!box.getItems().contains(names.get(i))) {
                box.getItems().add(Math.min(i, box.getItems().size()), names.get(i));
            }
        }
    }

    static Optional<String> defaultFor(List<AudioDevice> devices, Channel channel) {
        return DeviceCatalog.defaultFor(devices, channel);
    }

    static Optional<String> choice(ComboBox<String> box) {
        return Optional.ofNullable(box.getValue()).filter(v -> !v.equals(MainWindow.NO_DEVICE));
    }
}
