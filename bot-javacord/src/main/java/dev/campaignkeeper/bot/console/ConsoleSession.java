package dev.campaignkeeper.bot.console;

import dev.campaignkeeper.bot.command.Attachment;
import dev.campaignkeeper.bot.command.Markdown;
import dev.campaignkeeper.bot.command.CommandCatalog;
import dev.campaignkeeper.bot.command.CommandHandlers;
import dev.campaignkeeper.bot.command.CommandOptions;
import dev.campaignkeeper.bot.command.CommandRequest;
import dev.campaignkeeper.bot.command.CommandSpec;
import dev.campaignkeeper.bot.command.Reply;
import dev.campaignkeeper.core.memory.InMemoryChatPlatform;
import dev.campaignkeeper.core.model.Actor;
import dev.campaignkeeper.core.model.Place;
import dev.campaignkeeper.core.model.RoleId;
import dev.campaignkeeper.core.model.UserId;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A console session: reads lines, runs them as the current user in the current channel of the one
 * simulated guild, and prints the replies. Webhook posts are printed by the chat platform as
 * {@code [Display Name] text} (see {@link ConsoleModule}).
 */
public final class ConsoleSession {

    /** How the bot's own messages are labelled. */
    public static final String BOT_NAME = "Campaign Keeper";

    private final CommandHandlers handlers;
    private final InMemoryChatPlatform platform;
    private final ConsoleNames names;
    private final PrintStream out;
    private final Path exportDir;

    private String user = "you";
    private String channel = "general";
    private String thread;
    private boolean administrator;

    /**
     * Creates a session.
     *
     * @param handlers the command handlers
     * @param platform the in-memory chat platform (its role holders make up each user's roles)
     * @param names the session's names and ids
     * @param out where to print
     * @param exportDir where attached files (exports) are saved
     */
    public ConsoleSession(CommandHandlers handlers, InMemoryChatPlatform platform, ConsoleNames names,
                          PrintStream out, Path exportDir) {
        this.handlers = Objects.requireNonNull(handlers, "handlers");
        this.platform = Objects.requireNonNull(platform, "platform");
        this.names = Objects.requireNonNull(names, "names");
        this.out = Objects.requireNonNull(out, "out");
        this.exportDir = Objects.requireNonNull(exportDir, "exportDir");
        names.user(user);
        names.channel(channel);
    }

    /**
     * Runs until end of input or {@code /quit}.
     *
     * @param in the lines to run
     * @param echo whether to print each line after the prompt (when input is not a terminal, so
     *     the transcript shows what was run)
     */
    public void run(BufferedReader in, boolean echo) {
        run(new PlainInput(in, out, echo));
    }

    /**
     * Runs until end of input or {@code /quit}.
     *
     * @param input where the lines come from (a plain reader, or the line editor on a terminal)
     */
    public void run(ConsoleInput input) {
        out.println("Campaign Keeper console: the bot's commands without Discord, in one made-up server.");
        out.println("You are " + user + " in #" + channel + ". Switch with /as NAME and /in CHANNEL; "
                + "/help lists the commands; /quit ends.");
        while (true) {
            Optional<String> line = input.readLine(prompt());
            if (line.isPresent()) {
                line = continued(line.get(), input);
            }
            if (line.isEmpty() || !execute(line.get())) {
                break;
            }
        }
        out.println("Bye.");
    }

    /**
     * A line ending in a backslash goes on on the next line: the lines make one command, joined by
     * line breaks (a multi-line post).
     */
    private Optional<String> continued(String first, ConsoleInput input) {
        StringBuilder line = new StringBuilder(first);
        while (line.length() > 0 && line.charAt(line.length() - 1) == '\\') {
            line.setLength(line.length() - 1);
            Optional<String> next = input.readLine("... ");
            if (next.isEmpty()) {
                break;
            }
            line.append('\n').append(next.get());
        }
        return Optional.of(line.toString());
    }

    /**
     * Runs one line.
     *
     * @param line the line
     * @return false if the line ends the session
     */
    public boolean execute(String line) {
        ConsoleLine parsed = ConsoleLine.parse(line, names);
        if (parsed instanceof ConsoleLine.Nothing) {
            return true;
        }
        if (parsed instanceof ConsoleLine.Mistake mistake) {
            out.println("  " + mistake.message());
            return true;
        }
        if (parsed instanceof ConsoleLine.Directive directive) {
            return directive(directive);
        }
        if (parsed instanceof ConsoleLine.Plain plain) {
            ordinaryMessage(plain.text());
            return true;
        }
        ConsoleLine.Command command = (ConsoleLine.Command) parsed;
        int started = platform.startedThreads().size();
        Reply reply = handlers.handle(request(command.spec().path(), command.options()));
        List<String> newPosts = nameStartedPosts(started);
        print(reply);
        for (String post : newPosts) {
            out.println("  (started the forum post #" + post + "; go there with /in #" + post.replaceAll("\\s+", "-")
                    + ")");
        }
        return true;
    }

