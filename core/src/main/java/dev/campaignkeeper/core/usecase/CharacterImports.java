package dev.campaignkeeper.core.usecase;

import static dev.campaignkeeper.core.usecase.CampaignAccess.requireCampaign;
import static dev.campaignkeeper.core.usecase.CampaignAccess.requireGm;

import dev.campaignkeeper.core.error.ConflictException;
import dev.campaignkeeper.core.error.InvalidInputException;
import dev.campaignkeeper.core.error.LimitReachedException;
import dev.campaignkeeper.core.error.NotFoundException;
import dev.campaignkeeper.core.error.NotPermittedException;
import dev.campaignkeeper.core.imports.ImportedCharacter;
import dev.campaignkeeper.core.imports.ImportedFile;
import dev.campaignkeeper.core.imports.ImportedTag;
import dev.campaignkeeper.core.model.Actor;
import dev.campaignkeeper.core.model.Campaign;
import dev.campaignkeeper.core.model.ChannelId;
import dev.campaignkeeper.core.model.GuildId;
import dev.campaignkeeper.core.model.GuildState;
import dev.campaignkeeper.core.model.Npc;
import dev.campaignkeeper.core.model.NpcId;
import dev.campaignkeeper.core.model.PlayerCharacter;
import dev.campaignkeeper.core.model.ProxyTag;
import dev.campaignkeeper.core.model.RecordChange;
import dev.campaignkeeper.core.model.UserId;
import dev.campaignkeeper.core.port.CampaignStore;
import dev.campaignkeeper.core.port.Update;
import dev.campaignkeeper.core.rules.InputRules;
import dev.campaignkeeper.core.rules.Limits;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Imports characters from another proxy bot's export file (already parsed into an
 * {@link ImportedFile}): one as the player's character (created, or replacing the one they have),
 * or any number as NPCs (GM only, within the NPC limit).
 *
 * <p>Every value goes through {@link InputRules}. A name the rules refuse refuses the whole
 * import; an avatar link they refuse is left out (the character is imported without an avatar); a
 * description longer than allowed is cut to the longest allowed. Both are said in the outcome's
 * notes. Everything is checked before anything is written, and what is written goes in one store
 * update, so an import is never partial.
 */
public final class CharacterImports {

    /** Largest export file imported, in bytes (8 MiB; PluralKit files carry a system's switch history). */
    public static final int MAX_FILE_BYTES = 8 * 1024 * 1024;
    /** Most entry names quoted in a message that lists a file's entries. */
    static final int MAX_LISTED = 25;

    private final CampaignStore store;
    private final Limits limits;

    /**
     * Creates the use case.
     *
     * @param store where characters and NPCs live
     * @param limits the limit on NPCs per campaign
     */
    public CharacterImports(CampaignStore store, Limits limits) {
        this.store = Objects.requireNonNull(store, "store");
        this.limits = Objects.requireNonNull(limits, "limits");
    }

    /**
     * Checks the size of an export file before it is read.
     *
     * @param fileName the file's name, for the message
     * @param size its size in bytes
     * @throws InvalidInputException if it is larger than {@link #MAX_FILE_BYTES}
     */
    public static void checkFileSize(String fileName, long size) {
        if (size > MAX_FILE_BYTES) {
            throw new InvalidInputException("The file \"" + CampaignAccess.shorten(InputRules.clean(fileName, false))
                    + "\" is " + (size + 1024 * 1024 - 1) / (1024 * 1024) + " MB; the bot imports export files of up to "
                    + MAX_FILE_BYTES / (1024 * 1024) + " MB. Nothing was imported.");
        }
    }

