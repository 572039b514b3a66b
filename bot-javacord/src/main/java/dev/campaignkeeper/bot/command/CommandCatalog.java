package dev.campaignkeeper.bot.command;

import static dev.campaignkeeper.bot.command.OptionSpec.optional;
import static dev.campaignkeeper.bot.command.OptionSpec.required;
import static dev.campaignkeeper.bot.command.OptionType.ATTACHMENT;
import static dev.campaignkeeper.bot.command.OptionType.BOOLEAN;
import static dev.campaignkeeper.bot.command.OptionType.FILE;
import static dev.campaignkeeper.bot.command.OptionType.STRING;
import static dev.campaignkeeper.bot.command.OptionType.USER;

import dev.campaignkeeper.core.rules.InputRules;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The one table of commands. Discord registration and the console parser are both built from it,
 * so the two cannot drift apart.
 */
public final class CommandCatalog {

    /** Name of the option that names an NPC; it autocompletes. */
    public static final String NPC_OPTION = "npc";
    /** Name of the text option of {@code /say} and {@code /npc say}; left out, a form asks for it. */
    public static final String TEXT_OPTION = "text";
    /** Name of the option that starts a new forum post with a title. */
    public static final String TITLE_OPTION = "title";
    /** The message command (right-click, Apps) that edits a post in a form. */
    public static final String EDIT_POST = "Edit post";
    /** The message command (right-click, Apps) that deletes a post. */
    public static final String DELETE_POST = "Delete post";
    /** Name of the image attachment option of the post commands. */
    public static final String IMAGE_OPTION = "image";
    /** Name of the avatar-as-an-uploaded-image option of {@code /character} and {@code /npc} create and edit. */
    public static final String AVATAR_FILE_OPTION = "avatar_file";
    /** Name of the export-file option of {@code /character import} and {@code /npc import}. */
    public static final String FILE_OPTION = "file";
    /**
     * Name of the option of {@code /character import} and {@code /npc import} that picks one entry of
     * the file; it autocompletes the entries of the file the user last sent to one of them.
     */
    public static final String IMPORT_NAME_OPTION = "name";
    /** Name of {@code /roll}'s option naming the NPC a GM rolls as; it autocompletes like {@link #NPC_OPTION}. */
    public static final String AS_OPTION = "as";

    /** Name of the proxy tags option of {@code /character edit} and {@code /npc edit}. */
    public static final String TAGS_OPTION = "tags";
    /** Room for the most proxy tags, each at its longest, in their written form. */
    private static final int TAGS_LENGTH = InputRules.MAX_PROXY_TAGS
            * (2 * InputRules.MAX_PROXY_TAG_PART_LENGTH + 4 + 3);

    /** Room for a message link: {@code https://canary.discordapp.com/channels/} and three ids, with brackets. */
    private static final int MESSAGE_LINK_LENGTH = 120;

    private static final Map<String, String> COMMANDS = new LinkedHashMap<>();
    private static final List<CommandSpec> SPECS;

