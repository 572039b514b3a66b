package dev.campaignkeeper.bot.command;

import dev.campaignkeeper.core.error.CampaignKeeperException;
import dev.campaignkeeper.core.error.InvalidInputException;
import dev.campaignkeeper.core.error.NotFoundException;
import dev.campaignkeeper.core.error.ReasonCode;
import dev.campaignkeeper.core.port.Upload;
import dev.campaignkeeper.core.model.Campaign;
import dev.campaignkeeper.core.model.CampaignSettings;
import dev.campaignkeeper.core.model.ProxyTag;
import dev.campaignkeeper.core.rules.ProxyTagSyntax;
import dev.campaignkeeper.core.model.CampaignExport;
import dev.campaignkeeper.core.model.Npc;
import dev.campaignkeeper.core.model.PlayerCharacter;
import dev.campaignkeeper.core.model.UserId;
import dev.campaignkeeper.core.usecase.CampaignKeeper;
import dev.campaignkeeper.core.usecase.CampaignInfo;
import dev.campaignkeeper.core.usecase.PostContent;
import dev.campaignkeeper.core.usecase.ProxyService;
import dev.campaignkeeper.core.usecase.Spoken;
import dev.campaignkeeper.core.model.Actor;
import dev.campaignkeeper.core.model.ChannelId;
import dev.campaignkeeper.core.model.GuildId;
import dev.campaignkeeper.core.model.MessageId;
import dev.campaignkeeper.core.model.Place;
import dev.campaignkeeper.core.model.PostRecord;
import dev.campaignkeeper.core.error.InvalidInputException;
import dev.campaignkeeper.core.transcript.Transcript;
import dev.campaignkeeper.core.transcript.TranscriptFormat;
import dev.campaignkeeper.core.transcript.TranscriptStyle;
import dev.campaignkeeper.core.usecase.TranscriptService;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs commands: turns a {@link CommandRequest} into core use-case calls and answers with a
 * {@link Reply}. Refusals from the core (its exceptions) become ephemeral error replies worded by
 * {@link ReasonText} (which names the command to use next); nothing here decides who may do what.
 */
public final class CommandHandlers {

    private static final Logger LOG = LoggerFactory.getLogger(CommandHandlers.class);
    private static final int MAX_CHOICES = 25;
    private static final int MAX_CHOICE_NAME = 100;
    /**
     * The largest transcript file the bot attaches: Discord takes files up to 10 MiB per message
     * from bots in servers without boosts; this leaves room for the request around it.
     */
    public static final int MAX_TRANSCRIPT_BYTES = 8 * 1024 * 1024;

    private final CampaignKeeper keeper;
    private final ExportFormat exportFormat;
    private final UserDisplay users;
    private final TranscriptStyle transcriptStyle;
    private final RollCommand roll;
    private final ImportCommands imports;
    private final RecentImportFiles recentImports;
    private final ProxyReadiness proxyReadiness;

    /**
     * Creates the handlers; transcripts name users by id and link nothing.
     *
     * @param keeper the core use cases
     * @param exportFormat writes the export attached to {@code /campaign end} and {@code export}
     * @param users how replies refer to users
     */
    public CommandHandlers(CampaignKeeper keeper, ExportFormat exportFormat, UserDisplay users) {
        this(keeper, exportFormat, users, TranscriptStyle.plain());
    }

    /**
     * Creates the handlers.
     *
     * @param keeper the core use cases
     * @param exportFormat writes the export attached to {@code /campaign end} and {@code export}
     * @param users how replies refer to users
     * @param transcriptStyle how transcripts name users and link posts
     */
    public CommandHandlers(CampaignKeeper keeper, ExportFormat exportFormat, UserDisplay users,
                           TranscriptStyle transcriptStyle) {
        this(keeper, exportFormat, users, transcriptStyle, ProxyReadiness.READY);
    }

    /**
     * Creates the handlers.
     *
     * @param keeper the core use cases
     * @param exportFormat writes the export attached to {@code /campaign end} and {@code export}
     * @param users how replies refer to users
     * @param transcriptStyle how transcripts name users and link posts
     * @param proxyReadiness why proxy tags cannot work in a campaign channel, for the settings reply
     */
    public CommandHandlers(CampaignKeeper keeper, ExportFormat exportFormat, UserDisplay users,
                           TranscriptStyle transcriptStyle, ProxyReadiness proxyReadiness) {
        this(keeper, exportFormat, users, transcriptStyle, proxyReadiness, Clock.systemUTC());
    }

