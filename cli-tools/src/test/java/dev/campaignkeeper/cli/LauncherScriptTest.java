package dev.campaignkeeper.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code bin/campaign-admin}, the launcher: it passes arguments, output and exit status through, and
 * keeps a class-data-sharing archive beside the jar (made by the first run after a build, used by the
 * runs after it). The jar here is a small stand-in holding only {@link Probe}, so the test does not
 * depend on the real jar being packaged before the tests run.
 */
class LauncherScriptTest {

    @TempDir
    Path tree;

    private Path script;
    private Path jar;
    private Path archive;

    /** The stand-in jar's entry point: prints its arguments, exits with the first one's number. */
    public static final class Probe {
        private Probe() {
        }

        public static void main(String[] args) {
            System.out.println("args=" + String.join(",", args));
            if (args.length > 1 && args[1].equals("--print-gc")) {
                com.sun.management.HotSpotDiagnosticMXBean vm = java.lang.management.ManagementFactory
                        .getPlatformMXBean(com.sun.management.HotSpotDiagnosticMXBean.class);
                System.out.println("adaptive=" + vm.getVMOption("G1UseAdaptiveIHOP").getValue()
                        + " ihop=" + vm.getVMOption("InitiatingHeapOccupancyPercent").getValue()
                        + " tenuring=" + vm.getVMOption("MaxTenuringThreshold").getValue());
            }
            if (args.length > 1 && args[1].equals("--print-heap")) {
                com.sun.management.HotSpotDiagnosticMXBean vm = java.lang.management.ManagementFactory
                        .getPlatformMXBean(com.sun.management.HotSpotDiagnosticMXBean.class);
                List<String> heapArguments = new ArrayList<>();
                for (String argument : java.lang.management.ManagementFactory.getRuntimeMXBean().getInputArguments()) {
                    if (argument.startsWith("-Xm") || argument.contains("HeapSize")) {
                        heapArguments.add(argument);
                    }
                }
                System.out.println("heap arguments=" + String.join(" ", heapArguments)
                        + " initial=" + vm.getVMOption("InitialHeapSize").getValue()
                        + " max=" + vm.getVMOption("MaxHeapSize").getValue());
            }
            if (args.length > 1 && args[1].equals("--print-archive")) {
                List<String> archiveArguments = new ArrayList<>();
                for (String argument : java.lang.management.ManagementFactory.getRuntimeMXBean().getInputArguments()) {
                    if (argument.startsWith("-XX:SharedArchiveFile") || argument.startsWith("-XX:ArchiveClassesAtExit")) {
                        archiveArguments.add(argument.substring(4, argument.indexOf('=')));
                    }
                }
                System.out.println("archive arguments=" + String.join(" ", archiveArguments));
            }
            System.exit(Integer.parseInt(args[0]));
        }
    }

    @BeforeEach
    void layOutAnInstall() throws IOException {
        Path bin = Files.createDirectories(tree.resolve("bin"));
        script = bin.resolve("campaign-admin");
        Files.copy(repositoryRoot().resolve("bin/campaign-admin"), script);
        script.toFile().setExecutable(true);
        Files.copy(repositoryRoot().resolve("bin/jvm-options"), bin.resolve("jvm-options"));
        Path target = Files.createDirectories(tree.resolve("cli-tools/target"));
        jar = target.resolve("campaign-admin.jar");
        archive = target.resolve("campaign-admin.jsa");
        writeStandInJar();
    }

    @Test
    void firstRunWritesTheArchiveAndLaterRunsGiveTheSameOutputAndStatus() throws Exception {
        Result first = run(Map.of(), "7", "a b");
        assertThat(first.status()).isEqualTo(7);
        assertThat(first.out()).isEqualTo("args=7,a b\n");
        assertThat(archive).isNotEmptyFile();
        assertThat(Files.getLastModifiedTime(archive).compareTo(Files.getLastModifiedTime(jar))).isPositive();
        FileTime made = Files.getLastModifiedTime(archive);

        Result second = run(Map.of(), "0", "x");
        assertThat(second.status()).isZero();
        assertThat(second.out()).isEqualTo("args=0,x\n");
        assertThat(second.err()).isEmpty();
        assertThat(Files.getLastModifiedTime(archive)).isEqualTo(made);
        try (var files = Files.list(archive.getParent())) {
            assertThat(files.map(p -> p.getFileName().toString()))
                    .containsExactlyInAnyOrder("campaign-admin.jar", "campaign-admin.jsa");
        }
    }

    @Test
    void aJarBuiltAfterTheArchiveGetsANewArchive() throws Exception {
        run(Map.of(), "0");
        Files.setLastModifiedTime(archive, FileTime.fromMillis(System.currentTimeMillis() - 60_000));
        writeStandInJar();
        FileTime stale = Files.getLastModifiedTime(archive);

        Result rebuilt = run(Map.of(), "3");

        assertThat(rebuilt.status()).isEqualTo(3);
        assertThat(rebuilt.out()).isEqualTo("args=3\n");
        assertThat(Files.getLastModifiedTime(archive).compareTo(stale)).isPositive();
        assertThat(Files.getLastModifiedTime(archive).compareTo(Files.getLastModifiedTime(jar))).isPositive();
    }

