package dev.campaignkeeper.bot;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import dev.campaignkeeper.core.port.CampaignStore;
import dev.campaignkeeper.core.port.ChatPlatform;
import dev.campaignkeeper.core.rules.Limits;
import dev.campaignkeeper.core.usecase.CampaignKeeper;
import java.time.Clock;

/**
 * Provides the core use cases ({@link CampaignKeeper}) from whatever store and chat platform the
 * other modules bind, with the default {@link Limits} and the UTC system clock.
 */
public final class CoreModule extends AbstractModule {

    @Override
    protected void configure() {
        bind(Limits.class).toInstance(Limits.defaults());
        bind(Clock.class).toInstance(Clock.systemUTC());
    }

    /**
     * The use cases.
     *
     * @param store the store
     * @param platform the chat platform
     * @param limits the limits
     * @param clock the clock
     * @return the use cases, one instance per injector
     */
    @Provides
    @Singleton
    CampaignKeeper campaignKeeper(CampaignStore store, ChatPlatform platform, Limits limits, Clock clock) {
        return CampaignKeeper.create(store, platform, limits, clock);
    }
}