    /**
     * Creates the handlers.
     *
     * @param keeper the core use cases
     * @param exportFormat writes the export attached to {@code /campaign end} and {@code export}
     * @param users how replies refer to users
     * @param transcriptStyle how transcripts name users and link posts
     * @param proxyReadiness why proxy tags cannot work in a campaign channel, for the settings reply
     * @param clock tells when an import file read for {@code name:} suggestions expires
     */
    @Inject
    public CommandHandlers(CampaignKeeper keeper, ExportFormat exportFormat, UserDisplay users,
                           TranscriptStyle transcriptStyle, ProxyReadiness proxyReadiness, Clock clock) {
        this.proxyReadiness = Objects.requireNonNull(proxyReadiness, "proxyReadiness");
        this.keeper = Objects.requireNonNull(keeper, "keeper");
        this.exportFormat = Objects.requireNonNull(exportFormat, "exportFormat");
        this.users = Objects.requireNonNull(users, "users");
        this.transcriptStyle = Objects.requireNonNull(transcriptStyle, "transcriptStyle");
        this.roll = new RollCommand(keeper.rolls(), users);
        this.recentImports = new RecentImportFiles(clock);
        this.imports = new ImportCommands(keeper.imports(), recentImports);
    }

    /**
     * Runs one command. Never throws for a refused or failed command: the reply says what went
     * wrong.
     *
     * @param request the command
     * @return the reply
     */
    public Reply handle(CommandRequest request) {
        Objects.requireNonNull(request, "request");
        try {
            return dispatch(request);
        } catch (CampaignKeeperException e) {
            LOG.debug("/{} refused: {}", request.path(), e.getMessage());
            return Reply.error(ReasonText.of(e));
        } catch (IllegalArgumentException e) {
            LOG.debug("/{} had bad input: {}", request.path(), e.getMessage());
            return Reply.error("That input was not accepted: " + e.getMessage());
        } catch (RuntimeException e) {
            LOG.error("/{} failed unexpectedly", request.path(), e);
            return Reply.error("Something went wrong on the bot's side and nothing was changed that the error "
                    + "did not reach. The error was logged; please try again or tell the bot's admin.");
        }
    }

    /**
     * Suggestions for an autocompleted option, typed in a plain text channel with no file attached.
     *
     * @param actor who is typing
     * @param guild the guild
     * @param channel the channel
     * @param path the command path being typed
     * @param option the option being typed
     * @param typed what has been typed so far
     * @return up to 25 suggestions
     * @see #autocomplete(Actor, GuildId, Place, String, String, String, Optional)
     */
    public List<Choice> autocomplete(Actor actor, GuildId guild, ChannelId channel, String path, String option,
                                     String typed) {
        return autocomplete(actor, guild, Place.text(channel), path, option, typed, Optional.empty());
    }

    /**
     * Suggestions for an autocompleted option: the campaign's NPCs for {@code npc} of the
     * {@code /npc} commands and {@code as} of {@code /roll}; for {@code name} of
     * {@code /character import} and {@code /npc import}, the entries of the export file the user
     * last sent to one of them in this campaign (within the last 15 minutes; the file attached
     * now, if Discord describes it and the bot read it before). Nothing is downloaded. A channel
     * without a campaign, or a user who sent no file, gets no suggestions.
     *
     * @param actor who is typing
     * @param guild the guild
     * @param place where the command is typed
     * @param path the command path being typed
     * @param option the option being typed
     * @param typed what has been typed so far
     * @param file the file attached to the command's {@code file} option, if the request describes it
     * @return up to 25 suggestions
     */
    public List<Choice> autocomplete(Actor actor, GuildId guild, Place place, String path, String option,
                                     String typed, Optional<AttachedFile> file) {
        Objects.requireNonNull(file, "file");
        boolean npcOption = CommandCatalog.NPC_OPTION.equals(option) && path.startsWith("npc ");
        boolean rollAs = CommandCatalog.AS_OPTION.equals(option) && path.equals("roll");
        boolean importName = CommandCatalog.IMPORT_NAME_OPTION.equals(option)
                && (path.equals("character import") || path.equals("npc import"));
        try {
            if (importName) {
                ChannelId campaign = keeper.campaigns().campaignChannel(guild, place);
                return recentImports.suggest(guild, campaign, actor.user(), file, typed);
            }
            if (!npcOption && !rollAs) {
                return List.of();
            }
            return keeper.npcs().suggest(guild, place.channel(), typed == null ? "" : typed).stream()
                    .limit(MAX_CHOICES)
                    .map(npc -> new Choice(abbreviate(npc.name(), MAX_CHOICE_NAME), npc.id().value()))
                    .toList();
        } catch (CampaignKeeperException e) {
            return List.of();
        }
    }