    /**
     * Creates the actor's character in the campaign of a channel from one entry of an export file,
     * or replaces the character they have there.
     *
     * @param actor the player
     * @param guild the guild
     * @param channel the campaign's channel
     * @param file the parsed export file
     * @param pick the entry's name (or display name), needed when the file has several entries
     * @return the stored character and what was left out
     * @throws InvalidInputException if the file is empty, several entries match or none is picked,
     *     or the entry's name breaks the rules
     * @throws NotFoundException if the channel has no campaign, or no entry has the picked name
     * @throws NotPermittedException if the actor is not a player of the campaign
     */
    public ImportOutcome<PlayerCharacter> importCharacter(Actor actor, GuildId guild, ChannelId channel,
                                                          ImportedFile file, Optional<String> pick) {
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(guild, "guild");
        Objects.requireNonNull(channel, "channel");
        UserId user = actor.user();
        // who may not import is told so before anything about the file
        requirePlayer(requireCampaign(store.guild(guild), channel), user);
        ImportedCharacter entry = pickOne(file, Objects.requireNonNull(pick, "pick"));
        List<String> notes = new ArrayList<>();
        String name = checkedName(entry, "character name");
        Optional<String> avatar = avatar(entry, name, notes);
        String description = description(entry, name, notes);
        List<ProxyTag> tags = tags(entry, name, notes);
        Stored stored = store.update(guild, current -> {
            requirePlayer(requireCampaign(current, channel), user);
            Optional<PlayerCharacter> old = current.character(channel, user);
            List<String> tagNotes = new ArrayList<>();
            List<ProxyTag> free = freeTags(tags, name, CampaignAccess.tagOwners(current, channel, Optional.of(user),
                    Optional.empty()), tagNotes);
            PlayerCharacter imported = new PlayerCharacter(guild, user, channel, name, avatar, description, free,
                    old.map(PlayerCharacter::autoproxy).orElse(false));
            return Update.of(new Stored(imported, old, tagNotes),
                    new RecordChange.PutCharacter(imported));
        });
        notes.addAll(stored.tagNotes());
        stored.replaced().ifPresent(old -> notes.add(0, "It replaces the earlier character \""
                + CampaignAccess.shorten(old.name()) + "\"."));
        return new ImportOutcome<>(stored.character(), notes);
    }

    /**
     * Creates NPCs in the campaign of a channel from an export file: every entry, or the one
     * picked by name (GM only). Either all of them are created or none.
     *
     * @param actor who imports; must count as GM; recorded as their creator
     * @param guild the guild
     * @param channel the campaign's channel
     * @param file the parsed export file
     * @param pick one entry's name (or display name) to import only that one; empty for all
     * @return the new NPCs in file order and what was left out
     * @throws InvalidInputException if the file is empty, a name breaks the rules or two entries
     *     have the same name
     * @throws NotFoundException if the channel has no campaign, or no entry has the picked name
     * @throws NotPermittedException if the actor is not a GM
     * @throws ConflictException if the campaign already has an NPC of one of the names
     * @throws LimitReachedException if the NPCs would not fit in the campaign's NPC limit
     */
    public ImportOutcome<List<Npc>> importNpcs(Actor actor, GuildId guild, ChannelId channel, ImportedFile file,
                                               Optional<String> pick) {
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(guild, "guild");
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(file, "file");
        requireGm(actor, requireCampaign(store.guild(guild), channel), "import NPCs");
        List<ImportedCharacter> entries = Objects.requireNonNull(pick, "pick").isPresent()
                ? List.of(pickOne(file, pick)) : requireEntries(file);
        List<String> notes = new ArrayList<>();
        List<String> names = new ArrayList<>();
        List<Optional<String>> avatars = new ArrayList<>();
        List<List<ProxyTag>> tagLists = new ArrayList<>();
        Map<String, String> seen = new HashMap<>();
        for (ImportedCharacter entry : entries) {
            String name = checkedName(entry, "NPC name");
            String earlier = seen.putIfAbsent(CampaignAccess.nameKey(name), name);
            if (earlier != null) {
                throw new InvalidInputException("The file has two entries named \"" + CampaignAccess.shorten(name)
                        + "\" (NPC names are compared ignoring case), and NPC names must differ. Nothing was"
                        + " imported; rename one in the file, or import one of them by its name.");
            }
            names.add(name);
            avatars.add(avatar(entry, name, notes));
            tagLists.add(tags(entry, name, notes));
            if (entry.description().filter(text -> !InputRules.clean(text, true).isEmpty()).isPresent()) {
                notes.add("NPCs have no description, so the description of \"" + CampaignAccess.shorten(name)
                        + "\" was left out.");
            }
        }
        CreatedNpcs result = store.update(guild, current -> {
            Campaign campaign = requireCampaign(current, channel);
            requireGm(actor, campaign, "import NPCs");
            List<String> clashes = new ArrayList<>();
            for (String name : names) {
                CampaignAccess.sameName(current, channel, name, Optional.empty())
                        .ifPresent(npc -> clashes.add("\"" + CampaignAccess.shorten(npc.name()) + "\""));
            }
            if (!clashes.isEmpty()) {
                throw new ConflictException("This campaign already has " + (clashes.size() == 1 ? "an NPC named "
                        : "NPCs named ") + String.join(", ", clashes) + " (names are compared ignoring case). "
                        + "Nothing was imported; rename or delete " + (clashes.size() == 1 ? "that NPC" : "those NPCs")
                        + " first, or import the others one by one by name.");
            }
            int count = current.npcsIn(channel).size();
            int room = Math.max(0, limits.npcsPerCampaign() - count);
            if (names.size() > room) {
                throw new LimitReachedException("The file has " + names.size() + (names.size() == 1 ? " entry" : " entries")
                        + ", but this campaign has " + count + " of at most " + limits.npcsPerCampaign()
                        + " NPCs, so " + (room == 0 ? "no more fit" : "only " + room + " more fit")
                        + ". Nothing was imported; delete some NPCs first, or import fewer by name.");
            }
            Set<NpcId> taken = new HashSet<>();
            List<Npc> created = new ArrayList<>();
            List<RecordChange> changes = new ArrayList<>();
            List<String> tagNotes = new ArrayList<>();
            Map<ProxyTag, String> owners = CampaignAccess.tagOwners(current, channel, Optional.empty(),
                    Optional.empty());
            for (int i = 0; i < names.size(); i++) {
                NpcId id = freshId(current, channel, taken);
                List<ProxyTag> free = freeTags(tagLists.get(i), names.get(i), owners, tagNotes);
                String owner = "the NPC \"" + names.get(i) + "\"";
                free.forEach(tag -> owners.putIfAbsent(tag, owner));
                Npc npc = new Npc(guild, channel, id, names.get(i), avatars.get(i), actor.user(), free);
                created.add(npc);
                changes.add(new RecordChange.PutNpc(npc));
            }
            return new Update<>(changes, new CreatedNpcs(List.copyOf(created), List.copyOf(tagNotes)));
        });
        notes.addAll(result.tagNotes());
        return new ImportOutcome<>(result.npcs(), notes);
    }