    static {
        COMMANDS.put("campaign", "Run a campaign in this channel: create, join, leave, end and more");
        COMMANDS.put("character", "Your character in this channel's campaign");
        COMMANDS.put("say", "Speak as your character in this channel's campaign");
        COMMANDS.put("npc", "Non-player characters the GM speaks as");
        COMMANDS.put("roll", "Roll dice, posted as your character (or the GM's NPC)");

        OptionSpec npc = required(NPC_OPTION, STRING, "The NPC (name or id)").autocompleted()
                .maxLength(InputRules.MAX_NAME_LENGTH);
        OptionSpec text = optional(TEXT_OPTION, STRING, "What to say (leave out to write several lines in a form)")
                .maxLength(InputRules.MAX_TEXT_LENGTH);
        OptionSpec title = optional(TITLE_OPTION, STRING, "In a campaign forum: start a new forum post with this title")
                .maxLength(InputRules.MAX_NAME_LENGTH);
        OptionSpec image = optional(IMAGE_OPTION, ATTACHMENT, "An image to post with it (PNG, JPEG, GIF or WebP, up to 8 MB)");
        OptionSpec tags = optional(TAGS_OPTION, STRING, "Proxy tags, e.g. F:text or [text] (text marks your message); none removes them")
                .maxLength(TAGS_LENGTH);
        OptionSpec avatarFile = optional(AVATAR_FILE_OPTION, ATTACHMENT, "An avatar image file instead of a link (PNG, JPEG, GIF or WebP, up to 8 MB)");
        SPECS = List.of(
                sub("campaign", "create", "Start a campaign in this channel; you become its GM", true,
                        Visibility.PUBLIC,
                        optional("name", STRING, "The campaign's name (default: the channel's name)").maxLength(InputRules.MAX_NAME_LENGTH)),
                sub("campaign", "join", "Join this channel's campaign as a player", true, Visibility.PUBLIC),
                sub("campaign", "leave", "Leave this channel's campaign (your character is removed)", true,
                        Visibility.EPHEMERAL),
                sub("campaign", "info", "Show this channel's campaign: GM, players, characters, NPCs, settings", false,
                        Visibility.EPHEMERAL),
                sub("campaign", "kick", "(GM) Remove a player and their character", true, Visibility.EPHEMERAL,
                        required("user", USER, "The player to remove")),
                sub("campaign", "transfer", "(GM) Hand the campaign to another member as GM", true,
                        Visibility.EPHEMERAL,
                        required("user", USER, "The new game master")),
                sub("campaign", "rename", "(GM) Rename the campaign", false, Visibility.EPHEMERAL,
                        required("name", STRING, "The new name").maxLength(InputRules.MAX_NAME_LENGTH)),
                sub("campaign", "end", "(GM) End the campaign, delete its data and get an export", true,
                        Visibility.PUBLIC,
                        required("confirm", BOOLEAN, "Set to true to really end the campaign")),
                sub("campaign", "export", "(GM) Get the campaign's data as a JSON file", true,
                        Visibility.EPHEMERAL),
                sub("campaign", "settings", "(GM) Show or change the campaign's settings", false,
                        Visibility.EPHEMERAL,
                        optional("players_may_log", BOOLEAN, "Whether players may get the transcript too"),
                        optional("proxy_tags", BOOLEAN, "Whether messages written with a proxy tag are reposted in character")),
                sub("campaign", "log", "(GM; players if allowed) Get the in-character posts as a Markdown or HTML file",
                        true, Visibility.EPHEMERAL,
                        optional("from", STRING, "Link to the first message to include (Copy Message Link)")
                                .maxLength(MESSAGE_LINK_LENGTH),
                        optional("to", STRING, "Link to the last message to include (Copy Message Link)")
                                .maxLength(MESSAGE_LINK_LENGTH),
                        optional("format", STRING, "markdown (the default, reads well on GitHub) or html (prints well)")
                                .maxLength(20)),

                sub("character", "create", "Create your character in this channel's campaign", false,
                        Visibility.EPHEMERAL,
                        required("name", STRING, "Your character's name").maxLength(InputRules.MAX_NAME_LENGTH),
                        optional("avatar", STRING, "Link to an avatar image (https://...)").maxLength(InputRules.MAX_URL_LENGTH),
                        optional("description", STRING, "A short description").maxLength(InputRules.MAX_DESCRIPTION_LENGTH),
                        avatarFile),
                sub("character", "edit", "Change your character; options left out stay as they are", false,
                        Visibility.EPHEMERAL,
                        optional("name", STRING, "The new name").maxLength(InputRules.MAX_NAME_LENGTH),
                        optional("avatar", STRING, "Link to an avatar image; the word none removes it").maxLength(InputRules.MAX_URL_LENGTH),
                        optional("description", STRING, "The new description").maxLength(InputRules.MAX_DESCRIPTION_LENGTH),
                        avatarFile, tags),
                sub("character", "autoproxy", "Post every message you write here as your character, or stop", false,
                        Visibility.EPHEMERAL,
                        required("enabled", BOOLEAN, "true: every message goes in character; false: only tagged ones")),
                sub("character", "show", "Show a character in this channel's campaign", false,
                        Visibility.EPHEMERAL,
                        optional("user", USER, "Whose character (default: yours)")),
                sub("character", "import", "Create or replace your character from a Tupperbox or PluralKit export file",
                        true, Visibility.EPHEMERAL,
                        required(FILE_OPTION, FILE, "tuppers.json (Tupperbox) or system.json (PluralKit), as exported"),
                        optional(IMPORT_NAME_OPTION, STRING, "Which character of the file (needed when it has several; suggested once the bot read it)")
                                .autocompleted().maxLength(InputRules.MAX_NAME_LENGTH)),
                sub("character", "delete", "Delete your character (the GM may delete anyone's)", false,
                        Visibility.EPHEMERAL,
                        optional("user", USER, "(GM) Whose character to delete (default: yours)")),

                top("say", "Speak as your character in this channel's campaign", true, Visibility.EPHEMERAL,
                        text, title, image),

                sub("npc", "create", "(GM) Create an NPC", false, Visibility.EPHEMERAL,
                        required("name", STRING, "The NPC's name").maxLength(InputRules.MAX_NAME_LENGTH),
                        optional("avatar", STRING, "Link to an avatar image (https://...)").maxLength(InputRules.MAX_URL_LENGTH),
                        avatarFile),
                sub("npc", "edit", "(GM) Change an NPC; options left out stay as they are", false,
                        Visibility.EPHEMERAL,
                        npc,
                        optional("name", STRING, "The new name").maxLength(InputRules.MAX_NAME_LENGTH),
                        optional("avatar", STRING, "Link to an avatar image; the word none removes it").maxLength(InputRules.MAX_URL_LENGTH),
                        avatarFile, tags),
                sub("npc", "delete", "(GM) Delete an NPC", false, Visibility.EPHEMERAL, npc),
                sub("npc", "import", "(GM) Create NPCs from a Tupperbox or PluralKit export file", true,
                        Visibility.EPHEMERAL,
                        required(FILE_OPTION, FILE, "tuppers.json (Tupperbox) or system.json (PluralKit), as exported"),
                        optional(IMPORT_NAME_OPTION, STRING, "Import only this character of the file (default: all; suggested once the bot read it)")
                                .autocompleted().maxLength(InputRules.MAX_NAME_LENGTH)),
                sub("npc", "list", "List this campaign's NPCs", false, Visibility.EPHEMERAL),
                sub("npc", "say", "(GM) Speak as an NPC", true, Visibility.EPHEMERAL,
                        npc, text, title, image),

                // Public: outside a campaign the result is the bot's reply; a secret roll is
                // acknowledged privately instead (see the listener), a posted one replaced by a
                // private confirmation.
                top("roll", "Roll dice, posted as your character (or the GM's NPC)", true, Visibility.PUBLIC,
                        required("expression", STRING, "The dice, e.g. 1d20+5 [attack], 4d6kh3, adv, 2#1d20+5")
                                .maxLength(dev.campaignkeeper.core.dice.DiceLimits.MAX_EXPRESSION_LENGTH),
                        optional("secret", BOOLEAN, "Set to true so only you and the GM see the result"),
                        optional("as", STRING, "(GM) The NPC to roll as (name or id)").autocompleted()
                                .maxLength(InputRules.MAX_NAME_LENGTH)));
    }