    /**
     * The text of a post, to prefill the "Edit post" form.
     *
     * @param actor who wants to edit; must be the post's author
     * @param guild the guild
     * @param message any message of the post
     * @return the post's text
     * @throws CampaignKeeperException if the message is no logged post or the actor may not edit it
     */
    public String postToEdit(Actor actor, GuildId guild, MessageId message) {
        return keeper.speech().editable(actor, guild, message).text();
    }

    /**
     * Edits a post ("Edit post" form, the console's {@code /edit}).
     *
     * @param actor who edits
     * @param guild the guild
     * @param message any message of the post
     * @param text the new text
     * @return the reply
     */
    public Reply editPost(Actor actor, GuildId guild, MessageId message, String text) {
        return guarded("edit post", () -> {
            PostRecord post = keeper.speech().edit(actor, guild, message, text);
            return Reply.ephemeral("Edited your post as **" + post.speaker() + "**"
                    + (post.messages().size() > 1 ? " (" + post.messages().size() + " messages)" : "") + ".");
        });
    }

    /**
     * Deletes a post ("Delete post", the console's {@code /delete}).
     *
     * @param actor who deletes: the author, or whoever counts as the campaign's GM
     * @param guild the guild
     * @param message any message of the post
     * @return the reply
     */
    public Reply deletePost(Actor actor, GuildId guild, MessageId message) {
        return guarded("delete post", () -> {
            PostRecord post = keeper.speech().delete(actor, guild, message);
            String whose = post.author().equals(actor.user()) ? "your post" : users.show(post.author()) + "'s post";
            return Reply.ephemeral("Deleted " + whose + " as **" + post.speaker() + "**.");
        });
    }

    /**
     * Deletes a post because its author or a GM reacted with ❌; anyone else's reaction is ignored.
     *
     * @param actor who reacted
     * @param guild the guild
     * @param message the message reacted to
     * @return whether a post was deleted
     */
    public boolean deleteByReaction(Actor actor, GuildId guild, MessageId message) {
        try {
            if (keeper.speech().deletableBy(actor, guild, message).isEmpty()) {
                return false;
            }
            keeper.speech().delete(actor, guild, message);
            return true;
        } catch (RuntimeException e) {
            LOG.info("Could not delete post {} on a reaction: {}", message, e.getMessage());
            return false;
        }
    }

    /**
     * Edits the actor's latest post in the campaign covering a place (the console's {@code /edit}).
     *
     * @param request who, where; the options are ignored
     * @param text the new text
     * @return the reply
     */
    public Reply editLatest(CommandRequest request, String text) {
        return guarded("edit", () -> editPost(request.actor(), request.guild(),
                keeper.speech().latest(request.actor(), request.guild(), request.place()).id(), text));
    }

    /**
     * Deletes the actor's latest post in the campaign covering a place (the console's {@code /delete}).
     *
     * @param request who, where; the options are ignored
     * @return the reply
     */
    public Reply deleteLatest(CommandRequest request) {
        return guarded("delete", () -> deletePost(request.actor(), request.guild(),
                keeper.speech().latest(request.actor(), request.guild(), request.place()).id()));
    }

    /**
     * An ordinary (non-command) message, proxied if the core says so ({@link
     * dev.campaignkeeper.core.usecase.ProxyService#decide}): when the campaign covering the place has
     * proxy tags on and the message carries one of the author's character's tags (or, for whoever
     * counts as GM, an NPC's), or the character has autoproxy on, it is posted as that character or
     * NPC. Used by the console for its plain lines.
     *
     * @param request who, where; the options are ignored
     * @param text the message as written
     * @return the reply to the post (an error if posting failed), or empty if the message is not proxied
     */
    public Optional<Reply> proxy(CommandRequest request, String text) {
        Objects.requireNonNull(text, "text");
        ChannelId campaignChannel;
        try {
            campaignChannel = keeper.campaigns().campaignChannel(request.guild(), request.place());
        } catch (CampaignKeeperException notACampaignPlace) {
            return Optional.empty();
        }
        Optional<ProxyService.Decision> decision = keeper.proxy().decide(request.actor(), request.guild(),
                campaignChannel, text, false);
        return decision.map(chosen -> guarded("proxy", () -> {
            PostContent content = PostContent.text(chosen.text());
            Spoken spoken = chosen.npc().isPresent()
                    ? keeper.speech().sayAsNpc(request.actor(), request.guild(), request.place(),
                            chosen.npc().get().id().value(), content)
                    : keeper.speech().sayAsCharacter(request.actor(), request.guild(), request.place(), content);
            return Reply.ephemeral("Said as **" + Markdown.escape(spoken.displayName()) + "**.");
        }));
    }