    @Test
    void cdsOffWritesNoArchive() throws Exception {
        Result off = run(Map.of("CAMPAIGN_ADMIN_CDS", "off"), "0", "y");

        assertThat(off.status()).isZero();
        assertThat(off.out()).isEqualTo("args=0,y\n");
        assertThat(archive).doesNotExist();
    }

    @Test
    void flightRecorderOrAnAgentInAnyJvmOptionsVariableRunsWithoutTheArchive() throws Exception {
        Result making = run(Map.of(), "0", "--print-archive");
        FileTime made = Files.getLastModifiedTime(archive);
        Result mapping = run(Map.of(), "0", "--print-archive");
        Result recording = run(Map.of("JAVA_OPTS", "-Xmx64m -XX:StartFlightRecording"), "4", "--print-archive");

        assertThat(making.out()).endsWith("archive arguments=ArchiveClassesAtExit\n");
        assertThat(mapping.out()).endsWith("archive arguments=SharedArchiveFile\n");
        assertThat(recording.status()).isEqualTo(4);
        assertThat(recording.out()).endsWith("archive arguments=\n");
        assertThat(Files.getLastModifiedTime(archive)).isEqualTo(made);

        Result fromTheJdksVariable = run(Map.of("JDK_JAVA_OPTIONS", "-Xss2m\t-XX:StartFlightRecording"), "0",
                "--print-archive");
        assertThat(fromTheJdksVariable.out()).endsWith("archive arguments=\n");
        Result withAnAgent = run(Map.of("JAVA_TOOL_OPTIONS",
                "-agentlib:jdwp=transport=dt_socket,server=y,suspend=n,address=127.0.0.1:0"), "0", "--print-archive");
        assertThat(withAnAgent.out()).endsWith("archive arguments=\n");

        Files.delete(archive);
        Result first = run(Map.of("JAVA_OPTS", "-XX:+FlightRecorder"), "0", "--print-archive");
        assertThat(first.out()).endsWith("archive arguments=\n");
        assertThat(archive).doesNotExist();
    }

    @Test
    void theJvmStartsMarkingLateAndTenuresAtOnceAndJavaOptsOverridesIt() throws Exception {
        Result defaults = run(Map.of(), "0", "--print-gc");
        Result overridden = run(Map.of("JAVA_OPTS", "-XX:+G1UseAdaptiveIHOP -XX:InitiatingHeapOccupancyPercent=45"
                + " -XX:MaxTenuringThreshold=15"), "0", "--print-gc");
        Result withoutArchive = run(Map.of("CAMPAIGN_ADMIN_CDS", "off"), "0", "--print-gc");

        assertThat(defaults.out()).endsWith("adaptive=false ihop=85 tenuring=0\n");
        assertThat(withoutArchive.out()).endsWith("adaptive=false ihop=85 tenuring=0\n");
        assertThat(overridden.out()).endsWith("adaptive=true ihop=45 tenuring=15\n");
    }

    @Test
    void aMaximumHeapInJavaOptsIsAlsoTheInitialHeapOnEveryLaunchPath() throws Exception {
        Result making = run(Map.of("JAVA_OPTS", "-Xmx64m"), "0", "--print-heap");
        Result mapping = run(Map.of("JAVA_OPTS", "-Xmx64m"), "0", "--print-heap");
        Result withoutArchive = run(Map.of("JAVA_OPTS", "-Xmx64m", "CAMPAIGN_ADMIN_CDS", "off"), "0", "--print-heap");
        Result longForm = run(Map.of("JAVA_OPTS", "-Dx=1 -XX:MaxHeapSize=48m"), "0", "--print-heap");

        assertThat(making.out()).endsWith("heap arguments=-Xms64m -Xmx64m initial=67108864 max=67108864\n");
        assertThat(mapping.out()).isEqualTo(making.out());
        assertThat(withoutArchive.out()).isEqualTo(making.out());
        assertThat(longForm.out()).endsWith("heap arguments=-XX:InitialHeapSize=48m -XX:MaxHeapSize=48m"
                + " initial=50331648 max=50331648\n");
    }