    private static void requirePlayer(Campaign campaign, UserId user) {
        if (!campaign.hasPlayer(user)) {
            if (campaign.gm().equals(user)) {
                throw new NotPermittedException("You are this campaign's GM; the GM has no character. "
                        + "Import the file as NPCs instead.");
            }
            throw new NotPermittedException("Only players of this campaign can import a character. "
                    + "Join the campaign first.");
        }
    }

    /** What the character update stored, the character it replaced, and the tags it left out. */
    private record Stored(PlayerCharacter character, Optional<PlayerCharacter> replaced, List<String> tagNotes) {
    }

    /** What the NPC update created, and the tags it left out. */
    private record CreatedNpcs(List<Npc> npcs, List<String> tagNotes) {
    }

    /**
     * The tags no other character or NPC of the campaign has: a tag belongs to one speaker of a
     * campaign, so a taken one is left out, and a note says whose it is.
     */
    private static List<ProxyTag> freeTags(List<ProxyTag> tags, String name, Map<ProxyTag, String> owners,
                                           List<String> notes) {
        List<ProxyTag> free = new ArrayList<>();
        for (ProxyTag tag : tags) {
            String owner = owners.get(tag);
            if (owner == null) {
                free.add(tag);
            } else {
                notes.add("The proxy tag " + tag.display() + " of \"" + CampaignAccess.shorten(name)
                        + "\" was left out: it already belongs to " + CampaignAccess.shorten(owner)
                        + " in this campaign.");
            }
        }
        return List.copyOf(free);
    }

    private static NpcId freshId(GuildState state, ChannelId channel, Set<NpcId> taken) {
        NpcId id = NpcId.generate();
        while (state.npc(channel, id).isPresent() || !taken.add(id)) {
            id = NpcId.generate();
        }
        return id;
    }

    private static List<ImportedCharacter> requireEntries(ImportedFile file) {
        if (file.entries().isEmpty()) {
            throw new InvalidInputException("The " + file.format() + " file has no characters in it, so there is "
                    + "nothing to import.");
        }
        return file.entries();
    }

