package dev.campaignkeeper.bot.javacord;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import dev.campaignkeeper.bot.command.UserDisplay;
import dev.campaignkeeper.core.transcript.TranscriptStyle;
import dev.campaignkeeper.core.port.ChatPlatform;
import java.util.Objects;

/**
 * Guice wiring of the Discord adapter: the configuration, the {@link ChatPlatform} on Javacord,
 * mentions as reply format, the shards' {@link ShardStatus}, {@link BotMetrics} bound to a no-op
 * (the launcher overrides it with {@code --metrics-port}), and the {@link DiscordApiBuilderCustomizer}
 * seam bound to a no-op.
 *
 * <p>Tests that must point Javacord elsewhere replace only the customizer, in code:
 * {@code Modules.override(new JavacordModule(config), ...).with(b -> b.bind(DiscordApiBuilderCustomizer.class)
 * .toInstance(myCustomizer))}.
 */
public final class JavacordModule extends AbstractModule {

    private final JavacordConfig config;

    /**
     * Creates the module.
     *
     * @param config token, dev guild and timeouts
     */
    public JavacordModule(JavacordConfig config) {
        this.config = Objects.requireNonNull(config, "config");
    }

    @Override
    protected void configure() {
        bind(JavacordConfig.class).toInstance(config);
        bind(DiscordApiBuilderCustomizer.class).toInstance(DiscordApiBuilderCustomizer.none());
        bind(DiscordConnection.class).in(Singleton.class);
        bind(JavacordChatPlatform.class).in(Singleton.class);
        bind(ChatPlatform.class).to(JavacordChatPlatform.class);
        bind(UserDisplay.class).toInstance(UserDisplay.DISCORD_MENTION);
        bind(ShardStatus.class).in(Singleton.class);
        bind(BotMetrics.class).toInstance(BotMetrics.none());
        bind(ProxySupport.class).in(Singleton.class);
        bind(dev.campaignkeeper.bot.command.ProxyReadiness.class).to(ProxySupport.class);
        bind(JavacordBot.class);
    }

    @Provides
    @Singleton
    TranscriptStyle transcriptStyle(DiscordConnection connection) {
        return DiscordTranscriptStyle.of(connection);
    }
}
