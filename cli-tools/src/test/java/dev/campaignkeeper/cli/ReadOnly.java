package dev.campaignkeeper.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Test helper: runs {@code campaign-admin} on a directory it may read but not write. Permissions
 * do not bind root, so as root (as in CI containers) the CLI runs in a child JVM as {@code nobody}
 * (through {@code setpriv}) on a root-owned directory; as any other user, in-process on a
 * directory made read-only.
 */
final class ReadOnly {

    private static final int NOBODY = 65534;

    private ReadOnly() {
    }

    static boolean root() {
        return new com.sun.security.auth.module.UnixSystem().getUid() == 0;
    }

    /** Makes {@code dir} readable but not writable by the user {@link #asAnotherUser} runs as. */
    static void makeReadOnlyForOthers(Path tmp, Path dir) throws IOException {
        boolean root = root();
        Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rwxr-xr-x"));
        List<Path> all;
        try (Stream<Path> walk = Files.walk(dir)) {
            all = walk.toList();
        }
        for (Path path : all) {
            boolean directory = Files.isDirectory(path);
            String mode = directory ? (root ? "rwxr-xr-x" : "r-xr-xr-x") : (root ? "rw-r--r--" : "r--r--r--");
            Files.setPosixFilePermissions(path, PosixFilePermissions.fromString(mode));
        }
    }

    /** Runs the CLI with {@code --data dir} as a user that cannot write {@code dir}. */
    static Run asAnotherUser(Path tmp, Path dir, String... args) throws Exception {
        List<String> cli = new ArrayList<>(List.of("--data", dir.toString()));
        cli.addAll(List.of(args));
        if (!root()) {
            return Run.of(cli.toArray(String[]::new));
        }
        Path classes = tmp.resolve("classpath");
        List<String> entries = new ArrayList<>();
        int n = 0;
        for (String entry : System.getProperty("java.class.path").split(java.io.File.pathSeparator)) {
            Path source = Path.of(entry);
            if (!Files.exists(source)) {
                continue;
            }
            Path target = classes.resolve(n++ + "-" + source.getFileName());
            copy(source, target);
            entries.add(target.toString());
        }
        try (Stream<Path> walk = Files.walk(classes)) {
            for (Path path : walk.toList()) {
                Files.setPosixFilePermissions(path, PosixFilePermissions.fromString(
                        Files.isDirectory(path) ? "rwxr-xr-x" : "rw-r--r--"));
            }
        }
        List<String> command = new ArrayList<>(List.of("setpriv", "--reuid=" + NOBODY, "--regid=" + NOBODY,
                "--clear-groups", Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", String.join(java.io.File.pathSeparator, entries), CampaignAdmin.class.getName()));
        command.addAll(cli);
        Path out = tmp.resolve("child.out");
        Path err = tmp.resolve("child.err");
        Process child = new ProcessBuilder(command).directory(tmp.toFile())
                .redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        child.getOutputStream().close();
        if (!child.waitFor(60, TimeUnit.SECONDS)) {
            child.destroyForcibly();
            throw new AssertionError("campaign-admin as nobody did not finish");
        }
        return new Run(child.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                Files.readString(err, StandardCharsets.UTF_8));
    }

    private static void copy(Path source, Path target) throws IOException {
        if (!Files.isDirectory(source)) {
            Files.createDirectories(target.getParent());
            Files.copy(source, target);
            return;
        }
        try (Stream<Path> walk = Files.walk(source)) {
            walk.forEach(path -> {
                try {
                    Path to = target.resolve(source.relativize(path).toString());
                    if (Files.isDirectory(path)) {
                        Files.createDirectories(to);
                    } else {
                        Files.copy(path, to);
                    }
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
    }
}
