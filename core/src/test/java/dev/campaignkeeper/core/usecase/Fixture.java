package dev.campaignkeeper.core.usecase;

import dev.campaignkeeper.core.memory.InMemoryCampaignStore;
import dev.campaignkeeper.core.memory.InMemoryChatPlatform;
import dev.campaignkeeper.core.model.Actor;
import dev.campaignkeeper.core.model.Campaign;
import dev.campaignkeeper.core.model.ChannelId;
import dev.campaignkeeper.core.model.GuildId;
import dev.campaignkeeper.core.model.PlayerCharacter;
import dev.campaignkeeper.core.model.UserId;
import dev.campaignkeeper.core.port.CampaignStore;
import dev.campaignkeeper.core.port.ChatPlatform;
import dev.campaignkeeper.core.rules.Limits;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.Set;

/** One in-memory world for use-case tests: store, fake platform, use cases and a cast of users. */
final class Fixture {

    static final GuildId GUILD = GuildId.of(1000);
    static final GuildId OTHER_GUILD = GuildId.of(2000);
    static final ChannelId CHANNEL = ChannelId.of(3000);
    static final ChannelId OTHER_CHANNEL = ChannelId.of(3001);
    static final Instant NOW = Instant.parse("2026-11-25T20:00:00Z");

    static final Actor GM = Actor.member(UserId.of(10));
    static final Actor ALICE = Actor.member(UserId.of(11));
    static final Actor BOB = Actor.member(UserId.of(12));
    static final Actor CAROL = Actor.member(UserId.of(13));
    static final Actor ADMIN = new Actor(UserId.of(99), true, Set.of());

    final InMemoryCampaignStore memoryStore = new InMemoryCampaignStore();
    final InMemoryChatPlatform platform = new InMemoryChatPlatform();
    final CampaignKeeper keeper;

    Fixture() {
        this(Limits.defaults());
    }

    Fixture(Limits limits) {
        this.keeper = CampaignKeeper.create(memoryStore, platform, limits, Clock.fixed(NOW, ZoneOffset.UTC));
    }

    /** A keeper over other (wrapped) ports, sharing nothing with {@link #keeper} but what is passed. */
    static CampaignKeeper keeper(CampaignStore store, ChatPlatform platform, Limits limits) {
        return CampaignKeeper.create(store, platform, limits, Clock.fixed(NOW, ZoneOffset.UTC));
    }

    CampaignService campaigns() {
        return keeper.campaigns();
    }

    CharacterService characters() {
        return keeper.characters();
    }

    NpcService npcs() {
        return keeper.npcs();
    }

    SpeakService speech() {
        return keeper.speech();
    }

    /** GM creates the campaign in {@link #CHANNEL} of {@link #GUILD}, named after the channel. */
    Campaign createCampaign() {
        return campaigns().create(GM, GUILD, CHANNEL, "the-lost-mine", Optional.empty());
    }

    /** Creates the campaign; Alice and Bob join and create characters. */
    Campaign campaignWithTwoCharacters() {
        createCampaign();
        campaigns().join(ALICE, GUILD, CHANNEL);
        campaigns().join(BOB, GUILD, CHANNEL);
        characters().create(ALICE, GUILD, CHANNEL, "Aria", Optional.of("https://example.com/aria.png"),
                Optional.of("A bard."));
        characters().create(BOB, GUILD, CHANNEL, "Brom", Optional.empty(), Optional.empty());
        return campaign();
    }

    /** The stored campaign of {@link #CHANNEL}. */
    Campaign campaign() {
        return memoryStore.guild(GUILD).campaign(CHANNEL).orElseThrow();
    }

    Optional<PlayerCharacter> character(Actor owner) {
        return memoryStore.guild(GUILD).character(CHANNEL, owner.user());
    }

    /** A user holding the campaign's GM role: a co-GM. */
    Actor coGm() {
        return new Actor(UserId.of(14), false, Set.of(campaign().gmRole()));
    }
}
