package dev.campaignkeeper.bot.command;

import dev.campaignkeeper.core.error.CampaignKeeperException;
import dev.campaignkeeper.core.error.ReasonCode;
import java.util.Map;
import java.util.Objects;

/**
 * The bot's words for the core's reason codes: the one place that says, for each refusal, which
 * slash command helps next. Used for Discord replies and the offline console alike. A new
 * {@link ReasonCode} does not compile until it has a case here.
 */
public final class ReasonText {

    private ReasonText() {
    }

    /**
     * What the user is told about a refusal or failure of the core.
     *
     * @param failure the core's exception
     * @return the rendering of its reason code, or its message if it has none
     */
    public static String of(CampaignKeeperException failure) {
        Objects.requireNonNull(failure, "failure");
        return failure.code().map(code -> render(code, failure.parameters())).orElseGet(failure::getMessage);
    }

    /**
     * Renders a reason code.
     *
     * @param code why
     * @param parameters the code's parameters
     * @return the text, naming the commands to use
     */
    public static String render(ReasonCode code, Map<String, String> parameters) {
        return ReasonCode.fill(template(code), parameters);
    }

    /**
     * The bot's template for a code, with the code's {@code {name}} placeholders.
     *
     * @param code why
     * @return the template
     */
    static String template(ReasonCode code) {
        return switch (Objects.requireNonNull(code, "code")) {
            // campaigns
            case NO_CAMPAIGN_HERE -> "There is no campaign in this channel. A GM can start one here with /campaign create.";
            case NO_CAMPAIGN_IN_THREADS_CHANNEL -> "This thread's channel has no campaign. A GM can start one with "
                    + "/campaign create in the channel itself (not in a thread); its threads are then part of it.";
            case NO_CAMPAIGN_IN_FORUM -> "This forum has no campaign. A GM can start one for the whole forum with "
                    + "/campaign create in any of its posts.";
            case CAMPAIGN_NOT_IN_THREAD -> "Campaigns live in a text channel and cover its threads: run /campaign create "
                    + "in the thread's channel itself, not in a thread.";
            case CHANNEL_HAS_CAMPAIGN -> "This channel already has a campaign, \"{name}\". See it with /campaign info, "
                    + "or start a new campaign in another channel.";
            case CAMPAIGNS_PER_SERVER_REACHED -> "This server already runs {count} campaigns, the most allowed. "
                    + "End one with /campaign end before starting another.";
            case GM_CANNOT_JOIN -> "You are this campaign's GM, and the GM is not a player. Speak as NPCs with /npc say.";
            case ALREADY_JOINED -> "You already joined this campaign. Create your character with /character create, "
                    + "or see it with /character show.";
            case PLAYERS_PER_CAMPAIGN_REACHED -> "This campaign already has {count} players, the most allowed. "
                    + "The GM can make room with /campaign kick.";
            case PLAYER_ROLE_CHANGED_WHILE_JOINING -> "The campaign's player role changed while you joined; "
                    + "try /campaign join again.";
            case GM_CANNOT_LEAVE -> "You are this campaign's GM, not a player. Hand the campaign over with "
                    + "/campaign transfer, or end it with /campaign end.";
            case NOT_A_PLAYER -> "That user is not a player of this campaign. See the players with /campaign info.";
            // characters
            case GM_HAS_NO_CHARACTER -> "You are this campaign's GM; the GM has no character and speaks as NPCs "
                    + "instead (/npc create, /npc say).";
            case ONLY_PLAYERS_CREATE_CHARACTERS -> "Only players of this campaign can create a character. "
                    + "Join it first with /campaign join.";
            case CHARACTER_EXISTS -> "You already have a character in this campaign, \"{name}\". "
                    + "Change it with /character edit instead.";
            case NO_CHARACTER_TO_EDIT -> "You have no character in this campaign to edit. "
                    + "Create one with /character create.";
            case USER_HAS_NO_CHARACTER -> "That user has no character in this channel's campaign. "
                    + "Players create one with /character create.";
            // NPCs
            case NPC_NAME_AMBIGUOUS -> "Several NPCs of this campaign are named \"{name}\". Rename one with /npc edit, "
                    + "using its id ({first}, {second}).";
            case NO_NPC_NAMED -> "This campaign has no NPC named \"{name}\". See its NPCs with /npc list.";
            case NPCS_PER_CAMPAIGN_REACHED -> "This campaign already has {count} NPCs, the most allowed. "
                    + "Delete one with /npc delete first.";
            case NPC_NAME_TAKEN -> "This campaign already has an NPC named \"{name}\" (names are compared ignoring "
                    + "case). Choose another name, or change that NPC with /npc edit.";
            // proxy tags
            case PROXY_TAG_NO_PLACEHOLDER -> "The proxy tag \"{tag}\" lacks the word \"text\" where your message goes; "
                    + "write it like F:text or [text], several separated by | (tags:none removes them).";
            case PROXY_TAG_PLACEHOLDER_TWICE -> "The proxy tag \"{tag}\" has the word \"text\" more than once; write "
                    + "it once, where your message goes, like F:text or [text].";
            case PROXY_TAG_EMPTY -> "A proxy tag needs some text before or after the message, such as F:text or [text] "
                    + "(tags:none removes the tags).";
            case PROXY_TAG_TOO_LONG -> "The proxy tag \"{tag}\" is {length} characters long; shorten it to {max} or fewer.";
            case PROXY_TAG_STARTS_WITH_ESCAPE -> "A proxy tag may not start with a backslash (\\): a message starting "
                    + "with one is sent as you, not in character. Choose another tag.";
            case TOO_MANY_PROXY_TAGS -> "That is {count} proxy tags; a character or NPC may have at most {max}. "
                    + "Keep the ones you use.";
            case PROXY_TAG_REPEATED -> "The proxy tag {tag} is given twice; give each tag once.";
            case PROXY_TAG_TAKEN -> "The proxy tag {tag} already belongs to {name} in this campaign; a tag belongs to "
                    + "one character or NPC of a campaign only. Choose another tag (see the NPCs' tags with /npc list).";
            // speaking and dice
            case NO_OWN_CHARACTER -> "You have no character in this campaign yet. "
                    + "Create one with /character create.";
            case GM_SPEAKS_AS_NPCS -> "GMs speak as NPCs: use /npc say (create NPCs with /npc create).";
            case ONLY_PLAYERS_SPEAK_AS_CHARACTERS -> "Only players of this campaign can speak as a character. "
                    + "Join with /campaign join, then create a character with /character create.";
            case INLINE_ROLLS_TOO_LONG -> "With its inline rolls the message would be {length} characters long; "
                    + "the most is {max}. Shorten it or roll with /roll.";
            // names and the platform
            case NAME_HAS_FORBIDDEN_WORD -> "The {what} may not contain \"{word}\" (Discord refuses such names for "
                    + "webhook posts). Choose another name.";
            case RATE_LIMITED -> "Discord is rate limiting the bot; try again in {seconds} s.";
        };
    }
}
