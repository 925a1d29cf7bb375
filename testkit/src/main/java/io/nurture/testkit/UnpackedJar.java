package io.nurture.testkit;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
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
            if (!moveInPlace(unpacked, directory)) {
                return new UnpackedJar(jar, false);
            }
        } finally {
            deleteQuietly(scratch);
        }
        deleteEarlierUnpackings(executable, base, directory);
        return new UnpackedJar(jar, true);
    }

    /**
     * Whether this unpacking became the build's; false where another launcher's got there first (a
     * rename onto a directory that is not empty fails, with an exception that depends on the platform).
     */
    static boolean moveInPlace(Path unpacked, Path directory) throws IOException {
        try {
            Files.move(unpacked, directory, StandardCopyOption.ATOMIC_MOVE);
            return true;
        } catch (IOException notMoved) {
            if (Files.isDirectory(directory) && !isEmpty(directory)) {
                return false;
            }
            throw notMoved;
        }
    }

    private static boolean isEmpty(Path directory) throws IOException {
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(directory)) {
            return !entries.iterator().hasNext();
        }
    }

    private static void extract(Path executable, Path destination) throws IOException, InterruptedException {
        List<String> command = List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
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
        if (!extracting.waitFor(2, TimeUnit.MINUTES)) {
            extracting.destroyForcibly().waitFor();
            throw new IOException("Unpacking " + executable + " took longer than 2 minutes");
        }
        if (extracting.exitValue() != 0) {
            throw new IOException("Could not unpack " + executable + ": "
                    + new String(Files.readAllBytes(output), StandardCharsets.UTF_8));
        }
    }

    /** Each about 60 MB. What cannot be deleted costs disk space, not the run. */
    private static void deleteEarlierUnpackings(Path executable, String base, Path current) {
        try (DirectoryStream<Path> earlier = Files.newDirectoryStream(
                executable.getParent(),
                path -> path.getFileName().toString().startsWith(base + UNPACKED) && !path.equals(current))) {
            earlier.forEach(UnpackedJar::deleteQuietly);
        } catch (IOException e) {
            System.err.println("Could not list the earlier unpackings of " + executable + ": " + e);
        }
    }

    private static void deleteQuietly(Path directory) {
        try {
            FileSystemUtils.deleteRecursively(directory);
        } catch (IOException e) {
            System.err.println("Could not delete " + directory + ": " + e);
        }
    }
}