    private Reply guarded(String what, java.util.function.Supplier<Reply> action) {
        try {
            return action.get();
        } catch (CampaignKeeperException e) {
            LOG.debug("{} refused: {}", what, e.getMessage());
            return Reply.error(ReasonText.of(e));
        } catch (RuntimeException e) {
            LOG.error("{} failed unexpectedly", what, e);
            return Reply.error("Something went wrong on the bot's side. The error was logged; please try again.");
        }
    }

    private Reply dispatch(CommandRequest request) {
        CommandOptions options = request.options();
        CommandRequest r = switch (request.path()) {
            case "campaign create", "say", "npc say", "roll" -> request;
            default -> request.inCampaignChannel(keeper.campaigns().campaignChannel(request.guild(), request.place()));
        };
        return dispatchIn(r, options);
    }

    private Reply dispatchIn(CommandRequest request, CommandOptions options) {
        return switch (request.path()) {
            case "campaign create" -> campaignCreate(request, options);
            case "campaign join" -> campaignJoin(request);
            case "campaign leave" -> campaignLeave(request);
            case "campaign info" -> campaignInfo(request);
            case "campaign kick" -> campaignKick(request, options);
            case "campaign transfer" -> campaignTransfer(request, options);
            case "campaign rename" -> campaignRename(request, options);
            case "campaign end" -> campaignEnd(request, options);
            case "campaign export" -> campaignExport(request);
            case "campaign log" -> campaignLog(request, options);
            case "campaign settings" -> campaignSettings(request, options);
            case "character create" -> characterCreate(request, options);
            case "character edit" -> characterEdit(request, options);
            case "character autoproxy" -> characterAutoproxy(request, options);
            case "character show" -> characterShow(request, options);
            case "character delete" -> characterDelete(request, options);
            case "character import" -> imports.character(request, options);
            case "say" -> say(request, options);
            case "npc create" -> npcCreate(request, options);
            case "npc edit" -> npcEdit(request, options);
            case "npc delete" -> npcDelete(request, options);
            case "npc list" -> npcList(request);
            case "npc import" -> imports.npcs(request, options);
            case "npc say" -> npcSay(request, options);
            case "roll" -> roll.roll(request, options);
            default -> Reply.error("Unknown command /" + request.path() + ".");
        };
    }

    // ---- /campaign ----

    private Reply campaignCreate(CommandRequest r, CommandOptions options) {
        Campaign campaign = keeper.campaigns().create(r.actor(), r.guild(), r.place(), r.channelName(),
                options.string("name"));
        return Reply.visibleToAll("The campaign **" + Markdown.escape(campaign.name()) + "** begins in this channel, run by "
                + users.show(campaign.gm()) + " as game master. Players: use `/campaign join`, then "
                + "`/character create` to make your character.");
    }

    private Reply campaignJoin(CommandRequest r) {
        Campaign campaign = keeper.campaigns().join(r.actor(), r.guild(), r.channel());
        return Reply.visibleToAll(users.show(r.actor().user()) + " joined **" + Markdown.escape(campaign.name())
                + "** as a player. Next: `/character create` to make your character.");
    }

    private Reply campaignLeave(CommandRequest r) {
        Campaign campaign = keeper.campaigns().leave(r.actor(), r.guild(), r.channel());
        return Reply.ephemeral("You left **" + Markdown.escape(campaign.name()) + "**; your character there was removed.");
    }

    private Reply campaignInfo(CommandRequest r) {
        CampaignInfo info = keeper.campaigns().info(r.guild(), r.channel());
        Campaign campaign = info.campaign();
        StringBuilder text = new StringBuilder();
        text.append("**").append(Markdown.escape(campaign.name())).append("**\n");
        text.append("Game master: ").append(users.show(campaign.gm())).append('\n');
        if (campaign.players().isEmpty()) {
            text.append("Players: none yet (`/campaign join`)\n");
        } else {
            text.append("Players (").append(campaign.players().size()).append("):\n");
            for (UserId player : campaign.players()) {
                text.append("- ").append(users.show(player));
                info.characters().stream().filter(c -> c.user().equals(player)).findFirst()
                        .ifPresentOrElse(c -> text.append(" as **").append(Markdown.escape(c.name())).append("**"),
                                () -> text.append(" (no character yet)"));
                text.append('\n');
            }
        }
        if (info.npcs().isEmpty()) {
            text.append("NPCs: none");
        } else {
            text.append("NPCs: ").append(info.npcs().stream().map(npc -> Markdown.escape(npc.name())).collect(Collectors.joining(", ")));
        }
        CampaignSettings settings = campaign.settings();
        text.append("\nSettings: proxy tags ").append(settings.proxyTags() ? "on" : "off")
                .append("; players ").append(settings.playersMayLog() ? "may" : "may not")
                .append(" get the transcript (the GM changes these with `/campaign settings`)");
        return Reply.ephemeral(text.toString());
    }

