package dev.campaignkeeper.bot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class BotOptionsTest {

    @Test
    void theConsoleTakesASeedForRepeatableRolls() {
        assertThat(BotOptions.parse(new String[] {"--console", "--seed", "42"}, Map.of()).seed()).contains(42L);
        assertThat(BotOptions.parse(new String[] {"--seed=-7", "--console"}, Map.of()).seed()).contains(-7L);
        assertThat(BotOptions.parse(new String[] {"--console"}, Map.of()).seed()).isEqualTo(Optional.empty());
    }

    @Test
    void aSeedIsRefusedForTheDiscordBotAndMustBeANumber() {
        assertThatThrownBy(() -> BotOptions.parse(new String[] {"--seed", "42"}, Map.of()))
                .isInstanceOf(BotOptions.UsageException.class).hasMessageContaining("only with --console");
        assertThatThrownBy(() -> BotOptions.parse(new String[] {"--console", "--seed", "lucky"}, Map.of()))
                .isInstanceOf(BotOptions.UsageException.class).hasMessageContaining("whole number");
        assertThatThrownBy(() -> BotOptions.parse(new String[] {"--console", "--seed"}, Map.of()))
                .isInstanceOf(BotOptions.UsageException.class).hasMessageContaining("--seed needs a number");
    }

    @Test
    void theUsageNamesTheSeed() {
        assertThat(BotOptions.USAGE).contains("[--console [--seed N]").contains("--seed N");
    }

    @Test
    void aDatabaseUrlComesFromTheOptionElseTheEnvironmentAndNeverShowsInToString() {
        BotOptions given = BotOptions.parse(new String[] {"--database-url", "postgresql://k:hunter2@h/d"},
                Map.of(BotOptions.DATABASE_URL_VARIABLE, "postgresql://other@h/d"));
        BotOptions fromEnvironment = BotOptions.parse(new String[0],
                Map.of(BotOptions.DATABASE_URL_VARIABLE, "postgresql://other@h/d"));

        assertThat(given.databaseUrl()).contains("postgresql://k:hunter2@h/d");
        assertThat(given.toString()).doesNotContain("hunter2").contains("databaseUrl=set");
        assertThat(fromEnvironment.databaseUrl()).contains("postgresql://other@h/d");
        assertThat(BotOptions.parse(new String[0], Map.of()).databaseUrl()).isEmpty();
        assertThatThrownBy(() -> BotOptions.parse(new String[] {"--database-url"}, Map.of()))
                .isInstanceOf(BotOptions.UsageException.class).hasMessageContaining("postgresql://");
    }

    @Test
    void postRetentionComesFromTheOptionElseTheEnvironmentElseTheStoresDefault() {
        assertThat(BotOptions.parse(new String[] {"--post-retention", "250"}, Map.of()).postRetention()).contains(250);
        assertThat(BotOptions.parse(new String[] {"--post-retention=7"},
                Map.of(BotOptions.POST_RETENTION_VARIABLE, "99")).postRetention()).contains(7);
        assertThat(BotOptions.parse(new String[0], Map.of(BotOptions.POST_RETENTION_VARIABLE, " 99 ")).postRetention())
                .contains(99);
        assertThat(BotOptions.parse(new String[0], Map.of()).postRetention()).isEmpty();
        assertThat(BotOptions.USAGE).contains("--post-retention N").contains(BotOptions.POST_RETENTION_VARIABLE);
    }

    @Test
    void postRetentionBelowOneOrNotANumberIsRefusedSayingWhatItNeeds() {
        for (String bad : new String[] {"0", "-3", "ten", "1.5", "", "1000001", "99999999999999"}) {
            assertThatThrownBy(() -> BotOptions.parse(new String[] {"--post-retention=" + bad}, Map.of()))
                    .as(bad).isInstanceOf(BotOptions.UsageException.class)
                    .hasMessageContaining("--post-retention needs a whole number of posts per campaign from 1 to");
        }
        assertThatThrownBy(() -> BotOptions.parse(new String[0], Map.of(BotOptions.POST_RETENTION_VARIABLE, "0")))
                .isInstanceOf(BotOptions.UsageException.class).hasMessageContaining(BotOptions.POST_RETENTION_VARIABLE);
        assertThatThrownBy(() -> BotOptions.parse(new String[] {"--post-retention"}, Map.of()))
                .isInstanceOf(BotOptions.UsageException.class).hasMessageContaining("a number of posts");
    }

    @Test
    void theMessageContentIntentIsOffUnlessTheFlagOrTheEnvironmentAsksForIt() {
        assertThat(BotOptions.parse(new String[0], Map.of()).messageContent()).isFalse();
        assertThat(BotOptions.parse(new String[] {"--message-content"}, Map.of()).messageContent()).isTrue();
        assertThat(BotOptions.parse(new String[0], Map.of(BotOptions.MESSAGE_CONTENT_VARIABLE, "true"))
                .messageContent()).isTrue();
        assertThat(BotOptions.parse(new String[0], Map.of(BotOptions.MESSAGE_CONTENT_VARIABLE, "false"))
                .messageContent()).isFalse();
        assertThatThrownBy(() -> BotOptions.parse(new String[0], Map.of(BotOptions.MESSAGE_CONTENT_VARIABLE, "maybe")))
                .isInstanceOf(BotOptions.UsageException.class).hasMessageContaining("true or false");
        assertThat(BotOptions.USAGE).contains("--message-content").contains("CAMPAIGN_MESSAGE_CONTENT");
    }
}
