package dev.campaignkeeper.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import dev.campaignkeeper.backup.s3.InProcessS3;
import dev.campaignkeeper.backup.s3.OffsiteBackups;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code backups --remote} and {@code restore --remote} against a real S3-compatible server. */
class RemoteBackupsTest {

    private static InProcessS3 server;

    @TempDir
    Path tmp;

    @BeforeAll
    static void startServer() throws Exception {
        server = InProcessS3.start("drill", "listing", "empty", "syncing");
    }

    @AfterAll
    static void stopServer() throws Exception {
        server.close();
    }

    private static Map<String, String> environment(String bucket) {
        return Map.of("CAMPAIGN_OFFSITE", "s3://" + bucket + "/keeper",
                "CAMPAIGN_S3_ENDPOINT", server.endpoint().toString(),
                "AWS_ACCESS_KEY_ID", InProcessS3.ACCESS_KEY,
                "AWS_SECRET_ACCESS_KEY", InProcessS3.SECRET_KEY);
    }

    private static void copyOffsite(Path dir, String bucket) {
        try (OffsiteBackups offsite = OffsiteBackups.open(server.config(bucket, "keeper"), InProcessS3.credentials())) {
            offsite.sync(dir);
        }
    }

    @Test
    void restoreDrillBringsTheNewestOffsiteBackupIntoALostDataDirectory() throws Exception {
        Path original = NativeDirs.healthy(tmp.resolve("original"));
        copyOffsite(original, "drill");
        Path replacement = Files.createDirectory(tmp.resolve("replacement"));

        Run restored = Run.run(environment("drill"), "", "--data", replacement.toString(),
                "restore", "--latest", "--remote", "--yes");

        assertThat(restored.exitCode()).as(restored.out() + restored.err()).isZero();
        assertThat(restored.err()).contains("fetched backup").contains("s3://drill/keeper");
        assertThat(restored.out()).contains("Restored backup");
        JsonObject campaign = Run.of("--data", replacement.toString(), "show", "campaign",
                NativeDirs.GUILD.value(), NativeDirs.CHANNEL.value(), "--json").json();
        assertThat(campaign.getAsJsonObject("campaign").get("name").getAsString()).isEqualTo("Dragons of Autumn");
    }

    @Test
    void backupsRemoteListsTheCopiesNewestFirst() throws Exception {
        Path dir = NativeDirs.healthy(tmp.resolve("data"));
        copyOffsite(dir, "listing");

        Run listed = Run.run(environment("listing"), "", "--data", dir.toString(), "backups", "--remote", "--json");

        assertThat(listed.exitCode()).as(listed.err()).isZero();
        JsonObject document = listed.json();
        assertThat(document.get("location").getAsString()).isEqualTo("s3://listing/keeper");
        assertThat(document.getAsJsonArray("backups")).isNotEmpty();
        assertThat(document.getAsJsonArray("backups").get(0).getAsJsonObject().get("complete").getAsBoolean()).isTrue();
        Run table = Run.run(environment("listing"), "", "--data", dir.toString(), "backups", "--remote");
        assertThat(table.out()).contains("complete").contains("backup-");
    }

    @Test
    void backupsRemoteSyncCopiesTheLocalSetsAndSaysSo() throws Exception {
        Path dir = NativeDirs.healthy(tmp.resolve("data"));

        Run synced = Run.run(environment("syncing"), "", "--data", dir.toString(), "backups", "--remote", "--sync");

        assertThat(synced.exitCode()).as(synced.err()).isZero();
        assertThat(synced.out()).containsPattern("Copied [1-9]\\d* backup set\\(s\\)").contains("s3://syncing/keeper");
        Run again = Run.run(environment("syncing"), "", "--data", dir.toString(), "backups", "--remote", "--sync", "--json");
        assertThat(again.json().getAsJsonArray("copied")).isEmpty();
        assertThat(again.json().getAsJsonArray("backups")).isNotEmpty();
        Run withoutRemote = Run.of("--data", dir.toString(), "backups", "--sync");
        assertThat(withoutRemote.exitCode()).isEqualTo(ExitCodes.USAGE);
    }

    @Test
    void remoteWithoutALocationIsAUsageErrorThatSaysWhatToGive() throws Exception {
        Path dir = NativeDirs.healthy(tmp.resolve("data"));

        Run run = Run.of("--data", dir.toString(), "backups", "--remote");

        assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.err()).contains("--offsite s3://BUCKET/PREFIX").contains("CAMPAIGN_OFFSITE");
    }

    @Test
    void restoreRemoteOfAnUnknownIdChangesNothing() throws Exception {
        Path dir = NativeDirs.healthy(tmp.resolve("data"));
        byte[] before = Files.readAllBytes(dir.resolve("campaigns.json"));

        Run run = Run.run(environment("empty"), "", "--data", dir.toString(),
                "restore", "backup-20000101000000000-1", "--remote", "--yes");

        assertThat(run.exitCode()).isNotZero();
        assertThat(run.err()).contains("no backup set 'backup-20000101000000000-1' in s3://empty/keeper");
        assertThat(Files.readAllBytes(dir.resolve("campaigns.json"))).isEqualTo(before);
    }
}