    /**
     * An ordinary message: posted in character if the core's proxy decision says so (the post is
     * printed by the platform), else shown as the user's own message, with a hint when it looks like a
     * command typed without its slash.
     */
    private void ordinaryMessage(String text) {
        Optional<Reply> proxied = handlers.proxy(request("proxy", CommandOptions.of(Map.of())), text);
        if (proxied.isPresent()) {
            if (proxied.get().error()) {
                print(proxied.get());
            }
            return;
        }
        out.println(indent("<" + user + "> " + text));
        String first = text.split("\\s+", 2)[0].toLowerCase(Locale.ROOT);
        if (CommandCatalog.commands().containsKey(first) || ConsoleLine.DIRECTIVES.contains(first)) {
            out.println("  (that was an ordinary message, not in character: commands start with a slash, e.g. /"
                    + first + ". Type /help for the list.)");
        }
    }

    /** Names the forum posts a command started (the platform chose their ids), oldest first. */
    private List<String> nameStartedPosts(int before) {
        List<InMemoryChatPlatform.StartedThread> all = platform.startedThreads();
        List<String> named = new java.util.ArrayList<>();
        for (InMemoryChatPlatform.StartedThread post : all.subList(before, all.size())) {
            String forum = names.nameOf(post.forum()).orElse(channel);
            names.nameStartedPost(forum, post.name(), post.thread());
            named.add(forum + "/" + post.name());
        }
        return named;
    }

    private CommandRequest request(String path, CommandOptions options) {
        Place place;
        if (thread == null) {
            place = Place.text(names.channel(channel));
        } else if (names.isForum(channel)) {
            place = Place.forumPost(names.thread(channel, thread), names.channel(channel));
        } else {
            place = Place.thread(names.thread(channel, thread), names.channel(channel));
        }
        return new CommandRequest(actor(), ConsoleNames.GUILD, place, channel, path, options);
    }

    private String where() {
        return "#" + channel + (thread == null ? "" : "/" + thread);
    }

    private String prompt() {
        return user + (administrator ? " (admin)" : "") + " " + where() + "> ";
    }

    private Actor actor() {
        UserId id = names.user(user);
        Set<RoleId> roles = platform.roles(ConsoleNames.GUILD).keySet().stream()
                .filter(role -> platform.holders(ConsoleNames.GUILD, role).contains(id))
                .collect(Collectors.toSet());
        return new Actor(id, administrator, roles);
    }

    private boolean directive(ConsoleLine.Directive directive) {
        List<String> args = directive.arguments();
        switch (directive.name()) {
            case "quit", "exit" -> {
                return false;
            }
            case "help" -> help();
            case "whoami" -> out.println("  You are " + user + (administrator ? ", a server admin," : "")
                    + " in " + where() + ".");
            case "as" -> {
                if (args.isEmpty()) {
                    out.println("  You are " + user + ". Switch with /as NAME, e.g. /as Alice.");
                } else {
                    user = String.join(" ", args).strip();
                    names.user(user);
                    administrator = false;
                    out.println("  You are now " + user + ".");
                }
            }
            case "in" -> {
                if (args.isEmpty()) {
                    out.println("  You are in " + where() + ". Switch with /in CHANNEL, e.g. /in tavern, or to a "
                            + "thread of it with /in CHANNEL/THREAD, e.g. /in #tavern/quest.");
                } else {
                    String name = String.join("-", args).strip();
                    name = name.startsWith("#") ? name.substring(1) : name;
                    int slash = name.indexOf('/');
                    String toChannel = slash < 0 ? name : name.substring(0, slash);
                    String toThread = slash < 0 || slash == name.length() - 1 ? null : name.substring(slash + 1);
                    if (toThread == null && names.isForum(toChannel)) {
                        out.println("  #" + toChannel + " is a forum channel: nothing is posted in the forum itself. "
                                + "Open one of its posts with /in #" + toChannel + "/POST, e.g. /in #" + toChannel
                                + "/session-1.");
                    } else {
                        channel = toChannel;
                        thread = toThread;
                        names.channel(channel);
                        out.println("  You are now in " + where() + (thread == null ? ""
                                : names.isForum(channel) ? ", a post of the forum #" + channel
                                : ", a thread of #" + channel) + ".");
                    }
                }
            }
            case "forum" -> {
                if (args.isEmpty()) {
                    out.println("  Give the forum's name: /forum NAME, e.g. /forum lore.");
                } else {
                    String forum = String.join("-", args).strip();
                    forum = forum.startsWith("#") ? forum.substring(1) : forum;
                    if (forum.contains("/")) {
                        out.println("  A forum's name has no /: /forum NAME, e.g. /forum lore.");
                    } else {
                        names.markForum(forum);
                        names.channel(forum);
                        out.println("  #" + forum + " is a forum channel: its threads are forum posts. Open one with "
                                + "/in #" + forum + "/POST (made up on first use). A campaign created in a post covers "
                                + "the whole forum; in a post, /say title:TITLE text:... starts a new post, as on "
                                + "Discord.");
                    }
                }
            }
            case "edit" -> {
                String text = String.join(" ", args).strip();
                if (text.isEmpty()) {
                    out.println("  Give the new text: /edit TEXT (a line ending in \\ goes on on the next line).");
                } else {
                    print(handlers.editLatest(request("edit", CommandOptions.of(Map.of())), text));
                }
            }
            case "delete" -> print(handlers.deleteLatest(request("delete", CommandOptions.of(Map.of()))));
            case "admin" -> {
                String value = args.isEmpty() ? "" : args.get(0).toLowerCase(Locale.ROOT);
                if (value.equals("on") || value.equals("off")) {
                    administrator = value.equals("on");
                    out.println("  " + user + (administrator ? " is now" : " is no longer") + " a server admin.");
                } else {
                    out.println("  Use /admin on or /admin off (server admins may end any campaign).");
                }
            }
            default -> out.println("  Unknown console command /" + directive.name() + ".");
        }
        return true;
    }