    /**
     * The entry a name picks (its name or display name, cleaned, ignoring case), or the only one.
     */
    private static ImportedCharacter pickOne(ImportedFile file, Optional<String> pick) {
        Objects.requireNonNull(file, "file");
        List<ImportedCharacter> entries = requireEntries(file);
        Optional<String> wanted = pick.map(raw -> InputRules.clean(raw, false)).filter(raw -> !raw.isEmpty());
        if (wanted.isEmpty()) {
            if (entries.size() == 1) {
                return entries.get(0);
            }
            throw new InvalidInputException("The " + file.format() + " file has " + entries.size()
                    + " characters: " + listNames(entries) + ". Say which one to import by its name.");
        }
        String key = CampaignAccess.nameKey(wanted.get());
        List<ImportedCharacter> matches = entries.stream().filter(entry -> keyOf(entry.name()).equals(key)).toList();
        if (matches.isEmpty()) {
            matches = entries.stream()
                    .filter(entry -> entry.displayName().map(CharacterImports::keyOf).filter(key::equals).isPresent())
                    .toList();
        }
        if (matches.size() > 1) {
            throw new InvalidInputException("The file has " + matches.size() + " characters named \""
                    + CampaignAccess.shorten(wanted.get()) + "\", so the bot cannot tell which one to import. "
                    + "Rename one in the file and try again.");
        }
        if (matches.isEmpty()) {
            throw new NotFoundException("The " + file.format() + " file has no character named \""
                    + CampaignAccess.shorten(wanted.get()) + "\". It has: " + listNames(entries) + ".");
        }
        return matches.get(0);
    }

    private static String keyOf(String raw) {
        return CampaignAccess.nameKey(InputRules.clean(raw, false));
    }

    /** The entries' names, quoted, at most {@value #MAX_LISTED} and a count of the rest. */
    static String listNames(List<ImportedCharacter> entries) {
        StringBuilder text = new StringBuilder();
        int shown = Math.min(entries.size(), MAX_LISTED);
        for (int i = 0; i < shown; i++) {
            if (i > 0) {
                text.append(", ");
            }
            String name = InputRules.clean(entries.get(i).name(), false);
            text.append('"').append(CampaignAccess.shorten(name.isEmpty() ? "(no name)" : name)).append('"');
        }
        if (entries.size() > shown) {
            text.append(" and ").append(entries.size() - shown).append(" more");
        }
        return text.toString();
    }

    private static String checkedName(ImportedCharacter entry, String what) {
        try {
            return InputRules.name(entry.shownName(), what);
        } catch (InvalidInputException e) {
            String raw = InputRules.clean(entry.name(), false);
            throw new InvalidInputException("The entry \"" + CampaignAccess.shorten(raw.isEmpty() ? "(no name)" : raw)
                    + "\" cannot be imported: " + e.getMessage() + " Nothing was imported.", e);
        }
    }

    private static Optional<String> avatar(ImportedCharacter entry, String name, List<String> notes) {
        if (entry.avatarUrl().isEmpty()) {
            return Optional.empty();
        }
        try {
            return InputRules.avatarUrl(entry.avatarUrl().get());
        } catch (InvalidInputException e) {
            notes.add("The avatar link of \"" + CampaignAccess.shorten(name) + "\" was not accepted, so it was imported"
                    + " without an avatar: " + e.getMessage());
            return Optional.empty();
        }
    }

    /**
     * The entry's proxy tags by the rules: a tag they refuse is left out, a repeated one dropped,
     * and beyond {@link InputRules#MAX_PROXY_TAGS} the rest left out, each said in a note.
     */
    private static List<ProxyTag> tags(ImportedCharacter entry, String name, List<String> notes) {
        List<ProxyTag> kept = new ArrayList<>();
        int over = 0;
        for (ImportedTag raw : entry.tags()) {
            ProxyTag tag;
            try {
                tag = InputRules.proxyTag(raw.prefix(), raw.suffix());
            } catch (InvalidInputException e) {
                notes.add("A proxy tag of \"" + CampaignAccess.shorten(name) + "\" was left out: " + e.getMessage());
                continue;
            }
            if (kept.contains(tag)) {
                continue;
            }
            if (kept.size() == InputRules.MAX_PROXY_TAGS) {
                over++;
                continue;
            }
            kept.add(tag);
        }
        if (over > 0) {
            notes.add("\"" + CampaignAccess.shorten(name) + "\" has more than " + InputRules.MAX_PROXY_TAGS
                    + " proxy tags, so only the first " + InputRules.MAX_PROXY_TAGS + " were kept (" + over
                    + " left out).");
        }
        return List.copyOf(kept);
    }

    private static String description(ImportedCharacter entry, String name, List<String> notes) {
        String text = InputRules.clean(entry.description().orElse(""), true);
        int length = text.codePointCount(0, text.length());
        if (length <= InputRules.MAX_DESCRIPTION_LENGTH) {
            return InputRules.description(text);
        }
        notes.add("The description of \"" + CampaignAccess.shorten(name) + "\" was " + length
                + " characters long, so only its first " + InputRules.MAX_DESCRIPTION_LENGTH + " were kept.");
        return InputRules.description(text.substring(0, text.offsetByCodePoints(0, InputRules.MAX_DESCRIPTION_LENGTH)));
    }
}
