package dev.campaignkeeper.core.usecase;

import static dev.campaignkeeper.core.usecase.CampaignAccess.requireGm;

import dev.campaignkeeper.core.dice.DiceCommand;
import dev.campaignkeeper.core.dice.DiceFormatter;
import dev.campaignkeeper.core.dice.DiceParser;
import dev.campaignkeeper.core.dice.DiceResult;
import dev.campaignkeeper.core.dice.DiceRoller;
import dev.campaignkeeper.core.error.NotFoundException;
import dev.campaignkeeper.core.error.PlatformException;
import dev.campaignkeeper.core.model.Actor;
import dev.campaignkeeper.core.model.Campaign;
import dev.campaignkeeper.core.model.ChannelId;
import dev.campaignkeeper.core.model.GuildId;
import dev.campaignkeeper.core.model.GuildState;
import dev.campaignkeeper.core.model.Npc;
import dev.campaignkeeper.core.model.Place;
import dev.campaignkeeper.core.model.PlayerCharacter;
import dev.campaignkeeper.core.port.CampaignStore;
import dev.campaignkeeper.core.port.ChatPlatform;
import dev.campaignkeeper.core.rules.InputRules;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Rolling dice in a channel ({@code /roll}). The result is posted the way {@code /say} posts,
 * through {@link SpeakService}: as the player's character, or, for a GM naming one, as an NPC.
 * Outside a campaign, or for someone without a character, nothing is posted and the caller
 * answers with the result itself. A secret roll is posted nowhere: the roller sees it, and the
 * campaign's GM gets a copy by direct message (an ephemeral reply can only reach the person who
 * ran the command, so a direct message is the one way to show the GM without the table).
 */
public final class RollService {

    private static final Logger LOG = LoggerFactory.getLogger(RollService.class);
    /**
     * Room left for the caller's first line in a bot reply ("@Pat rolls:") or a secret roll's
     * reply (which names the character, up to 80 characters, and the GM copy's fate).
     */
    private static final int REPLY_BUDGET = DiceFormatter.DISCORD_LIMIT - 250;

    private final CampaignStore store;
    private final SpeakService speech;
    private final ChatPlatform platform;
    private final DiceRoller dice;

    /**
     * Creates the service.
     *
     * @param store where campaigns live
     * @param speech posts as characters and NPCs
     * @param platform sends the GM's copy of secret rolls
     * @param dice rolls the dice
     */
    public RollService(CampaignStore store, SpeakService speech, ChatPlatform platform, DiceRoller dice) {
        this.store = Objects.requireNonNull(store, "store");
        this.speech = Objects.requireNonNull(speech, "speech");
        this.platform = Objects.requireNonNull(platform, "platform");
        this.dice = Objects.requireNonNull(dice, "dice");
    }

    /**
     * Rolls dice in a channel and delivers the result.
     *
     * @param actor who rolls
     * @param guild the guild
     * @param channel the channel
     * @param expression the dice, e.g. {@code 1d20+5 [attack]} (see {@link DiceParser})
     * @param secret whether only the roller and the GM may see the result
     * @param asNpc for a GM: the NPC (id or name) to roll as; empty or blank for none
     * @param rollerName how the GM's copy names the roller, e.g. a mention
     * @return what was rolled and where it went
     * @throws dev.campaignkeeper.core.error.InvalidDiceException if the dice cannot be rolled, naming the position
     * @throws NotFoundException if {@code asNpc} is given but there is no campaign or no such NPC
     * @throws dev.campaignkeeper.core.error.NotPermittedException if {@code asNpc} is given by someone not GM
     * @throws dev.campaignkeeper.core.error.PlatformException if the post fails
     */
    public Rolled roll(Actor actor, GuildId guild, ChannelId channel, String expression, boolean secret,
                       Optional<String> asNpc, String rollerName) {
        return roll(actor, guild, Place.text(channel), expression, secret, asNpc, rollerName);
    }

