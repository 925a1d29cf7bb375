package io.nurture.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DataDirectoryTest {

    @TempDir
    Path home;

    @Test
    void aFirstStartCreatesTheBrokerAndDatabaseDirectoriesTogether() {
        DataDirectory state = DataDirectory.open(home.resolve("nurture-data").toString(), true);

        assertThat(state.broker()).isDirectory();
        assertThat(state.database()).isDirectory();
        assertThat(state.temporary()).isFalse();
    }

    @Test
    void brokerStateWithoutItsDatabaseIsRefusedNamingBoth() throws Exception {
        Path root = home.resolve("nurture-data");
        Files.createDirectories(root.resolve("zeebe"));

        assertThatThrownBy(() -> DataDirectory.open(root.toString(), true))
                .hasMessageContaining(root.resolve("zeebe") + " exists but " + root.resolve("mariadb") + " does not")
                .hasMessageContaining("delete " + root);
    }

    @Test
    void databaseStateWithoutItsBrokerIsRefused() throws Exception {
        Path root = home.resolve("nurture-data");
        Files.createDirectories(root.resolve("mariadb"));

        assertThatThrownBy(() -> DataDirectory.open(root.toString(), true))
                .hasMessageContaining(root.resolve("mariadb") + " exists but " + root.resolve("zeebe") + " does not");
    }

    @Test
    void withAnExternalDatabaseOnlyTheBrokerStateLivesThere() throws Exception {
        Path root = home.resolve("nurture-data");
        Files.createDirectories(root.resolve("zeebe"));

        DataDirectory state = DataDirectory.open(root.toString(), false);

        assertThat(state.broker()).isDirectory();
        assertThat(state.database()).doesNotExist();
    }

    @Test
    void blankMeansATemporaryDirectoryDeletedAtShutdown() throws Exception {
        DataDirectory state = DataDirectory.open("", true);
        assertThat(state.root()).isDirectory();

        state.deleteIfTemporary();

        assertThat(state.root()).doesNotExist();
    }
}