    private void help() {
        out.println("  Bot commands (options as key:value; quote values with spaces):");
        for (CommandSpec spec : CommandCatalog.specs()) {
            out.println("    " + spec.usage());
            out.println("        " + spec.description());
        }
        out.println("  Console commands:");
        out.println("    /as NAME          act as another user (made up on first use)");
        out.println("    /in CHANNEL       move to another channel (each channel can hold one campaign)");
        out.println("    /in CHANNEL/THREAD  move into a thread of a channel (part of the channel's campaign)");
        out.println("    /forum NAME       make #NAME a forum channel; /in #NAME/POST opens one of its posts");
        out.println("    /edit TEXT        replace the text of your latest post in this campaign");
        out.println("    /delete           delete your latest post in this campaign");
        out.println("    (a line ending in \\ goes on on the next line: multi-line posts)");
        out.println("    a line without a slash is an ordinary message: with the campaign's proxy_tags on, one");
        out.println("    written with your character's tag (the GM: an NPC's), or any with autoproxy on, is posted");
        out.println("    in character; a line starting with \\ never is");
        out.println("    /admin on|off     make the current user a server admin, or not");
        out.println("    /whoami           show who and where you are");
        out.println("    /help             this list");
        out.println("    /quit             end the session (end of input does too)");
    }

    private void print(Reply reply) {
        String label = reply.isPublic() ? "[" + BOT_NAME + "] " : "[" + BOT_NAME + ", to " + user + " only] ";
        out.println(indent(label + (reply.error() ? "Error: " : "") + channelNames(plain(reply.text()))));
        reply.attachment().ifPresent(this::save);
    }

    private void save(Attachment attachment) {
        try {
            // exports and transcripts hold a campaign's records and posts: readable by this user only,
            // like the data files
            PrivateFiles.createDirectory(exportDir);
            Path file = exportDir.resolve(attachment.fileName());
            int dot = attachment.fileName().lastIndexOf('.');
            String base = dot > 0 ? attachment.fileName().substring(0, dot) : attachment.fileName();
            String extension = dot > 0 ? attachment.fileName().substring(dot) : "";
            for (int n = 2; Files.exists(file); n++) {
                file = exportDir.resolve(base + "-" + n + extension);
            }
            PrivateFiles.write(file, attachment.text());
            out.println("  (attached " + attachment.fileName() + ", saved as " + file + ")");
        } catch (IOException e) {
            out.println("  (attached " + attachment.fileName() + ", but it could not be saved: " + e.getMessage()
                    + ")");
        }
    }

    /**
     * How the console shows a webhook post.
     *
     * @param post the post
     * @return {@code [Display Name] text}, continuation lines indented
     */
    public static String formatPost(InMemoryChatPlatform.Post post) {
        return indent("[" + post.displayName() + "] " + post.text());
    }

    /** Channel mentions ({@code <#id>}) as the console's names. */
    private String channelNames(String text) {
        return CHANNEL_MENTION.matcher(text).replaceAll(match -> java.util.regex.Matcher.quoteReplacement(
                names.nameOf(dev.campaignkeeper.core.model.ChannelId.of(match.group(1))).map(name -> "#" + name)
                        .orElse(match.group())));
    }

    private static final java.util.regex.Pattern CHANNEL_MENTION = java.util.regex.Pattern.compile("<#(\\d+)>");

    private static String plain(String text) {
        return Markdown.plain(text);
    }

    private static String indent(String text) {
        return text.replace("\n", "\n    ");
    }
}
