package dev.campaignkeeper.bot;

import static org.assertj.core.api.Assertions.assertThat;

import dev.campaignkeeper.core.port.PostLog;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The bot's options reach the store configurations: {@code --post-retention} for both stores. */
class StoreOptionsTest {

    private static BotOptions parse(String... args) {
        return BotOptions.parse(args, Map.of());
    }

    @Test
    void postRetentionReachesTheJsonStoresConfiguration() {
        assertThat(ProductionLauncher.jsonConfig(parse("--data", "/tmp/campaigns", "--post-retention", "25"))
                .postRetentionPerCampaign()).isEqualTo(25);
        assertThat(ProductionLauncher.jsonConfig(parse("--data", "/tmp/campaigns")).postRetentionPerCampaign())
                .isEqualTo(PostLog.DEFAULT_RETENTION_PER_CAMPAIGN);
        assertThat(ProductionLauncher.jsonConfig(parse("--data", "/tmp/campaigns")).dataDir())
                .isEqualTo(Path.of("/tmp/campaigns"));
    }

    @Test
    void postRetentionReachesThePostgresStoresConfiguration() {
        String url = "postgresql://postgres@127.0.0.1:5432/test";
        assertThat(ProductionLauncher.databaseConfig(parse("--database-url", url, "--post-retention", "3"), Map.of())
                .postRetentionPerCampaign()).isEqualTo(3);
        assertThat(ProductionLauncher.databaseConfig(parse("--database-url", url), Map.of())
                .postRetentionPerCampaign()).isEqualTo(PostLog.DEFAULT_RETENTION_PER_CAMPAIGN);
    }
}