    @Test
    void anInitialHeapInJavaOptsOrNoMaximumIsLeftToTheUserAndTheJvm() throws Exception {
        Result own = run(Map.of("JAVA_OPTS", "-Xmx64m -Xms16m"), "0", "--print-heap");
        Result ownLongForm = run(Map.of("JAVA_OPTS", "-XX:InitialHeapSize=16m -Xmx64m"), "0", "--print-heap");
        Result none = run(Map.of(), "0", "--print-heap");
        Result other = run(Map.of("JAVA_OPTS", "-Dcampaign.note=-Xmx64m"), "0", "--print-heap");

        assertThat(own.out()).endsWith("heap arguments=-Xmx64m -Xms16m initial=16777216 max=67108864\n");
        assertThat(ownLongForm.out()).contains("heap arguments=-XX:InitialHeapSize=16m -Xmx64m initial=16777216 ");
        assertThat(none.out()).contains("heap arguments= initial=");
        assertThat(other.out()).contains("heap arguments= initial=");
    }

    @Test
    void aMaximumBeyondTheMachinesMemoryIsNotMadeTheInitialHeapSoTheJvmStillStarts() throws Exception {
        long memory = ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
                .getOperatingSystemMXBean()).getTotalMemorySize();
        String beyond = (memory / (1L << 30) * 2 + 2) + "g";

        Result big = run(Map.of("JAVA_OPTS", "-Xmx" + beyond), "4", "--print-heap");

        assertThat(big.status()).as(big.err()).isEqualTo(4);
        assertThat(big.out()).contains("heap arguments=-Xmx" + beyond + " initial=");
        assertThat(big.err()).isEmpty();
    }

    @Test
    void theBotLauncherStartsMarkingLateAndStartsTheHeapAtItsMaximum() throws Exception {
        Path botScript = tree.resolve("bin/campaign-bot");
        Files.copy(repositoryRoot().resolve("bin/campaign-bot"), botScript);
        botScript.toFile().setExecutable(true);
        Path botJar = Files.createDirectories(tree.resolve("bot-javacord/target")).resolve("campaign-bot.jar");
        Files.copy(jar, botJar);

        Result gc = run(botScript, Map.of(), "0", "--print-gc");
        Result heap = run(botScript, Map.of("JAVA_OPTS", "-Xmx64m"), "5", "--print-heap");

        assertThat(gc.out()).endsWith("adaptive=false ihop=85 tenuring=0\n");
        assertThat(heap.status()).isEqualTo(5);
        assertThat(heap.out()).endsWith("heap arguments=-Xms64m -Xmx64m initial=67108864 max=67108864\n");
    }

    @Test
    void aMissingSharedOptionsFileSaysToInstallTheWholeBinDirectoryAndExitsThree() throws Exception {
        Files.delete(tree.resolve("bin/jvm-options"));

        Result missing = run(Map.of(), "0");

        assertThat(missing.status()).isEqualTo(3);
        assertThat(missing.err()).contains("bin/jvm-options not found; install the whole bin directory");
        assertThat(missing.out()).isEmpty();
    }

    @Test
    void aMissingJarSaysHowToBuildItAndExitsThree() throws Exception {
        Files.delete(jar);

        Result missing = run(Map.of(), "0");

        assertThat(missing.status()).isEqualTo(3);
        assertThat(missing.err()).contains("not found; build it first");
        assertThat(archive).doesNotExist();
    }

    private void writeStandInJar() throws IOException {
        Manifest manifest = new Manifest();
        Attributes main = manifest.getMainAttributes();
        main.put(Attributes.Name.MANIFEST_VERSION, "1.0");
        main.put(Attributes.Name.MAIN_CLASS, Probe.class.getName());
        String entry = Probe.class.getName().replace('.', '/') + ".class";
        try (OutputStream out = Files.newOutputStream(jar); JarOutputStream jarOut = new JarOutputStream(out, manifest)) {
            jarOut.putNextEntry(new JarEntry(entry));
            jarOut.write(Files.readAllBytes(testClasses().resolve(entry)));
            jarOut.closeEntry();
        }
    }

    private Result run(Map<String, String> env, String... args) throws Exception {
        return run(script, env, args);
    }

    private Result run(Path launcher, Map<String, String> env, String... args) throws Exception {
        List<String> command = new ArrayList<>();
        command.add(launcher.toString());
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().remove("JAVA_OPTS");
        builder.environment().remove("CAMPAIGN_ADMIN_CDS");
        builder.environment().remove("JDK_JAVA_OPTIONS");
        builder.environment().remove("JAVA_TOOL_OPTIONS");
        builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
        builder.environment().putAll(env);
        Path out = tree.resolve("out.txt");
        Path err = tree.resolve("err.txt");
        Process process = builder.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).as("launcher finished").isTrue();
        return new Result(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                Files.readString(err, StandardCharsets.UTF_8));
    }

    private static Path testClasses() {
        try {
            return Path.of(LauncherScriptTest.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (java.net.URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Path repositoryRoot() {
        Path dir = testClasses();
        while (dir != null && !Files.isRegularFile(dir.resolve("bin/campaign-admin"))) {
            dir = dir.getParent();
        }
        assertThat(dir).as("a bin/campaign-admin above " + testClasses()).isNotNull();
        return dir;
    }

    private record Result(int status, String out, String err) { }
}
