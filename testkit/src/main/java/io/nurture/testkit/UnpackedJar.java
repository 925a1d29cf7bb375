package io.nurture.testkit;

import java.io.IOException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.springframework.util.FileSystemUtils;

/**
 * Nurture's executable jar unpacked as Spring Boot's extract tool lays it out: the app's own jar
 * with its libraries in lib/ beside it, named in its manifest. Started from there, every class comes
 * from a plain class path, which an ahead-of-time cache covers; it leaves out the classes Spring
 * Boot's own class loader reads from the jars nested in the executable one. One unpacking per build
 * of the jar, told apart by its stamp, beside it.
 */
record UnpackedJar(Path jar, boolean fresh) {

    private static final String UNPACKED = "-unpacked-";

    /** The jar of {@code executable}'s unpacking for {@code stamp}; unpacked now where there is none. */
    static UnpackedJar of(Path executable, int stamp) throws IOException, InterruptedException {
        String base = executable.getFileName().toString().replaceFirst("\\.jar$", "");
        Path directory = executable.resolveSibling(base + UNPACKED + Integer.toHexString(stamp));
        Path jar = directory.resolve(executable.getFileName());
        if (Files.isRegularFile(jar)) {
            return new UnpackedJar(jar, false);
        }
        Path scratch = Files.createTempDirectory(executable.getParent(), ".unpacking-");
        try {
            Path unpacked = scratch.resolve("app");
            extract(executable, unpacked);
            try {
                Files.move(unpacked, directory, StandardCopyOption.ATOMIC_MOVE);
            } catch (FileAlreadyExistsException | DirectoryNotEmptyException unpackedMeanwhile) {
                return new UnpackedJar(jar, false);
            }
        } finally {
            FileSystemUtils.deleteRecursively(scratch);
        }
        deleteEarlierUnpackings(executable, base, directory);
        return new UnpackedJar(jar, true);
    }

    private static void extract(Path executable, Path destination) throws IOException, InterruptedException {
        List<String> command = List.of(
                ProcessHandle.current().info().command().orElse("java"),
                "-Djarmode=tools",
                "-jar",
                executable.toString(),
                "extract",
                "--destination",
                destination.toString());
        Path output = destination.resolveSibling("extract.log");
        Process extracting = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(output.toFile())
                .start();
        if (!extracting.waitFor(2, TimeUnit.MINUTES) || extracting.exitValue() != 0) {
            extracting.destroyForcibly();
            throw new IOException("Could not unpack " + executable + ": " + Files.readString(output));
        }
    }

    /** An app still running from one keeps its open jars. */
    private static void deleteEarlierUnpackings(Path executable, String base, Path current) throws IOException {
        try (DirectoryStream<Path> earlier = Files.newDirectoryStream(
                executable.getParent(),
                path -> path.getFileName().toString().startsWith(base + UNPACKED) && !path.equals(current))) {
            for (Path directory : earlier) {
                FileSystemUtils.deleteRecursively(directory);
            }
        }
    }
}
