package dev.campaignkeeper.bot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.util.Modules;
import dev.campaignkeeper.bot.command.CommandHandlers;
import dev.campaignkeeper.bot.command.UserDisplay;
import dev.campaignkeeper.bot.javacord.DiscordApiBuilderCustomizer;
import dev.campaignkeeper.bot.javacord.JavacordChatPlatform;
import dev.campaignkeeper.bot.javacord.JavacordConfig;
import dev.campaignkeeper.core.error.DataDirectoryLockedException;
import dev.campaignkeeper.core.model.UserId;
import dev.campaignkeeper.core.port.CampaignStore;
import dev.campaignkeeper.core.port.ChatPlatform;
import dev.campaignkeeper.persistence.json.JsonCampaignStore;
import dev.campaignkeeper.persistence.json.JsonStoreConfig;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BotRunnerTest {

    @TempDir
    Path dataDir;

    private final JavacordConfig discord = JavacordConfig.of("test-token", Optional.empty());

    @Test
    void theProductionWiringUsesTheJsonStoreJavacordAndMentionsWithANoOpCustomizer() {
        Injector injector = Guice.createInjector(
                BotRunner.productionModules(JsonStoreConfig.defaults(dataDir), discord));
        CampaignStore store = injector.getInstance(CampaignStore.class);
        try {
            assertThat(store).isInstanceOf(JsonCampaignStore.class);
            assertThat(injector.getInstance(ChatPlatform.class)).isInstanceOf(JavacordChatPlatform.class);
            assertThat(injector.getInstance(UserDisplay.class).show(UserId.of(42))).isEqualTo("<@42>");
            assertThat(injector.getInstance(CommandHandlers.class))
                    .isSameAs(injector.getInstance(CommandHandlers.class));
            assertThat(injector.getInstance(DiscordApiBuilderCustomizer.class)).isNotNull();
            assertThat(injector.getInstance(BotRunner.class)).isNotNull();
        } finally {
            store.close();
        }
    }

    @Test
    void startFailsFastOnALockedDataDirectoryBeforeTouchingDiscord() {
        AtomicInteger customized = new AtomicInteger();
        DiscordApiBuilderCustomizer counting = builder -> customized.incrementAndGet();
        try (JsonCampaignStore holder = JsonCampaignStore.open(JsonStoreConfig.defaults(dataDir))) {
            BotRunner runner = Guice.createInjector(Modules.override(
                            BotRunner.productionModules(JsonStoreConfig.defaults(dataDir), discord))
                    .with(binder -> binder.bind(DiscordApiBuilderCustomizer.class).toInstance(counting)))
                    .getInstance(BotRunner.class);

            assertThatThrownBy(runner::start)
                    .isInstanceOf(DataDirectoryLockedException.class)
                    .hasMessageContaining("in use");
            assertThat(customized).hasValue(0);
            assertThat(holder.guilds()).isEmpty();
        }
    }
}
