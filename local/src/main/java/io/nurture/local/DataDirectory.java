package io.nurture.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.springframework.util.FileSystemUtils;

/**
 * The one directory that holds Nurture's state on this machine: the local broker's data and the
 * embedded database's data side by side, so they are kept, moved and wiped together. Blank means
 * throwaway state in a fresh temporary directory, deleted at shutdown (tests).
 */
public final class DataDirectory {

    private final Path root;
    private final boolean temporary;

    private DataDirectory(Path root, boolean temporary) {
        this.root = root;
        this.temporary = temporary;
    }

    /**
     * @param pairedState whether the broker's and the database's state both live here; then one
     *     without the other means someone deleted half of it, and starting would pair orders with
     *     processes that do not know them (or the other way round)
     */
    public static DataDirectory open(String configured, boolean pairedState) {
        boolean temporary = configured == null || configured.isBlank();
        DataDirectory directory = new DataDirectory(
                temporary
                        ? temporaryRoot()
                        : Path.of(configured).toAbsolutePath().normalize(),
                temporary);
        if (pairedState) {
            directory.refuseHalfState();
        }
        directory.create(pairedState);
        return directory;
    }

    public Path broker() {
        return root.resolve("zeebe");
    }

    public Path database() {
        return root.resolve("mariadb");
    }

    public Path databaseServer() {
        return root.resolve("mariadb-server");
    }

    public Path logs() {
        return root.resolve("logs");
    }

    public Path root() {
        return root;
    }

    public boolean temporary() {
        return temporary;
    }

    void deleteIfTemporary() throws IOException {
        if (temporary) {
            FileSystemUtils.deleteRecursively(root);
        }
    }

    private void refuseHalfState() {
        boolean broker = Files.isDirectory(broker());
        boolean database = Files.isDirectory(database());
        if (broker != database) {
            Path present = broker ? broker() : database();
            Path missing = broker ? database() : broker();
            throw new IllegalStateException(present + " exists but " + missing + " does not: the engine's and the"
                    + " database's state belong together. Restore the missing directory, or delete " + root
                    + " to start fresh (see docs/modes.md, \"Where Nurture keeps its state\").");
        }
    }

    private void create(boolean pairedState) {
        try {
            Files.createDirectories(logs());
            if (pairedState) {
                Files.createDirectories(broker());
                Files.createDirectories(database());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create Nurture's data directory " + root, e);
        }
    }

    private static Path temporaryRoot() {
        try {
            return Files.createTempDirectory("nurture-");
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create a temporary data directory", e);
        }
    }
}
