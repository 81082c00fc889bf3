package dev.cuecard.testing;

import dev.cuecard.config.AppPaths;
import java.nio.file.Path;
import java.util.function.Supplier;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Points {@code cuecard.home} at a test's own folder for each test and puts the previous value
 * back after it (later tests and static initialisers read the property).
 */
public final class DataFolderProperty implements BeforeEachCallback, AfterEachCallback {
    private final Supplier<Path> folder;
    private String previous;

    /** @param folder the test's folder, e.g. its {@code @TempDir} field (injected before this runs) */
    public DataFolderProperty(Supplier<Path> folder) {
        this.folder = folder;
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        previous = System.getProperty(AppPaths.HOME_PROPERTY);
        System.setProperty(AppPaths.HOME_PROPERTY, folder.get().toString());
    }

    @Override
    public void afterEach(ExtensionContext context) {
        if (previous == null) {
            System.clearProperty(AppPaths.HOME_PROPERTY);
        } else {
            System.setProperty(AppPaths.HOME_PROPERTY, previous);
        }
    }
}
