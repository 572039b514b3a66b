package dev.campaignkeeper.bot;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import dev.campaignkeeper.core.dice.DiceRoller;
import dev.campaignkeeper.core.port.CampaignStore;
import dev.campaignkeeper.core.port.ChatPlatform;
import dev.campaignkeeper.core.port.PostLog;
import dev.campaignkeeper.core.rules.Limits;
import dev.campaignkeeper.core.usecase.CampaignKeeper;
import java.time.Clock;

/**
 * Provides the core use cases ({@link CampaignKeeper}) from whatever store, chat platform and post
 * log the other modules bind (the JSON store's module binds its durable post log), with the
 * default {@link Limits}, the UTC system clock and a dice roller ({@link DiceRoller#secure()}
 * unless given one, e.g. the console's seeded roller).
 */
public final class CoreModule extends AbstractModule {

    private final DiceRoller dice;

    /** The production wiring: dice from {@code SecureRandom}. */
    public CoreModule() {
        this(DiceRoller.secure());
    }

    /**
     * Wiring with a given dice roller.
     *
     * @param dice rolls {@code /roll} and inline rolls
     */
    public CoreModule(DiceRoller dice) {
        this.dice = java.util.Objects.requireNonNull(dice, "dice");
    }

    @Override
    protected void configure() {
        bind(Limits.class).toInstance(Limits.defaults());
        bind(Clock.class).toInstance(Clock.systemUTC());
        bind(DiceRoller.class).toInstance(dice);
    }

    /**
     * The use cases.
     *
     * @param store the store
     * @param platform the chat platform
     * @param postLog the log of posts made as characters and NPCs
     * @param limits the limits
     * @param clock the clock
     * @param dice the dice roller
     * @return the use cases, one instance per injector
     */
    @Provides
    @Singleton
    CampaignKeeper campaignKeeper(CampaignStore store, ChatPlatform platform, PostLog postLog, Limits limits,
                                  Clock clock, DiceRoller dice) {
        return CampaignKeeper.create(store, platform, postLog, limits, clock, dice);
    }
}