    private Reply campaignKick(CommandRequest r, CommandOptions options) {
        UserId player = options.requiredUser("user");
        Campaign campaign = keeper.campaigns().kick(r.actor(), r.guild(), r.channel(), player);
        return Reply.ephemeral("Removed " + users.show(player) + " and their character from **"
                + Markdown.escape(campaign.name()) + "**.");
    }

    private Reply campaignTransfer(CommandRequest r, CommandOptions options) {
        UserId newGm = options.requiredUser("user");
        Campaign campaign = keeper.campaigns().transferGm(r.actor(), r.guild(), r.channel(), newGm);
        return Reply.ephemeral(users.show(campaign.gm()) + " is now the game master of **" + Markdown.escape(campaign.name())
                + "**.");
    }

    private Reply campaignRename(CommandRequest r, CommandOptions options) {
        Campaign campaign = keeper.campaigns().rename(r.actor(), r.guild(), r.channel(),
                options.requiredString("name"));
        return Reply.ephemeral("The campaign is now called **" + Markdown.escape(campaign.name()) + "**.");
    }

    private Reply campaignEnd(CommandRequest r, CommandOptions options) {
        if (!options.bool("confirm").orElse(false)) {
            // who may not end it is told so first, not how to confirm something they cannot do
            keeper.campaigns().checkEnd(r.actor(), r.guild(), r.channel());
            return Reply.error("Ending a campaign deletes its roles, webhook, characters and NPCs. "
                    + "To go ahead, run `/campaign end confirm:true`; you will get an export of its data.");
        }
        CampaignExport export = keeper.campaigns().end(r.actor(), r.guild(), r.channel());
        return Reply.visibleToAll("The campaign **" + Markdown.escape(export.campaign().name()) + "** has ended. Thanks for "
                        + "playing! Its data is attached as an export.")
                .with(exportFile(export));
    }

    private Reply campaignExport(CommandRequest r) {
        CampaignExport export = keeper.campaigns().export(r.actor(), r.guild(), r.channel());
        return Reply.ephemeral("Here is **" + Markdown.escape(export.campaign().name()) + "** with " + export.characters().size()
                        + " character(s) and " + export.npcs().size() + " NPC(s).")
                .with(exportFile(export));
    }

    private Reply campaignLog(CommandRequest r, CommandOptions options) {
        keeper.transcripts().checkAllowed(r.actor(), r.guild(), r.place());
        TranscriptFormat format = options.string("format").map(name -> TranscriptFormat.named(name)
                .orElseThrow(() -> new InvalidInputException("`format` is `markdown` (the default) or `html`, not \""
                        + abbreviate(name, 40) + "\"."))).orElse(TranscriptFormat.MARKDOWN);
        Optional<MessageId> from = options.string("from").map(link -> MessageLinks.parse("from", link, r.guild()));
        Optional<MessageId> to = options.string("to").map(link -> MessageLinks.parse("to", link, r.guild()));
        Transcript transcript = keeper.transcripts().transcript(r.actor(), r.guild(), r.place(),
                new TranscriptService.Range(from, to, Optional.empty()));
        String file = format.render(transcript, transcriptStyle);
        int bytes = file.getBytes(StandardCharsets.UTF_8).length;
        if (bytes > MAX_TRANSCRIPT_BYTES) {
            return Reply.error("That transcript (" + transcript.postCount() + " posts) is "
                    + megabytes(bytes) + " MB, more than the " + megabytes(MAX_TRANSCRIPT_BYTES)
                    + " MB the bot can attach on Discord. Ask for a part of it with `from:` and `to:` message "
                    + "links (Markdown is also smaller than HTML), or ask the bot's admin for the whole one "
                    + "(`campaign-admin transcript`).");
        }
        int places = transcript.sections().size();
        return Reply.ephemeral("Here is the transcript of **" + Markdown.escape(transcript.campaignName()) + "**: "
                        + transcript.postCount() + (transcript.postCount() == 1 ? " post" : " posts")
                        + (places > 1 ? " in " + places + " places (the channel and its threads, a section each)" : "")
                        + ", as " + (format == TranscriptFormat.HTML ? "a printable HTML page" : "Markdown") + ".")
                .with(new Attachment(slug(transcript.campaignName()) + "-transcript." + format.extension(), file));
    }

