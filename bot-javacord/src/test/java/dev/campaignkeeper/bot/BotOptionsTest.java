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
}
