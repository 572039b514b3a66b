package dev.campaignkeeper.core.error;

import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Why the core refused or failed a request, as a code a front end turns into its own words: the
 * bot names the slash command to use next ("Create one with /character create."), a library user
 * can show the plain-language default message, which names no command and no platform.
 *
 * <p>Each code has a default message with {@code {name}} placeholders; the exception carrying the
 * code carries exactly those parameters (see {@link CampaignKeeperException#parameters()}).
 * Adding a reason is one constant here plus its rendering in each front end.
 */
public enum ReasonCode {

    // ---- campaigns ----
    /** A text channel without a campaign. */
    NO_CAMPAIGN_HERE("There is no campaign in this channel. A GM can start one here."),
    /** A thread whose channel has no campaign. */
    NO_CAMPAIGN_IN_THREADS_CHANNEL("This thread's channel has no campaign. A GM can start one in the channel "
            + "itself (not in a thread); its threads are then part of it."),
    /** A forum, or one of its posts, without a campaign. */
    NO_CAMPAIGN_IN_FORUM("This forum has no campaign. A GM can start one for the whole forum in any of its posts."),
    /** Starting a campaign inside a thread. */
    CAMPAIGN_NOT_IN_THREAD("Campaigns live in a text channel and cover its threads: start the campaign in the "
            + "thread's channel itself, not in a thread."),
    /** Starting a second campaign in a channel; {@code name} is the existing one's (shortened). */
    CHANNEL_HAS_CAMPAIGN("This channel already has a campaign, \"{name}\". Start a new campaign in another channel."),
    /** The guild runs {@code count} campaigns, the most allowed. */
    CAMPAIGNS_PER_SERVER_REACHED("This server already runs {count} campaigns, the most allowed. End one before "
            + "starting another."),
    /** The GM tried to join as a player. */
    GM_CANNOT_JOIN("You are this campaign's GM, and the GM is not a player; the GM speaks as NPCs."),
    /** Joining twice. */
    ALREADY_JOINED("You already joined this campaign. Create your character, or look at the one you have."),
    /** The campaign has {@code count} players, the most allowed. */
    PLAYERS_PER_CAMPAIGN_REACHED("This campaign already has {count} players, the most allowed. The GM can make "
            + "room by removing a player."),
    /** The player role was replaced by a concurrent join. */
    PLAYER_ROLE_CHANGED_WHILE_JOINING("The campaign's player role changed while you joined; try joining again."),
    /** The GM tried to leave. */
    GM_CANNOT_LEAVE("You are this campaign's GM, not a player. Hand the campaign over to someone else, or end it."),
    /** Removing a user who is not a player. */
    NOT_A_PLAYER("That user is not a player of this campaign."),

    // ---- characters ----
    /** The GM tried to create a character. */
    GM_HAS_NO_CHARACTER("You are this campaign's GM; the GM has no character and speaks as NPCs instead."),
    /** A non-player tried to create a character. */
    ONLY_PLAYERS_CREATE_CHARACTERS("Only players of this campaign can create a character. Join it first."),
    /** A second character; {@code name} is the existing one's (shortened). */
    CHARACTER_EXISTS("You already have a character in this campaign, \"{name}\". Change it instead."),
    /** Editing without a character. */
    NO_CHARACTER_TO_EDIT("You have no character in this campaign to edit. Create one first."),
    /** Looking at another user's character that does not exist. */
    USER_HAS_NO_CHARACTER("That user has no character in this channel's campaign. Players create their own."),

    // ---- NPCs ----
    /** Old data holds two NPCs named {@code name}, with ids {@code first} and {@code second}. */
    NPC_NAME_AMBIGUOUS("Several NPCs of this campaign are named \"{name}\". Rename one, using its id "
            + "({first}, {second})."),
    /** No NPC with that id or name; {@code name} as typed (cleaned, shortened). */
    NO_NPC_NAMED("This campaign has no NPC named \"{name}\"."),
    /** The campaign has {@code count} NPCs, the most allowed. */
    NPCS_PER_CAMPAIGN_REACHED("This campaign already has {count} NPCs, the most allowed. Delete one first."),
    /** Another NPC already has the name {@code name} (shortened). */
    NPC_NAME_TAKEN("This campaign already has an NPC named \"{name}\" (names are compared ignoring case). "
            + "Choose another name, or change that NPC."),

    // ---- proxy tags ----
    /** A written tag, {@code tag} as typed (shortened), without the placeholder word. */
    PROXY_TAG_NO_PLACEHOLDER("The proxy tag \"{tag}\" lacks the word \"text\" where your message goes; write it "
            + "like F:text or [text]."),
    /** A written tag, {@code tag} as typed (shortened), with the placeholder word twice. */
    PROXY_TAG_PLACEHOLDER_TWICE("The proxy tag \"{tag}\" has the word \"text\" more than once; write it once, "
            + "where your message goes."),
    /** A tag with neither prefix nor suffix. */
    PROXY_TAG_EMPTY("A proxy tag needs some text before or after the message, such as \"F:\" before it or \"[\" "
            + "and \"]\" around it."),
    /** A tag's prefix or suffix {@code tag} (shortened) is {@code length} characters long, over {@code max}. */
    PROXY_TAG_TOO_LONG("The proxy tag \"{tag}\" is {length} characters long; shorten it to {max} or fewer."),
    /** A tag starting with the backslash that sends a message unproxied. */
    PROXY_TAG_STARTS_WITH_ESCAPE("A proxy tag may not start with a backslash (\\): a message starting with one is "
            + "sent as you. Choose another tag."),
    /** {@code count} tags given for one character or NPC, over {@code max}. */
    TOO_MANY_PROXY_TAGS("That is {count} proxy tags; a character or NPC may have at most {max}. Keep the ones you use."),
    /** The tag {@code tag} (written form) is given twice in one list. */
    PROXY_TAG_REPEATED("The proxy tag {tag} is given twice; give each tag once."),
    /** The tag {@code tag} (written form) already belongs to {@code name}, another character or NPC of the campaign. */
    PROXY_TAG_TAKEN("The proxy tag {tag} already belongs to {name} in this campaign; a tag belongs to one character "
            + "or NPC of a campaign only. Choose another tag."),

    // ---- speaking and dice ----
    /** A player without a character tried to use it (speak as it, show it). */
    NO_OWN_CHARACTER("You have no character in this campaign yet. Create one first."),
    /** The GM tried to speak as a character. */
    GM_SPEAKS_AS_NPCS("GMs speak as NPCs, not as a character."),
    /** A non-player tried to speak as a character. */
    ONLY_PLAYERS_SPEAK_AS_CHARACTERS("Only players of this campaign can speak as a character. Join it, then "
            + "create a character."),
    /** A post whose inline rolls make it {@code length} characters, over {@code max}. */
    INLINE_ROLLS_TOO_LONG("With its inline rolls the message would be {length} characters long; the most is {max}. "
            + "Shorten it or roll separately."),

    // ---- names and the platform ----
    /** The {@code what} (e.g. "character name") contains the forbidden {@code word}. */
    NAME_HAS_FORBIDDEN_WORD("The {what} may not contain \"{word}\" (the chat platform refuses such names for "
            + "webhook posts). Choose another name."),
    /** The platform asked to wait {@code seconds} seconds. */
    RATE_LIMITED("The chat platform is rate limiting the bot; try again in {seconds} s.");

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([a-z]+)}");

    /** The plain-language message with placeholders. */
    private final String defaultMessage;

    ReasonCode(String defaultMessage) {
        this.defaultMessage = defaultMessage;
    }

    /**
     * The plain-language message, with {@code {name}} placeholders; it names no command and no platform.
     *
     * @return the template
     */
    public String defaultMessage() {
        return defaultMessage;
    }

    /**
     * The names of the parameters an exception with this code carries, in order of appearance.
     *
     * @return the placeholder names of the default message
     */
    public Set<String> parameterNames() {
        return placeholders(defaultMessage);
    }

    /**
     * The default message with the parameters filled in.
     *
     * @param parameters a value for each of {@link #parameterNames()}
     * @return the message
     */
    public String message(Map<String, String> parameters) {
        return fill(defaultMessage, parameters);
    }

    /**
     * The placeholder names of a template, in order of appearance.
     *
     * @param template a text with {@code {name}} placeholders
     * @return the names
     */
    public static Set<String> placeholders(String template) {
        Set<String> names = new LinkedHashSet<>();
        Matcher m = PLACEHOLDER.matcher(template);
        while (m.find()) {
            names.add(m.group(1));
        }
        return Collections.unmodifiableSet(names);
    }

    /**
     * Fills a template's {@code {name}} placeholders.
     *
     * @param template a text with {@code {name}} placeholders
     * @param parameters the values
     * @return the text
     * @throws IllegalArgumentException if a placeholder has no value
     */
    public static String fill(String template, Map<String, String> parameters) {
        Objects.requireNonNull(parameters, "parameters");
        return PLACEHOLDER.matcher(template).replaceAll(m -> {
            String value = parameters.get(m.group(1));
            if (value == null) {
                throw new IllegalArgumentException("no value for {" + m.group(1) + "} in \"" + template + "\"");
            }
            return Matcher.quoteReplacement(value);
        });
    }
}