    private Reply campaignSettings(CommandRequest r, CommandOptions options) {
        Optional<Boolean> playersMayLog = options.bool("players_may_log");
        Optional<Boolean> proxyTags = options.bool("proxy_tags");
        Campaign campaign = keeper.campaigns().changeSettings(r.actor(), r.guild(), r.channel(), settings -> {
            CampaignSettings changed = playersMayLog.map(settings::withPlayersMayLog).orElse(settings);
            return proxyTags.map(changed::withProxyTags).orElse(changed);
        });
        String log = campaign.settings().playersMayLog()
                ? "players may get the transcript with `/campaign log`"
                : "only the GM gets the transcript with `/campaign log` (`players_may_log:true` lets players too)";
        String proxy = campaign.settings().proxyTags()
                ? "proxy tags are on: a message written with a character's or NPC's proxy tag (or with autoproxy on) "
                        + "is reposted as that character or NPC"
                : "proxy tags are off: messages are never reposted in character (`proxy_tags:true` turns them on)";
        String problem = campaign.settings().proxyTags()
                ? proxyReadiness.problem(r.guild(), campaign.channel()).map(p -> "\n**Warning:** " + p).orElse("")
                : "";
        return Reply.ephemeral((playersMayLog.isPresent() || proxyTags.isPresent() ? "Saved. " : "")
                + "Settings of **" + Markdown.escape(campaign.name()) + "**: " + log + "; " + proxy + "." + problem);
    }

    private static String megabytes(int bytes) {
        return String.format(Locale.ROOT, "%.1f", bytes / (1024.0 * 1024.0));
    }

    private Attachment exportFile(CampaignExport export) {
        return new Attachment(slug(export.campaign().name()) + "-export.json", exportFormat.write(export));
    }

    // ---- /character ----

    private Reply characterCreate(CommandRequest r, CommandOptions options) {
        Optional<Upload> file = avatarFile(r, options);
        PlayerCharacter character = keeper.characters().create(r.actor(), r.guild(), r.channel(),
                options.requiredString("name"), avatar(options), options.string("description"));
        String kept = file.map(image -> keptAvatar(r, character.name(), image, link -> keeper.characters().edit(
                r.actor(), r.guild(), r.channel(), Optional.empty(), Optional.of(link), Optional.empty()))).orElse("");
        return Reply.ephemeral("Created your character **" + Markdown.escape(character.name()) + "**." + kept
                + " Speak as them with `/say`.");
    }

    private Reply characterEdit(CommandRequest r, CommandOptions options) {
        Optional<Upload> file = avatarFile(r, options);
        Optional<String> tagsOption = options.string(CommandCatalog.TAGS_OPTION);
        if (options.string("name").isEmpty() && options.string("avatar").isEmpty()
                && options.string("description").isEmpty() && file.isEmpty() && tagsOption.isEmpty()) {
            ownCharacter(r); // no campaign or no character: say that first
            return Reply.ephemeral("Nothing changed: give at least one of the options `name`, `avatar`, `"
                    + CommandCatalog.AVATAR_FILE_OPTION + "`, `description` or `" + CommandCatalog.TAGS_OPTION
                    + "` (`avatar:none` removes the avatar, `tags:none` the proxy tags).");
        }
        Optional<List<ProxyTag>> tags = tagsOption.map(ProxyTagSyntax::parse);
        Optional<String> avatar = avatar(options);
        if (file.isPresent()) {
            PlayerCharacter own = ownCharacter(r); // refused before the image is kept
            avatar = Optional.of(keeper.speech().keepAvatar(r.actor(), r.guild(), r.channel(),
                    options.string("name").orElse(own.name()), file.get()));
        }
        PlayerCharacter character = keeper.characters().edit(r.actor(), r.guild(), r.channel(),
                options.string("name"), avatar, options.string("description"), tags);
        return Reply.ephemeral("Updated your character **" + Markdown.escape(character.name()) + "**."
                + (file.isPresent() ? " " + AVATAR_KEPT : "")
                + (tags.isPresent() ? " " + tagsNow(r, character.proxyTags()) : ""));
    }

    private Reply characterAutoproxy(CommandRequest r, CommandOptions options) {
        boolean enabled = options.bool("enabled").orElseThrow(() -> new InvalidInputException(
                "Say `enabled:true` or `enabled:false`."));
        PlayerCharacter character = keeper.characters().setAutoproxy(r.actor(), r.guild(), r.channel(), enabled);
        String text = enabled
                ? "Autoproxy is on: every message you write in this campaign is reposted as **"
                        + Markdown.escape(character.name()) + "** (start a message with \\ to write it as yourself)."
                : "Autoproxy is off: only messages written with one of **" + Markdown.escape(character.name())
                        + "**'s proxy tags are reposted as them.";
        return Reply.ephemeral(text + proxyOffNote(r));
    }