    /**
     * Rolls dice where the command was run (a campaign channel, one of its threads, or a post of a
     * campaign forum) and delivers the result; a posted result goes into that thread or post.
     *
     * @param actor who rolls
     * @param guild the guild
     * @param place where the command was run
     * @param expression the dice, e.g. {@code 1d20+5 [attack]} (see {@link DiceParser})
     * @param secret whether only the roller and the GM may see the result
     * @param asNpc for a GM: the NPC (id or name) to roll as; empty or blank for none
     * @param rollerName how the GM's copy names the roller, e.g. a mention
     * @return what was rolled and where it went
     * @throws dev.campaignkeeper.core.error.InvalidDiceException if the dice cannot be rolled, naming the position
     * @throws NotFoundException if {@code asNpc} is given but there is no campaign or no such NPC
     * @throws dev.campaignkeeper.core.error.NotPermittedException if {@code asNpc} is given by someone not
     *     GM, or the result would be posted into a locked thread
     * @throws dev.campaignkeeper.core.error.PlatformException if the post fails
     */
    public Rolled roll(Actor actor, GuildId guild, Place place, String expression, boolean secret,
                       Optional<String> asNpc, String rollerName) {
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(place, "place");
        ChannelId channel = place.campaignChannel();
        Objects.requireNonNull(asNpc, "asNpc");
        Objects.requireNonNull(rollerName, "rollerName");
        DiceCommand command = DiceParser.parse(InputRules.clean(expression, false));
        GuildState state = store.guild(guild);
        Optional<Campaign> campaign = state.campaign(channel);
        Optional<String> npcReference = asNpc.map(String::strip).filter(reference -> !reference.isEmpty());
        Optional<Npc> npc = Optional.empty();
        if (npcReference.isPresent()) {
            Campaign here = campaign.orElseThrow(() -> new NotFoundException(
                    "There is no campaign in this channel, so there are no NPCs to roll as. Leave out as:."));
            requireGm(actor, here, "roll as NPCs");
            npc = Optional.of(CampaignAccess.resolveNpc(state, channel, npcReference.get()));
        }
        Optional<PlayerCharacter> character = npc.isPresent() || campaign.isEmpty()
                ? Optional.empty() : state.character(channel, actor.user());
        Optional<String> speaker = npc.map(Npc::name).or(() -> character.map(PlayerCharacter::name));

        DiceResult result = dice.roll(command);
        if (secret) {
            String text = DiceFormatter.format(result, REPLY_BUDGET);
            return new Rolled(result, text, Rolled.Delivery.SECRET, speaker,
                    gmCopy(guild, campaign, actor, result, speaker, rollerName));
        }
        if (npc.isPresent()) {
            Spoken spoken = speech.sayAsNpc(actor, guild, place, npc.get().id().value(),
                    PostContent.text(DiceFormatter.format(result)), RollLines.of(result));
            return new Rolled(result, spoken.text(), Rolled.Delivery.NPC, speaker, Rolled.GmCopy.NOT_SECRET);
        }
        if (character.isPresent()) {
            Spoken spoken = speech.sayAsCharacter(actor, guild, place, PostContent.text(DiceFormatter.format(result)),
                    RollLines.of(result));
            return new Rolled(result, spoken.text(), Rolled.Delivery.CHARACTER, speaker, Rolled.GmCopy.NOT_SECRET);
        }
        return new Rolled(result, DiceFormatter.format(result, REPLY_BUDGET), Rolled.Delivery.BOT, speaker,
                Rolled.GmCopy.NOT_SECRET);
    }

    private Rolled.GmCopy gmCopy(GuildId guild, Optional<Campaign> campaign, Actor actor, DiceResult result,
                                 Optional<String> speaker, String rollerName) {
        if (campaign.isEmpty()) {
            return Rolled.GmCopy.NO_CAMPAIGN;
        }
        Campaign here = campaign.get();
        if (here.gm().equals(actor.user())) {
            return Rolled.GmCopy.ROLLER_IS_GM;
        }
        String header = "Secret roll in **" + here.name() + "** by " + rollerName
                + speaker.map(name -> " as **" + name + "**").orElse("") + ":\n";
        String text = header + DiceFormatter.format(result,
                Math.max(DiceFormatter.MIN_LIMIT, DiceFormatter.DISCORD_LIMIT - header.length()));
        try {
            platform.sendDirectMessage(guild, here.gm(), text);
            return Rolled.GmCopy.SENT;
        } catch (PlatformException e) {
            LOG.info("Could not send the GM {} of campaign {} in guild {} the copy of a secret roll: {}", here.gm(),
                    here.channel(), guild, e.getMessage());
            return Rolled.GmCopy.FAILED;
        }
    }
}
