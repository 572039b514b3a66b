package dev.campaignkeeper.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.campaignkeeper.core.model.Campaign;
import dev.campaignkeeper.core.model.ChannelId;
import dev.campaignkeeper.core.model.GuildId;
import dev.campaignkeeper.core.model.RecordChange;
import dev.campaignkeeper.core.model.RoleId;
import dev.campaignkeeper.core.port.Update;
import dev.campaignkeeper.persistence.json.JsonCampaignStore;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExportImportTest {

    @TempDir
    Path tmp;

    @Test
    void exportedCampaignImportsIntoAnotherDirectoryUnchanged() {
        Path source = NativeDirs.healthy(tmp.resolve("source"));
        Path target = tmp.resolve("target");
        Path file = tmp.resolve("campaign.json");
        String g = NativeDirs.GUILD.value();
        String c = NativeDirs.CHANNEL.value();

        Run export = Run.of("--data", source.toString(), "export", "--guild", g, "--campaign", c, "--out",
                file.toString());
        assertThat(export.exitCode()).as(export.err()).isZero();
        assertThat(file).exists();

        Run imported = Run.of("--data", newDir(target), "import", file.toString());
        assertThat(imported.exitCode()).as(imported.err()).isZero();
        assertThat(imported.out()).contains("Imported 1 campaign");

        JsonObject before = Run.of("--data", source.toString(), "show", "campaign", g, c, "--json").json();
        JsonObject after = Run.of("--data", target.toString(), "show", "campaign", g, c, "--json").json();
        assertThat(after).isEqualTo(before);
    }

    @Test
    void guildExportListsEachCampaignAndImportsBack() throws IOException {
        Path source = SeedDirs.seedWritten(tmp.resolve("seed"));
        Run export = Run.of("--data", source.toString(), "export", "--guild", SeedDirs.GUILD);
        assertThat(export.exitCode()).as(export.err()).isZero();
        JsonObject document = JsonParser.parseString(export.out()).getAsJsonObject();
        assertThat(document.get("format").getAsString()).isEqualTo("campaign-keeper-guild-export");
        assertThat(document.get("guild_id").getAsString()).isEqualTo(SeedDirs.GUILD);
        assertThat(document.getAsJsonArray("campaigns")).hasSize(2);

        // the seed data holds a character of a non-player, which bot input would never create
        Path file = tmp.resolve("guild.json");
        Files.writeString(file, export.out(), StandardCharsets.UTF_8);
        Run refused = Run.of("--data", newDir(tmp.resolve("t1")), "import", file.toString());
        assertThat(refused.exitCode()).isEqualTo(1);
        assertThat(refused.err()).contains("user " + SeedDirs.STRANGER).contains("not a player");
    }

    @Test
    void guildExportRoundTripsThroughImport() throws IOException {
        Path source = NativeDirs.healthy(tmp.resolve("source"));
        Path file = tmp.resolve("guild.json");
        String g = NativeDirs.GUILD.value();

        Run export = Run.of("--data", source.toString(), "export", "--guild", g, "--out", file.toString());
        assertThat(export.exitCode()).as(export.err()).isZero();
        Run imported = Run.of("--data", newDir(tmp.resolve("target")), "import", file.toString(), "--json");

        assertThat(imported.exitCode()).as(imported.err()).isZero();
        assertThat(imported.json().getAsJsonArray("imported")).hasSize(1);
        assertThat(Run.of("--data", tmp.resolve("target").toString(), "show", "guild", g, "--json").json())
                .isEqualTo(Run.of("--data", source.toString(), "show", "guild", g, "--json").json());
    }

    @Test
    void conflictsAreRefusedUnlessReplace() {
        Path dir = NativeDirs.healthy(tmp.resolve("native"));
        Path file = tmp.resolve("campaign.json");
        String d = dir.toString();
        assertThat(Run.of("--data", d, "export", "--guild", NativeDirs.GUILD.value(), "--campaign",
                NativeDirs.CHANNEL.value(), "--out", file.toString()).exitCode()).isZero();

        Run conflict = Run.of("--data", d, "import", file.toString());
        assertThat(conflict.exitCode()).isEqualTo(1);
        assertThat(conflict.err().strip()).doesNotContain("\n").contains("--replace")
                .contains(NativeDirs.CHANNEL.value());

        Run replaced = Run.of("--data", d, "import", file.toString(), "--replace", "--json");
        assertThat(replaced.exitCode()).as(replaced.err()).isZero();
        assertThat(replaced.json().getAsJsonArray("imported")).hasSize(1);
    }

    @Test
    void aCutOffImportFileIsReportedWithoutJavaClassNames() throws IOException {
        Path file = tmp.resolve("cut.json");
        Files.writeString(file, "{\"format\":");

        Run run = Run.of("--data", newDir(tmp.resolve("fresh")), "import", file.toString());

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).contains("not valid JSON").contains("End of input").contains("nothing imported")
                .doesNotContain("Exception").doesNotContain("java.");
    }

    @Test
    void importValidatesLikeBotInput() throws IOException {
        Path dir = NativeDirs.healthy(tmp.resolve("native"));
        Path file = tmp.resolve("campaign.json");
        assertThat(Run.of("--data", dir.toString(), "export", "--guild", NativeDirs.GUILD.value(), "--campaign",
                NativeDirs.CHANNEL.value(), "--out", file.toString()).exitCode()).isZero();
        Files.writeString(file, Files.readString(file).replace("Innkeeper", "Discord Bot"));

        Run run = Run.of("--data", newDir(tmp.resolve("fresh")), "import", file.toString());

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).contains("NPC").contains("discord").contains("nothing imported")
                .doesNotContain(".;").doesNotContain("Exception");
    }

    @Test
    void replaceKeepsWhatItOverwritesInASafetyBackup() throws IOException {
        Path dir = NativeDirs.healthy(tmp.resolve("native"));
        String d = dir.toString();
        String g = NativeDirs.GUILD.value();
        String c = NativeDirs.CHANNEL.value();
        Path file = tmp.resolve("campaign.json");
        assertThat(Run.of("--data", d, "export", "--guild", g, "--campaign", c, "--out", file.toString())
                .exitCode()).isZero();
        JsonObject before = Run.of("--data", d, "show", "campaign", g, c, "--json").json();
        Files.writeString(file, Files.readString(file).replace("Innkeeper", "Wrong Innkeeper"));

        Run replaced = Run.of("--data", d, "import", file.toString(), "--replace", "--json");

        assertThat(replaced.exitCode()).as(replaced.err()).isZero();
        String safety = replaced.json().get("safety_backup").getAsString();
        assertThat(Run.of("--data", d, "show", "campaign", g, c, "--json").out()).contains("Wrong Innkeeper");
        Run restored = Run.of("--data", d, "restore", safety, "--yes");
        assertThat(restored.exitCode()).as(restored.err()).isZero();
        assertThat(Run.of("--data", d, "show", "campaign", g, c, "--json").json()).isEqualTo(before);
    }

    @Test
    void importIntoFreeChannelsTakesNoSafetyBackup() {
        Path source = NativeDirs.healthy(tmp.resolve("source"));
        Path file = tmp.resolve("campaign.json");
        assertThat(Run.of("--data", source.toString(), "export", "--guild", NativeDirs.GUILD.value(), "--campaign",
                NativeDirs.CHANNEL.value(), "--out", file.toString()).exitCode()).isZero();

        Run imported = Run.of("--data", newDir(tmp.resolve("fresh")), "import", file.toString(), "--replace",
                "--json");

        assertThat(imported.exitCode()).as(imported.err()).isZero();
        assertThat(imported.json().get("safety_backup").isJsonNull()).isTrue();
    }

    @Test
    void exportIntoTheDataDirectoryIsRefusedAndTouchesNothing() throws IOException {
        Path dir = NativeDirs.healthy(tmp.resolve("native"));
        byte[] campaigns = Files.readAllBytes(dir.resolve("campaigns.json"));

        Run run = Run.of("--data", dir.toString(), "export", "--guild", NativeDirs.GUILD.value(), "--out",
                dir.resolve("backups").resolve("..").resolve("campaigns.json").toString());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err().strip()).doesNotContain("\n").contains("inside the data directory");
        assertThat(Files.readAllBytes(dir.resolve("campaigns.json"))).isEqualTo(campaigns);
    }

    @Test
    void garbageFileIsOneLineExitOne() throws IOException {
        Path file = tmp.resolve("garbage.json");
        Files.writeString(file, "{ not json");

        Run run = Run.of("--data", newDir(tmp.resolve("fresh")), "import", file.toString());

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err().strip()).doesNotContain("\n").contains(file.toString());
    }

    @Test
    void guildExportWithANonNumericVersionIsOneClearLine() throws IOException {
        Path file = tmp.resolve("guild.json");
        Files.writeString(file, "{\"format\": \"campaign-keeper-guild-export\", \"format_version\": \"one\","
                + " \"campaigns\": []}");

        Run run = Run.of("--data", newDir(tmp.resolve("fresh")), "import", file.toString());

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err().strip()).doesNotContain("\n").contains(file.toString())
                .contains("format_version \"one\" is not supported");
    }

    @Test
    void importFileThatCannotBeReadIsAUsageErrorNamingIt() throws IOException {
        Path notAFile = Files.createDirectories(tmp.resolve("export.json"));

        Run run = Run.of("--data", newDir(tmp.resolve("fresh")), "import", notAFile.toString());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err().strip()).doesNotContain("\n").contains("cannot read import file " + notAFile);
    }

    @Test
    void importIsRefusedWhileLocked() {
        Path dir = NativeDirs.healthy(tmp.resolve("native"));
        Path file = tmp.resolve("campaign.json");
        assertThat(Run.of("--data", dir.toString(), "export", "--guild", NativeDirs.GUILD.value(), "--campaign",
                NativeDirs.CHANNEL.value(), "--out", file.toString()).exitCode()).isZero();
        try (var store = NativeDirs.hold(dir)) {
            Run run = Run.of("--data", dir.toString(), "import", file.toString(), "--replace");

            assertThat(run.exitCode()).isEqualTo(3);
        }
    }

    /** A checkpointed directory holding one campaign of another guild than NativeDirs'. */
    private static Path otherGuildDir(Path dir) {
        GuildId other = GuildId.of("900000000000000100");
        try (JsonCampaignStore store = JsonCampaignStore.open(NativeDirs.config(dir).withCheckpointOnClose(false))) {
            store.update(other, state -> Update.of(null, new RecordChange.PutCampaign(new Campaign(other,
                    ChannelId.of("900000000000000101"), "Other quest", NativeDirs.GM, RoleId.of("900000000000000102"),
                    RoleId.of("900000000000000103"), Optional.empty(), List.of()))));
            store.checkpoint();
        }
        return dir;
    }

    private static List<String> files(Path dir) throws IOException {
        try (Stream<Path> paths = Files.walk(dir)) {
            return paths.map(p -> dir.relativize(p).toString()).sorted().toList();
        }
    }

    @Test
    void importIntoAHealthyDirectoryAppendsToTheJournalWithoutACheckpoint() throws IOException {
        Path source = NativeDirs.healthy(tmp.resolve("source"));
        Path target = otherGuildDir(tmp.resolve("target"));
        Path file = tmp.resolve("guild.json");
        String g = NativeDirs.GUILD.value();
        assertThat(Run.of("--data", source.toString(), "export", "--guild", g, "--out", file.toString())
                .exitCode()).isZero();
        byte[] manifest = Files.readAllBytes(target.resolve("manifest.json"));
        byte[] campaigns = Files.readAllBytes(target.resolve("campaigns.json"));
        List<String> backups = files(target.resolve("backups"));

        Run imported = Run.of("--data", target.toString(), "import", file.toString());

        assertThat(imported.exitCode()).as(imported.err()).isZero();
        assertThat(imported.out()).startsWith("Imported 1 campaign from " + file + ":");
        // only the file's guild was opened: no checkpoint, the change is in the journal
        assertThat(target.resolve("manifest.json")).hasBinaryContent(manifest);
        assertThat(target.resolve("campaigns.json")).hasBinaryContent(campaigns);
        assertThat(files(target.resolve("backups"))).isEqualTo(backups);
        assertThat(Run.of("--data", target.toString(), "show", "guild", g, "--json").json())
                .isEqualTo(Run.of("--data", source.toString(), "show", "guild", g, "--json").json());
        assertThat(Run.of("--data", target.toString(), "show", "guild", "900000000000000100").out())
                .contains("Other quest");
        Run verify = Run.of("--data", target.toString(), "verify");
        assertThat(verify.exitCode()).as(verify.out() + verify.err()).isZero();
        try (JsonCampaignStore store = JsonCampaignStore.open(NativeDirs.config(target))) {
            assertThat(store.guilds()).hasSize(2);
            assertThat(store.recoveryReport().events()).isEmpty();
        }
    }

    @Test
    void importIntoADirectoryNeedingRepairOpensItWhole() throws IOException {
        Path source = NativeDirs.healthy(tmp.resolve("source"));
        Path target = otherGuildDir(tmp.resolve("target"));
        Path file = tmp.resolve("guild.json");
        String g = NativeDirs.GUILD.value();
        assertThat(Run.of("--data", source.toString(), "export", "--guild", g, "--out", file.toString())
                .exitCode()).isZero();
        Path orphan = target.resolve(".campaigns.json.tmp"); // left by a checkpoint a crash interrupted
        Files.writeString(orphan, "{\"half\":");
        byte[] manifest = Files.readAllBytes(target.resolve("manifest.json"));

        Run imported = Run.of("--data", target.toString(), "import", file.toString());

        assertThat(imported.exitCode()).as(imported.err()).isZero();
        assertThat(orphan).doesNotExist();
        assertThat(Files.readAllBytes(target.resolve("manifest.json"))).as("checkpointed on close").isNotEqualTo(manifest);
        assertThat(Run.of("--data", target.toString(), "show", "guild", g, "--json").json())
                .isEqualTo(Run.of("--data", source.toString(), "show", "guild", g, "--json").json());
    }

    private static String newDir(Path dir) {
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return dir.toString();
    }
}