    /** What a reply says about tags just set: what they are now, and whether they work yet. */
    private String tagsNow(CommandRequest r, List<ProxyTag> tags) {
        if (tags.isEmpty()) {
            return "Proxy tags: none.";
        }
        return "Proxy tags: " + Markdown.escape(ProxyTagSyntax.format(tags)) + " (a message written like "
                + Markdown.escape(tags.get(0).prefix() + "hello" + tags.get(0).suffix())
                + " is reposted in character)." + proxyOffNote(r);
    }

    /** Tells that tags do nothing yet when the campaign's GM has not switched them on. */
    private String proxyOffNote(CommandRequest r) {
        boolean on = keeper.campaigns().info(r.guild(), r.channel()).campaign().settings().proxyTags();
        return on ? "" : " Proxy tags are off in this campaign, so nothing is reposted yet: the GM turns them on "
                + "with `/campaign settings proxy_tags:true`.";
    }

    private Reply characterShow(CommandRequest r, CommandOptions options) {
        Optional<UserId> other = options.user("user").filter(user -> !user.equals(r.actor().user()));
        PlayerCharacter character = other.isPresent()
                ? keeper.characters().show(r.guild(), r.channel(), other.get()) : ownCharacter(r);
        StringBuilder text = new StringBuilder("**").append(Markdown.escape(character.name())).append("**, played by ")
                .append(users.show(character.user()));
        if (!character.description().isEmpty()) {
            text.append('\n').append(character.description());
        }
        character.avatarUrl().ifPresent(url -> text.append("\nAvatar: ").append(url));
        text.append("\nProxy tags: ").append(Markdown.escape(ProxyTagSyntax.format(character.proxyTags())))
                .append("; autoproxy ").append(character.autoproxy() ? "on" : "off");
        return Reply.ephemeral(text.toString());
    }

    private Reply characterDelete(CommandRequest r, CommandOptions options) {
        Optional<UserId> owner = options.user("user");
        PlayerCharacter character = keeper.characters().delete(r.actor(), r.guild(), r.channel(), owner);
        String whose = character.user().equals(r.actor().user()) ? "your character" : users.show(character.user())
                + "'s character";
        return Reply.ephemeral("Deleted " + whose + " **" + Markdown.escape(character.name()) + "**.");
    }

    // ---- /say ----

    private Reply say(CommandRequest r, CommandOptions options) {
        Spoken spoken = keeper.speech().sayAsCharacter(r.actor(), r.guild(), r.place(), content(options));
        return Reply.ephemeral(said(spoken, options));
    }

    /** What a post command posts: its text (possibly from the modal), title and image. */
    private static PostContent content(CommandOptions options) {
        return new PostContent(options.string("text").orElse(""), options.string("title"), options.upload("image"));
    }

    /** The reply to a post: as whom, how many messages, where. */
    private static String said(Spoken spoken, CommandOptions options) {
        StringBuilder text = new StringBuilder("Said as **").append(Markdown.escape(spoken.displayName())).append("**");
        if (spoken.messageCount() > 1) {
            text.append(" in ").append(spoken.messageCount()).append(" messages (the post was longer than one "
                    + "Discord message)");
        }
        options.string("title").ifPresent(title -> text.append(", starting the forum post **")
                .append(spoken.post().thread().map(t -> "<#" + t.value() + ">").orElse(title)).append("**"));
        if (options.upload("image").isPresent()) {
            text.append(", with the image");
        }
        return text.append('.').toString();
    }

    // ---- /npc ----

    private Reply npcCreate(CommandRequest r, CommandOptions options) {
        Optional<Upload> file = avatarFile(r, options);
        Npc npc = keeper.npcs().create(r.actor(), r.guild(), r.channel(), options.requiredString("name"),
                avatar(options));
        String kept = file.map(image -> keptAvatar(r, npc.name(), image, link -> keeper.npcs().edit(r.actor(),
                r.guild(), r.channel(), npc.id().value(), Optional.empty(), Optional.of(link)))).orElse("");
        return Reply.ephemeral("Created the NPC **" + Markdown.escape(npc.name()) + "**." + kept
                + " Speak as them with `/npc say`.");
    }

