package dev.campaignkeeper.bot;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import dev.campaignkeeper.core.memory.InMemoryPostLog;
import dev.campaignkeeper.core.port.CampaignStore;
import dev.campaignkeeper.core.port.ChatPlatform;
import dev.campaignkeeper.core.port.PostLog;
import dev.campaignkeeper.core.rules.Limits;
import dev.campaignkeeper.core.usecase.CampaignKeeper;
import java.time.Clock;

/**
 * Provides the core use cases ({@link CampaignKeeper}) from whatever store and chat platform the
 * other modules bind, with the default {@link Limits}, the UTC system clock and, until the JSON
 * store provides a durable one, the post log in memory ({@link InMemoryPostLog}, the default
 * retention per campaign). A module that binds a durable {@link PostLog} replaces this binding
 * with {@code Modules.override(new CoreModule()).with(...)}.
 */
public final class CoreModule extends AbstractModule {

    @Override
    protected void configure() {
        bind(Limits.class).toInstance(Limits.defaults());
        bind(Clock.class).toInstance(Clock.systemUTC());
        bind(PostLog.class).toInstance(new InMemoryPostLog());
    }

    /**
     * The use cases.
     *
     * @param store the store
     * @param platform the chat platform
     * @param postLog the log of posts made as characters and NPCs
     * @param limits the limits
     * @param clock the clock
     * @return the use cases, one instance per injector
     */
    @Provides
    @Singleton
    CampaignKeeper campaignKeeper(CampaignStore store, ChatPlatform platform, PostLog postLog, Limits limits,
                                  Clock clock) {
        return CampaignKeeper.create(store, platform, postLog, limits, clock);
    }
}
