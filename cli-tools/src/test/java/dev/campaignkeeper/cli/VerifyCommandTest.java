package dev.campaignkeeper.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VerifyCommandTest {

    @TempDir
    Path tmp;

    @Test
    void healthyDirectoryExitsZero() {
        Path dir = NativeDirs.healthy(tmp.resolve("native"));

        Run run = Run.of("--data", dir.toString(), "verify");

        assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
        assertThat(run.out()).startsWith("OK:");
    }

    @Test
    void seedDataWithACharacterOfANonPlayerIsReportedWithItsPlace() {
        Path dir = SeedDirs.seedWritten(tmp.resolve("seed"));

        Run run = Run.of("--data", dir.toString(), "verify");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.out()).contains("characters.json").contains("user " + SeedDirs.STRANGER)
                .contains("not a player");
    }

    @Test
    void tornMainFileIsReported() {
        Path dir = SeedDirs.torn(tmp.resolve("torn"));

        Run run = Run.of("--data", dir.toString(), "verify", "--json");

        assertThat(run.exitCode()).as("a seed backup is valid, so the state is loadable").isEqualTo(1);
        JsonObject json = run.json();
        assertThat(json.get("loadable").getAsBoolean()).isTrue();
        assertThat(json.get("healthy").getAsBoolean()).isFalse();
        assertThat(json.getAsJsonArray("problems").toString()).contains("campaigns.json");
        assertThat(dir.resolve("campaigns.json")).exists(); // read-only: nothing moved aside
    }

    @Test
    void damagedBackupIsReported() throws IOException {
        Path dir = NativeDirs.healthy(tmp.resolve("native"));
        Path backupFile;
        try (Stream<Path> files = Files.walk(dir.resolve("backups"))) {
            backupFile = files.filter(Files::isRegularFile).filter(f -> f.toString().endsWith(".gz"))
                    .findFirst().orElseThrow();
        }
        byte[] bytes = Files.readAllBytes(backupFile);
        bytes[bytes.length / 2] ^= 0x55;
        Files.write(backupFile, bytes);

        Run run = Run.of("--data", dir.toString(), "verify");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.out()).contains("backups");
    }

    @Test
    void duplicatePlayersAndGmAsPlayerAreReported() {
        Path dir = SeedDirs.seedWritten(tmp.resolve("dup"));
        SeedDirs.write(dir.resolve("campaigns.json"), SeedDirs.CAMPAIGNS.replace(
                "\"players\": [\"555555555555555555\"]",
                "\"players\": [\"555555555555555555\", \"555555555555555555\", \"444444444444444444\"]"));

        Run run = Run.of("--data", dir.toString(), "verify", "--json");

        assertThat(run.exitCode()).isEqualTo(1);
        String problems = run.json().getAsJsonArray("problems").toString();
        assertThat(problems).contains("player 555555555555555555 is listed more than once");
        assertThat(problems).contains("GM 444444444444444444 is also listed as a player");
    }

    @Test
    void jsonShapeListsProblemsWithFileAndPlace() {
        Path dir = SeedDirs.seedWritten(tmp.resolve("seed"));

        JsonObject json = Run.of("--data", dir.toString(), "verify", "--json").json();

        assertThat(json.keySet()).contains("data_dir", "healthy", "problems");
        assertThat(json.getAsJsonArray("problems")).allSatisfy(problem ->
                assertThat(problem.getAsJsonObject().keySet()).contains("file", "where", "message"));
    }

    @Test
    void aDirectoryWithoutTheStoresFilesIsNoDataHere() throws IOException {
        Path parent = tmp.resolve("parent");
        NativeDirs.healthy(parent.resolve("data"));
        Files.writeString(parent.resolve("notes.txt"), "not data");

        Run run = Run.of("--data", parent.toString(), "verify");
        Run json = Run.of("--data", parent.toString(), "verify", "--json");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err().strip()).startsWith("campaign-admin: no data here: " + parent.toAbsolutePath())
                .doesNotContain("\n");
        assertThat(run.out()).isEmpty();
        assertThat(json.json().get("error").getAsString()).startsWith("no data here");
        assertThat(json.json().get("exit").getAsInt()).isEqualTo(1);
    }

    @Test
    void allowEmptyAcceptsADirectoryWithoutData() {
        Path empty = tmp.resolve("empty");
        NativeDirs.healthy(tmp.resolve("data"));
        empty.toFile().mkdirs();

        Run run = Run.of("--data", empty.toString(), "verify", "--allow-empty");

        assertThat(run.exitCode()).as(run.err()).isZero();
    }

    @Test
    void verifyNeverTakesTheLock() {
        Path dir = NativeDirs.healthy(tmp.resolve("native"));
        try (var store = NativeDirs.hold(dir)) {
            Run run = Run.of("--data", dir.toString(), "verify");

            assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
        }
    }

    @Test
    void dataDirectoryWithASpaceInItsPathIsReportedWhole() throws IOException {
        Path dir = SeedDirs.torn(tmp.resolve("my data"));
        for (String file : new String[] {"campaigns.json", "characters.json", "npcs.json"}) {
            Files.delete(dir.resolve("backups").resolve(file + "." + SeedDirs.BACKUP_STAMP));
        }

        Run run = Run.of("--data", dir.toString(), "verify", "--json");

        assertThat(run.exitCode()).isEqualTo(4);
        JsonArray problems = run.json().getAsJsonArray("problems");
        assertThat(problems).map(JsonElement::getAsJsonObject)
                .anySatisfy(problem -> {
                    assertThat(problem.get("file").getAsString()).isEqualTo(dir.toString());
                    assertThat(problem.get("where").getAsString()).isEmpty();
                    assertThat(problem.get("message").getAsString()).contains("No valid state can be recovered");
                })
                .noneSatisfy(problem -> assertThat(problem.get("file").getAsString()).endsWith("/my"));
        Run table = Run.of("--data", dir.toString(), "verify");
        assertThat(table.out()).contains(dir.toString());
    }

    @Test
    void verifyOfATornDirectoryReportsProblemsButLoadable() {
        Path torn = SeedDirs.torn(tmp.resolve("torn"));

        Run run = Run.of("--data", torn.toString(), "verify", "--json");

        assertThat(run.exitCode()).as(run.err()).isEqualTo(1);
        assertThat(run.json().get("loadable").getAsBoolean()).isTrue();
        assertThat(run.json().getAsJsonArray("problems")).isNotEmpty();
    }
}