    private Reply npcEdit(CommandRequest r, CommandOptions options) {
        Optional<Upload> file = avatarFile(r, options);
        Optional<List<ProxyTag>> tags = options.string(CommandCatalog.TAGS_OPTION).map(ProxyTagSyntax::parse);
        Npc npc = keeper.npcs().edit(r.actor(), r.guild(), r.channel(),
                options.requiredString(CommandCatalog.NPC_OPTION), options.string("name"), avatar(options), tags);
        Npc edited = npc; // the edit above refused whoever may not edit it, before the image is kept
        String kept = file.map(image -> keptAvatar(r, edited.name(), image, link -> keeper.npcs().edit(r.actor(),
                r.guild(), r.channel(), edited.id().value(), Optional.empty(), Optional.of(link)))).orElse("");
        return Reply.ephemeral("Updated the NPC **" + Markdown.escape(npc.name()) + "**." + kept
                + (tags.isPresent() ? " " + tagsNow(r, npc.proxyTags()) : ""));
    }

    private Reply npcDelete(CommandRequest r, CommandOptions options) {
        Npc npc = keeper.npcs().delete(r.actor(), r.guild(), r.channel(),
                options.requiredString(CommandCatalog.NPC_OPTION));
        return Reply.ephemeral("Deleted the NPC **" + Markdown.escape(npc.name()) + "**.");
    }

    private Reply npcList(CommandRequest r) {
        List<Npc> npcs = keeper.npcs().list(r.guild(), r.channel());
        if (npcs.isEmpty()) {
            return Reply.ephemeral("This campaign has no NPCs yet. The GM creates them with `/npc create`.");
        }
        return Reply.ephemeral("NPCs (" + npcs.size() + "):\n" + npcs.stream()
                .map(npc -> "- **" + Markdown.escape(npc.name()) + "** (id `" + npc.id().value() + "`"
                        + (npc.proxyTags().isEmpty() ? "" : ", proxy tags "
                                + Markdown.escape(ProxyTagSyntax.format(npc.proxyTags()))) + ")")
                .collect(Collectors.joining("\n")));
    }

    private Reply npcSay(CommandRequest r, CommandOptions options) {
        Spoken spoken = keeper.speech().sayAsNpc(r.actor(), r.guild(), r.place(),
                options.requiredString(CommandCatalog.NPC_OPTION), content(options));
        return Reply.ephemeral(said(spoken, options));
    }

    // ---- helpers ----

    /** The actor's own character here; refused with "you have no character" when there is none. */
    private PlayerCharacter ownCharacter(CommandRequest r) {
        keeper.campaigns().info(r.guild(), r.channel()); // no campaign: the core says so
        try {
            return keeper.characters().show(r.guild(), r.channel(), r.actor().user());
        } catch (NotFoundException e) {
            throw new NotFoundException(ReasonCode.NO_OWN_CHARACTER, Map.of());
        }
    }

    /** What the reply adds when an uploaded avatar was kept. */
    private static final String AVATAR_KEPT = "The uploaded image is the avatar now; the bot keeps a copy (on "
            + "Discord in a direct message to you: deleting that message removes the avatar).";

    /** The avatar file option; refused when an avatar link is given too (after "no campaign here"). */
    private Optional<Upload> avatarFile(CommandRequest r, CommandOptions options) {
        Optional<Upload> file = options.upload(CommandCatalog.AVATAR_FILE_OPTION);
        if (file.isPresent() && options.string("avatar").isPresent()) {
            keeper.campaigns().info(r.guild(), r.channel()); // no campaign: the core says so first
            throw new InvalidInputException("Give the avatar as a link (`avatar`) or as a file (`"
                    + CommandCatalog.AVATAR_FILE_OPTION + "`), not both.");
        }
        return file;
    }

    /**
     * Keeps an uploaded avatar for a character or NPC just created or edited, and stores its link;
     * says what happened (a failure leaves the avatar as it was and says why; the rest stands).
     */
    private String keptAvatar(CommandRequest r, String whose, Upload image, java.util.function.Consumer<String> store) {
        try {
            store.accept(keeper.speech().keepAvatar(r.actor(), r.guild(), r.channel(), whose, image));
            return " " + AVATAR_KEPT;
        } catch (CampaignKeeperException e) {
            LOG.info("An uploaded avatar for {} was not kept: {}", whose, e.getMessage());
            return " The uploaded avatar could not be kept, so the avatar is as it was: " + e.getMessage();
        }
    }

    /** Avatar option: absent = unchanged; the word "none" (or "-") = remove, passed on as blank. */
    private static Optional<String> avatar(CommandOptions options) {
        return options.string("avatar").map(value -> {
            String trimmed = value.trim();
            return trimmed.equalsIgnoreCase("none") || trimmed.equals("-") ? "" : value;
        });
    }

    static String slug(String name) {
        String slug = name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-+|-+$)", "");
        if (slug.length() > 40) {
            slug = slug.substring(0, 40).replaceAll("-+$", "");
        }
        return slug.isEmpty() ? "campaign" : slug;
    }

    private static String abbreviate(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }
}
