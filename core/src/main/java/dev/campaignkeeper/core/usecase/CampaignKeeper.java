package dev.campaignkeeper.core.usecase;

import dev.campaignkeeper.core.dice.DiceRoller;
import dev.campaignkeeper.core.memory.InMemoryPostLog;
import dev.campaignkeeper.core.port.CampaignStore;
import dev.campaignkeeper.core.port.ChatPlatform;
import dev.campaignkeeper.core.port.PostLog;
import dev.campaignkeeper.core.rules.Limits;
import java.time.Clock;
import java.util.Objects;

/**
 * All use cases of Campaign Keeper, wired to one store and one chat platform.
 *
 * @param campaigns creating, joining, leaving, transferring and ending campaigns
 * @param characters players' characters
 * @param npcs the GM's non-player characters
 * @param speech speaking in character through the campaign's webhook, editing and deleting posts
 * @param rolls rolling dice, posted in character like speech
 * @param imports importing characters and NPCs from other proxy bots' export files
 * @param transcripts scene transcripts from the post log
 * @param proxy reposting ordinary messages as characters and NPCs by their proxy tags
 */
public record CampaignKeeper(
        CampaignService campaigns,
        CharacterService characters,
        NpcService npcs,
        SpeakService speech,
        RollService rolls,
        CharacterImports imports,
        TranscriptService transcripts,
        ProxyService proxy) {

    /**
     * Validates the fields.
     *
     * @param campaigns creating, joining, leaving, transferring and ending campaigns
     * @param characters players' characters
     * @param npcs the GM's non-player characters
     * @param speech speaking in character through the campaign's webhook
     * @param rolls rolling dice, posted in character like speech
     * @param imports importing characters and NPCs from export files
     * @param transcripts scene transcripts from the post log
     * @param proxy reposting ordinary messages by their proxy tags
     */
    public CampaignKeeper {
        Objects.requireNonNull(campaigns, "campaigns");
        Objects.requireNonNull(characters, "characters");
        Objects.requireNonNull(npcs, "npcs");
        Objects.requireNonNull(imports, "imports");
        Objects.requireNonNull(speech, "speech");
        Objects.requireNonNull(rolls, "rolls");
        Objects.requireNonNull(transcripts, "transcripts");
        Objects.requireNonNull(proxy, "proxy");
    }

    /**
     * Wires every service to the same store, platform, limits and clock; dice draw from {@link
     * DiceRoller#secure()}, posts are logged in memory only ({@link InMemoryPostLog}: edit and
     * delete work until a restart).
     *
     * @param store where campaigns live
     * @param platform the chat platform
     * @param limits the configured limits
     * @param clock the clock export timestamps come from
     * @return the use cases
     */
    public static CampaignKeeper create(CampaignStore store, ChatPlatform platform, Limits limits, Clock clock) {
        return create(store, platform, new InMemoryPostLog(), limits, clock, DiceRoller.secure());
    }

    /**
     * Wires every service to the same store, platform, limits, clock and dice roller, with posts
     * logged in memory only.
     *
     * @param store where campaigns live
     * @param platform the chat platform
     * @param limits the configured limits
     * @param clock the clock export timestamps come from
     * @param dice rolls {@code /roll} and inline rolls (seeded for repeatable tests and demos)
     * @return the use cases
     */
    public static CampaignKeeper create(CampaignStore store, ChatPlatform platform, Limits limits, Clock clock,
                                        DiceRoller dice) {
        return create(store, platform, new InMemoryPostLog(), limits, clock, dice);
    }

    /**
     * Wires every service to the same store, platform, post log, limits and clock; dice draw from
     * {@link DiceRoller#secure()}.
     *
     * @param store where campaigns live
     * @param platform the chat platform
     * @param postLog where posts as characters and NPCs are recorded
     * @param limits the configured limits
     * @param clock the clock export timestamps and post times come from
     * @return the use cases
     */
    public static CampaignKeeper create(CampaignStore store, ChatPlatform platform, PostLog postLog, Limits limits,
                                        Clock clock) {
        return create(store, platform, postLog, limits, clock, DiceRoller.secure());
    }

    /**
     * Wires every service to the same store, platform, post log, limits, clock and dice roller.
     *
     * @param store where campaigns live
     * @param platform the chat platform
     * @param postLog where posts as characters and NPCs are recorded
     * @param limits the configured limits
     * @param clock the clock export timestamps and post times come from
     * @param dice rolls {@code /roll} and inline rolls (seeded for repeatable tests and demos)
     * @return the use cases
     */
    public static CampaignKeeper create(CampaignStore store, ChatPlatform platform, PostLog postLog, Limits limits,
                                        Clock clock, DiceRoller dice) {
        SpeakService speech = new SpeakService(store, platform, postLog, clock, dice);
        return new CampaignKeeper(
                new CampaignService(store, platform, postLog, limits, clock),
                new CharacterService(store),
                new NpcService(store, limits),
                speech,
                new RollService(store, speech, platform, dice),
                new CharacterImports(store, limits),
                new TranscriptService(store, postLog, clock),
                new ProxyService(store, speech, platform));
    }

    /**
     * Reposts an ordinary message by a member as a character or NPC when its proxy tags (or
     * autoproxy) say so, and deletes the original; see {@link ProxyService#repost}.
     *
     * @param author the message's author (never a bot or webhook)
     * @param guild the guild
     * @param message the message as it is now
     * @return what became of it
     */
    public ProxyService.Result proxyMessage(dev.campaignkeeper.core.model.Actor author,
                                            dev.campaignkeeper.core.model.GuildId guild,
                                            ProxyService.ProxyMessage message) {
        return proxy.repost(author, guild, message);
    }
}
