package dev.campaignkeeper.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CampaignAdminTest {

    @TempDir
    Path dir;

    @Test
    void helpListsEveryCommandAndExitCodes() {
        Run run = Run.of("--help");

        assertThat(run.exitCode()).isZero();
        for (String command : List.of("inspect", "show", "verify", "backups", "restore", "prune", "checkpoint",
                "export", "import", "bench")) {
            assertThat(run.out()).contains(command);
        }
        assertThat(run.out()).contains("Exit codes:").contains("CAMPAIGN_DATA_DIR");
    }

    @Test
    void everySubcommandHasHelp() {
        for (String[] args : List.of(new String[] {"inspect", "--help"}, new String[] {"show", "guild", "--help"},
                new String[] {"show", "campaign", "--help"}, new String[] {"show", "user", "--help"},
                new String[] {"verify", "--help"}, new String[] {"backups", "--help"},
                new String[] {"restore", "--help"}, new String[] {"prune", "--help"},
                new String[] {"checkpoint", "--help"}, new String[] {"export", "--help"},
                new String[] {"import", "--help"}, new String[] {"bench", "--help"})) {
            Run run = Run.of(args);
            assertThat(run.exitCode()).as(String.join(" ", args)).isZero();
            assertThat(run.out()).as(String.join(" ", args)).startsWith("Usage: campaign-admin");
        }
    }

    @Test
    void versionNamesTheTool() {
        Run run = Run.of("--version");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).startsWith("campaign-admin ");
        assertThat(Run.of("restore", "--version").out()).startsWith("campaign-admin ");
        assertThat(Run.of("show", "guild", "-V").out()).startsWith("campaign-admin ");
    }

    @Test
    void usageErrorsExitWithTwo() {
        assertThat(Run.of().exitCode()).isEqualTo(2);
        assertThat(Run.of("frobnicate").exitCode()).isEqualTo(2);
        assertThat(Run.of("inspect", "--no-such-option").exitCode()).isEqualTo(2);
        assertThat(Run.of("restore").exitCode()).isEqualTo(2);
        assertThat(Run.of("restore", "--latest", "some-id").exitCode()).isEqualTo(2);
        assertThat(Run.of("show", "guild", "not-a-snowflake").exitCode()).isEqualTo(2);
        assertThat(Run.of("export").exitCode()).isEqualTo(2);
        assertThat(Run.of("bench", "--guilds", "zero").exitCode()).isEqualTo(2);
    }

    @Test
    void usageErrorIsOneLineWithAHelpHint() {
        Run run = Run.of("restore", "--bogus");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err().strip()).doesNotContain("\n").contains("--bogus")
                .contains("campaign-admin restore --help");
        assertThat(run.out()).isEmpty();
    }

    @Test
    void missingDataDirectoryIsOneLineAndExitThree() {
        Path missing = dir.resolve("nowhere");

        Run run = Run.of("--data", missing.toString(), "inspect");

        assertThat(run.exitCode()).isEqualTo(3);
        assertThat(run.err().strip()).doesNotContain("\n").contains(missing.toString()).contains("does not exist");
        assertThat(run.out()).isEmpty();
    }

    @Test
    void dataDirectoryComesFromEnvironmentWhenNotGiven() {
        Path fromEnv = dir.resolve("from-env");

        Run run = Run.run(Map.of(CampaignAdmin.DATA_DIR_VARIABLE, fromEnv.toString()), "", "verify");

        assertThat(run.exitCode()).isEqualTo(3);
        assertThat(run.err()).contains(fromEnv.toString());
    }

    @Test
    void anEmptyDataOptionIsAUsageErrorNotTheCurrentDirectory() {
        Run equals = Run.of("--data=", "verify");
        Run separate = Run.of("--data", "", "inspect");

        assertThat(equals.exitCode()).isEqualTo(2);
        assertThat(equals.err().strip()).isEqualTo("campaign-admin: --data needs a directory; it was given an empty value");
        assertThat(separate.exitCode()).isEqualTo(2);
        assertThat(equals.out()).isEmpty();
    }

    @Test
    void anUnknownCommandIsNamedWithAPointerToHelp() {
        Run run = Run.of("frob");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err().strip()).isEqualTo("campaign-admin: unknown command 'frob'; see --help");
        assertThat(Run.of("show", "frob").err().strip())
                .isEqualTo("campaign-admin: unknown command 'frob'; see `campaign-admin show --help`");
    }

    @Test
    void dataOptionIsAcceptedAfterTheCommand() {
        Path data = NativeDirs.healthy(dir.resolve("native"));

        Run after = Run.of("inspect", "--data", data.toString(), "--json");
        Run afterShow = Run.of("show", "guild", NativeDirs.GUILD.value(), "--data", data.toString());

        assertThat(after.exitCode()).as(after.err()).isZero();
        assertThat(after.json().get("data_dir").getAsString()).isEqualTo(data.toAbsolutePath().toString());
        assertThat(afterShow.exitCode()).as(afterShow.err()).isZero();
    }

    @Test
    void jsonFailurePrintsAnErrorDocumentOnStdout() {
        Path missing = dir.resolve("nowhere");

        Run failed = Run.of("--data", missing.toString(), "inspect", "--json");
        Run usage = Run.of("inspect", "--json", "--bogus");

        assertThat(failed.exitCode()).isEqualTo(3);
        assertThat(failed.json().get("exit").getAsInt()).isEqualTo(3);
        assertThat(failed.json().get("error").getAsString()).contains(missing.toString()).contains("does not exist");
        assertThat(failed.err()).contains("does not exist");
        assertThat(usage.exitCode()).isEqualTo(2);
        assertThat(usage.json().get("exit").getAsInt()).isEqualTo(2);
        assertThat(usage.json().get("error").getAsString()).contains("--bogus");
    }

    @Test
    void writingAsAnotherUserThanTheDirectoryOwnerIsRefusedWithTheSudoToUse() throws Exception {
        Path data = NativeDirs.healthy(dir.resolve("native"));
        java.nio.file.attribute.UserPrincipal current = java.nio.file.Files.getOwner(data);
        java.nio.file.attribute.UserPrincipal other = data.getFileSystem().getUserPrincipalLookupService()
                .lookupPrincipalByName(current.getName().equals("nobody") ? "root" : "nobody");
        java.nio.file.Files.setOwner(data, other);
        long journalBefore = Run.of("--data", data.toString(), "inspect", "--json").json()
                .get("journal_entries").getAsLong();

        Run checkpoint = Run.of("--data", data.toString(), "checkpoint");
        Run prune = Run.of("--data", data.toString(), "prune");
        Run restore = Run.of("--data", data.toString(), "restore", "--latest", "--yes");

        assertThat(checkpoint.exitCode()).isEqualTo(3);
        assertThat(checkpoint.err().strip()).doesNotContain("\n").contains("belongs to user " + other.getName())
                .contains("sudo -u " + other.getName() + " campaign-admin --data " + data + " checkpoint");
        assertThat(prune.exitCode()).isEqualTo(3);
        assertThat(restore.exitCode()).isEqualTo(3);
        assertThat(Run.of("--data", data.toString(), "inspect", "--json").json().get("journal_entries").getAsLong())
                .isEqualTo(journalBefore);
        assertThat(Run.of("--data", data.toString(), "restore", "--latest", "--dry-run").exitCode()).isZero();
    }

    @Test
    void defaultDataDirectoryIsDotSlashData() {
        CampaignAdmin admin = new CampaignAdmin(Map.of(), java.io.InputStream.nullInputStream(), false);

        assertThat(admin.dataDir()).isEqualTo(Path.of("data"));
    }
}
