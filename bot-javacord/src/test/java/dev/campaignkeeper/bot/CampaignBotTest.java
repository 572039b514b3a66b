package dev.campaignkeeper.bot;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class CampaignBotTest {

    private final ByteArrayOutputStream outBuffer = new ByteArrayOutputStream();
    private final ByteArrayOutputStream errBuffer = new ByteArrayOutputStream();
    private final List<String> launched = new ArrayList<>();
    private final List<BotOptions> options = new ArrayList<>();

    private final CampaignBot.Launcher recorder = new CampaignBot.Launcher() {
        @Override
        public int console(BotOptions given, InputStream in, PrintStream out) {
            launched.add("console");
            options.add(given);
            return 0;
        }

        @Override
        public int discord(BotOptions given, String token) {
            launched.add("discord:" + token);
            options.add(given);
            return 0;
        }
    };

    private int run(Map<String, String> env, String... args) {
        return new CampaignBot(env, new ByteArrayInputStream(new byte[0]),
                new PrintStream(outBuffer, true, StandardCharsets.UTF_8),
                new PrintStream(errBuffer, true, StandardCharsets.UTF_8), recorder).run(args);
    }

    private String out() {
        return outBuffer.toString(StandardCharsets.UTF_8);
    }

    private String err() {
        return errBuffer.toString(StandardCharsets.UTF_8);
    }

    @Test
    void withoutATokenOrConsoleItExplainsHowToGetATokenAndExitsNonZero() {
        int code = run(Map.of());

        assertThat(code).isEqualTo(CampaignBot.EXIT_USAGE);
        assertThat(launched).isEmpty();
        assertThat(err())
                .contains("DISCORD_TOKEN")
                .contains("developer portal")
                .contains("\"bot\" and \"applications.commands\"")
                .contains("--console");
    }

    @Test
    void theNoTokenHelpListsEveryPermissionTheUserGuideRequires() throws java.io.IOException {
        String guide = java.nio.file.Files.readString(Path.of("..", "docs", "user-guide.md"));
        List<String> permissions = new ArrayList<>();
        java.util.regex.Matcher row = java.util.regex.Pattern.compile("(?m)^\\| ([A-Z][A-Za-z ]+) \\| `1 << \\d+`")
                .matcher(guide);
        while (row.find()) {
            permissions.add(row.group(1));
        }

        run(Map.of());

        assertThat(permissions).contains("View Channels", "Manage Roles", "Manage Webhooks");
        for (String permission : permissions) {
            assertThat(err()).as(permission).contains("\"" + permission + "\"");
        }
        assertThat(err()).contains("2952793088");
    }

    @Test
    void versionPrintsTheBotsVersionAndStartsNothing() {
        int code = run(Map.of(), "--version");

        assertThat(code).isZero();
        assertThat(out()).startsWith("campaign-bot ").contains("Java ");
        assertThat(launched).isEmpty();
    }

    @Test
    void exportsOptionNamesTheConsolesExportDirectory() {
        run(Map.of(), "--console", "--exports", "/tmp/somewhere");

        assertThat(options.get(0).exports()).contains(Path.of("/tmp/somewhere"));
        assertThat(run(Map.of(), "--console", "--exports=")).isEqualTo(CampaignBot.EXIT_USAGE);
    }

    @Test
    void aBlankTokenCountsAsNoToken() {
        assertThat(run(Map.of("DISCORD_TOKEN", "   "))).isEqualTo(CampaignBot.EXIT_USAGE);
        assertThat(launched).isEmpty();
    }

    @Test
    void withATokenItStartsTheBotWithTheTokenFromTheEnvironmentOnly() {
        int code = run(Map.of("DISCORD_TOKEN", "secret-token"), "--dev-guild", "123456789012345678");

        assertThat(code).isZero();
        assertThat(launched).containsExactly("discord:secret-token");
        assertThat(options.get(0).devGuild()).contains(123456789012345678L);
        assertThat(out() + err()).doesNotContain("secret-token");
    }

    @Test
    void consoleNeedsNoToken() {
        int code = run(Map.of(), "--console", "--data", "/tmp/somewhere");

        assertThat(code).isZero();
        assertThat(launched).containsExactly("console");
        assertThat(options.get(0).dataDir()).isEqualTo(Path.of("/tmp/somewhere"));
    }

    @Test
    void theDataDirectoryComesFromTheOptionThenTheEnvironmentThenDefaultsToData() {
        run(Map.of("CAMPAIGN_DATA_DIR", "/srv/campaigns"), "--console");
        run(Map.of("CAMPAIGN_DATA_DIR", "/srv/campaigns"), "--console", "--data=/elsewhere");
        run(Map.of(), "--console");

        assertThat(options).extracting(BotOptions::dataDir)
                .containsExactly(Path.of("/srv/campaigns"), Path.of("/elsewhere"), Path.of("data"));
        assertThat(options.get(2).devGuild()).isEqualTo(Optional.empty());
    }

    @Test
    void helpPrintsTheUsageAndExitsZero() {
        int code = run(Map.of(), "--help");

        assertThat(code).isZero();
        assertThat(out()).contains("Usage: campaign-bot").contains("--dev-guild ID").contains("--console");
        assertThat(launched).isEmpty();
    }

    @Test
    void badOptionsPrintTheUsageAndExitNonZero() {
        assertThat(run(Map.of(), "--frobnicate")).isEqualTo(CampaignBot.EXIT_USAGE);
        assertThat(run(Map.of(), "--dev-guild", "my-server")).isEqualTo(CampaignBot.EXIT_USAGE);
        assertThat(run(Map.of(), "--data")).isEqualTo(CampaignBot.EXIT_USAGE);

        assertThat(err()).contains("Unknown option \"--frobnicate\"").contains("--dev-guild needs a server id")
                .contains("--data needs a directory").contains("Usage: campaign-bot");
        assertThat(launched).isEmpty();
    }

    @Test
    void theConfigurationNeverShowsTheToken() {
        assertThat(dev.campaignkeeper.bot.javacord.JavacordConfig.of("secret-token", Optional.empty()).toString())
                .doesNotContain("secret-token").contains("hidden");
    }
}
