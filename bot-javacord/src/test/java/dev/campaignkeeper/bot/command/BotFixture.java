package dev.campaignkeeper.bot.command;

import dev.campaignkeeper.core.dice.DiceRoller;
import dev.campaignkeeper.core.memory.InMemoryChatPlatform;
import dev.campaignkeeper.core.model.Actor;
import dev.campaignkeeper.core.model.Campaign;
import dev.campaignkeeper.core.model.ChannelId;
import dev.campaignkeeper.core.transcript.TranscriptStyle;
import dev.campaignkeeper.core.model.GuildId;
import dev.campaignkeeper.core.model.GuildState;
import dev.campaignkeeper.core.model.RoleId;
import dev.campaignkeeper.core.model.UserId;
import dev.campaignkeeper.core.port.CampaignStore;
import dev.campaignkeeper.core.rules.Limits;
import dev.campaignkeeper.core.usecase.CampaignKeeper;
import dev.campaignkeeper.persistence.json.ExportJson;
import dev.campaignkeeper.persistence.json.JsonCampaignStore;
import dev.campaignkeeper.persistence.json.JsonStoreConfig;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Command handlers over the core's in-memory chat platform and the real JSON store in a temporary
 * directory, with a few named users and channels. Actors hold the roles the platform says they
 * hold, as on Discord.
 */
final class BotFixture implements AutoCloseable {

    static final GuildId GUILD = GuildId.of(900_000_000_000_000_001L);
    static final ChannelId TAVERN = ChannelId.of(800_000_000_000_000_001L);
    static final ChannelId MARKET = ChannelId.of(800_000_000_000_000_002L);
    static final UserId GM = UserId.of(700_000_000_000_000_001L);
    static final UserId ALICE = UserId.of(700_000_000_000_000_002L);
    static final UserId BOB = UserId.of(700_000_000_000_000_003L);
    static final UserId ADMIN = UserId.of(700_000_000_000_000_004L);
    static final Instant NOW = Instant.parse("2026-11-25T20:00:00Z");

    final InMemoryChatPlatform platform = new InMemoryChatPlatform();
    final CampaignStore store;
    final CommandHandlers handlers;

    BotFixture(Path dataDir) {
        this(dataDir, DiceRoller.secure());
    }

    /** The same with dice from a given roller (seeded for rolls a test can predict). */
    BotFixture(Path dataDir, DiceRoller dice) {
        this(dataDir, dice, ProxyReadiness.READY);
    }

    /** The same with a given answer to "can proxy tags work here?". */
    BotFixture(Path dataDir, ProxyReadiness readiness) {
        this(dataDir, DiceRoller.secure(), readiness);
    }

    private BotFixture(Path dataDir, DiceRoller dice, ProxyReadiness readiness) {
        this.store = JsonCampaignStore.open(JsonStoreConfig.defaults(dataDir));
        Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
        CampaignKeeper keeper = CampaignKeeper.create(store, platform, Limits.defaults(), clock, dice);
        this.handlers = new CommandHandlers(keeper, ExportJson::write, UserDisplay.DISCORD_MENTION,
                TranscriptStyle.plain(), readiness, clock);
    }

    Reply run(UserId user, ChannelId channel, String path, Object... keyValues) {
        Map<String, Object> options = new LinkedHashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            options.put((String) keyValues[i], keyValues[i + 1]);
        }
        String channelName = channel.equals(TAVERN) ? "tavern" : "market";
        return handlers.handle(new CommandRequest(actor(user), GUILD, channel, channelName, path,
                CommandOptions.of(options)));
    }

    Actor actor(UserId user) {
        Set<RoleId> roles = platform.roles(GUILD).keySet().stream()
                .filter(role -> platform.holders(GUILD, role).contains(user))
                .collect(Collectors.toSet());
        return new Actor(user, user.equals(ADMIN), roles);
    }

    GuildState state() {
        return store.guild(GUILD);
    }

    Optional<Campaign> campaign(ChannelId channel) {
        return state().campaign(channel);
    }

    /** A campaign "The Lost Mine" in the tavern run by GM, with Alice and Bob joined. */
    void campaignWithPlayers() {
        run(GM, TAVERN, "campaign create", "name", "The Lost Mine");
        run(ALICE, TAVERN, "campaign join");
        run(BOB, TAVERN, "campaign join");
    }

    /** {@link #campaignWithPlayers()} plus characters for Alice (with avatar) and Bob. */
    void campaignWithCharacters() {
        campaignWithPlayers();
        run(ALICE, TAVERN, "character create", "name", "Brynn", "avatar", "https://example.com/brynn.png",
                "description", "A dwarf with a lantern");
        run(BOB, TAVERN, "character create", "name", "Tobin");
    }

    @Override
    public void close() {
        store.close();
    }
}