    private CommandCatalog() {
    }

    private static CommandSpec sub(String command, String subcommand, String description, boolean deferred,
                                   Visibility visibility, OptionSpec... options) {
        return new CommandSpec(command, Optional.of(subcommand), description, List.of(options), deferred,
                visibility);
    }

    private static CommandSpec top(String command, String description, boolean deferred, Visibility visibility,
                                   OptionSpec... options) {
        return new CommandSpec(command, Optional.empty(), description, List.of(options), deferred, visibility);
    }

    /**
     * Every command, grouped by top-level command in display order.
     *
     * @return the specs
     */
    public static List<CommandSpec> specs() {
        return SPECS;
    }

    /**
     * The top-level command names with their descriptions, in display order.
     *
     * @return an unmodifiable map
     */
    public static Map<String, String> commands() {
        return java.util.Collections.unmodifiableMap(COMMANDS);
    }

    /**
     * Whether a top-level command has subcommands.
     *
     * @param command the top-level command
     * @return true for {@code campaign}, {@code character} and {@code npc}
     */
    public static boolean hasSubcommands(String command) {
        return SPECS.stream().anyMatch(spec -> spec.command().equals(command) && spec.subcommand().isPresent());
    }

    /**
     * The commands under one top-level command.
     *
     * @param command the top-level command
     * @return its specs, empty if unknown
     */
    public static List<CommandSpec> under(String command) {
        return SPECS.stream().filter(spec -> spec.command().equals(command)).toList();
    }

    /**
     * The message commands (right-click a message, then Apps), in display order.
     *
     * @return their names
     */
    public static List<String> messageCommands() {
        return List.of(EDIT_POST, DELETE_POST);
    }

    /**
     * A command by path.
     *
     * @param path e.g. {@code "campaign create"} or {@code "say"}
     * @return the spec, if there is such a command
     */
    public static Optional<CommandSpec> find(String path) {
        return SPECS.stream().filter(spec -> spec.path().equals(path)).findFirst();
    }
}
