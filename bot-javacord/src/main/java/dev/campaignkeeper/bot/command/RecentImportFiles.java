package dev.campaignkeeper.bot.command;

import dev.campaignkeeper.core.imports.ImportedCharacter;
import dev.campaignkeeper.core.imports.ImportedFile;
import dev.campaignkeeper.core.model.ChannelId;
import dev.campaignkeeper.core.model.GuildId;
import dev.campaignkeeper.core.model.UserId;
import dev.campaignkeeper.core.rules.InputRules;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The export files with several entries that users recently sent to {@code /character import} or
 * {@code /npc import}, so that the commands' {@code name} option can suggest the entries while the
 * command is typed again. Discord does not promise to hand the bot an attached file during
 * autocomplete, and an answer must come within three seconds, so suggestions come from files the
 * bot already read in an earlier run of the command, never from a download.
 *
 * <p>Files are remembered per user and campaign channel, in memory only (a restart forgets them),
 * and bounded: at most {@value #FILES_PER_PLACE} files per user and channel, at most
 * {@link #MAX_PLACES} users and channels (the one remembered longest ago is dropped first), and
 * each file is forgotten {@link #LIFETIME} after it was read. Safe for concurrent use.
 */
final class RecentImportFiles {

    /** Most user and channel pairs remembered at once. */
    static final int MAX_PLACES = 500;
    /** Most files remembered per user and channel. */
    static final int FILES_PER_PLACE = 3;
    /** How long a file is remembered after it was read. */
    static final Duration LIFETIME = Duration.ofMinutes(15);
    /** Most suggestions in one answer (Discord's limit). */
    static final int MAX_SUGGESTIONS = 25;
    /** Longest suggestion label (Discord's limit). */
    private static final int MAX_LABEL = 100;

    private record Key(GuildId guild, ChannelId channel, UserId user) {
    }

    private record Remembered(AttachedFile attached, ImportedFile file, Instant read) {
    }

    private final Clock clock;
    private final int maxPlaces;
    /** In the order remembered: the eldest first. */
    private final LinkedHashMap<Key, List<Remembered>> files = new LinkedHashMap<>();

    /**
     * A store holding at most {@link #MAX_PLACES} users and channels.
     *
     * @param clock tells when a file was read and when it expires
     */
    RecentImportFiles(Clock clock) {
        this(clock, MAX_PLACES);
    }

    /**
     * A store holding at most {@code maxPlaces} users and channels.
     *
     * @param clock tells when a file was read and when it expires
     * @param maxPlaces at least 1
     */
    RecentImportFiles(Clock clock, int maxPlaces) {
        this.clock = Objects.requireNonNull(clock, "clock");
        if (maxPlaces < 1) {
            throw new IllegalArgumentException("maxPlaces must be at least 1: " + maxPlaces);
        }
        this.maxPlaces = maxPlaces;
    }

    /**
     * Remembers a file a user sent in a campaign channel. The same file (same name and size) sent
     * again replaces the earlier copy.
     *
     * @param guild the guild
     * @param channel the campaign channel
     * @param user who sent it
     * @param attached the file's name and size
     * @param file its parsed entries
     */
    synchronized void remember(GuildId guild, ChannelId channel, UserId user, AttachedFile attached,
                               ImportedFile file) {
        Objects.requireNonNull(attached, "attached");
        Objects.requireNonNull(file, "file");
        Instant now = clock.instant();
        expire(now);
        Key key = new Key(guild, channel, user);
        List<Remembered> earlier = files.remove(key); // put back last: remembered most recently
        List<Remembered> kept = new ArrayList<>();
        kept.add(new Remembered(attached, file, now));
        if (earlier != null) {
            earlier.stream().filter(old -> !old.attached().equals(attached))
                    .limit(FILES_PER_PLACE - 1L).forEach(kept::add);
        }
        files.put(key, List.copyOf(kept));
        Iterator<Map.Entry<Key, List<Remembered>>> eldest = files.entrySet().iterator();
        while (files.size() > maxPlaces) {
            eldest.next();
            eldest.remove();
        }
    }

    /**
     * The remembered file a user would pick from: the one attached again, if the bot read a file
     * of that name and size, else the one read last.
     *
     * @param guild the guild
     * @param channel the campaign channel
     * @param user who is typing
     * @param attached the file attached to the command being typed, if Discord said
     * @return the file, empty if none is remembered (or all expired)
     */
    synchronized Optional<ImportedFile> file(GuildId guild, ChannelId channel, UserId user,
                                             Optional<AttachedFile> attached) {
        Objects.requireNonNull(attached, "attached");
        List<Remembered> remembered = files.get(new Key(guild, channel, user));
        if (remembered == null) {
            return Optional.empty();
        }
        Instant oldest = clock.instant().minus(LIFETIME);
        List<Remembered> fresh = remembered.stream().filter(r -> r.read().isAfter(oldest)).toList();
        return fresh.stream().filter(r -> attached.filter(r.attached()::equals).isPresent()).findFirst()
                .or(() -> fresh.stream().findFirst())
                .map(Remembered::file);
    }

    /**
     * Suggestions for the {@code name} option: the entries of the remembered file ({@link #file})
     * whose name or display name contains what was typed, ignoring case, those starting with it
     * first, in file order, at most {@value #MAX_SUGGESTIONS}.
     *
     * @param guild the guild
     * @param channel the campaign channel
     * @param user who is typing
     * @param attached the file attached to the command being typed, if Discord said
     * @param typed what has been typed so far
     * @return the suggestions, empty when nothing is remembered for this user here
     */
    List<Choice> suggest(GuildId guild, ChannelId channel, UserId user, Optional<AttachedFile> attached,
                         String typed) {
        Optional<ImportedFile> file = file(guild, channel, user, attached);
        if (file.isEmpty()) {
            return List.of();
        }
        String key = key(typed == null ? "" : typed);
        List<Choice> starting = new ArrayList<>();
        List<Choice> containing = new ArrayList<>();
        Set<String> values = new HashSet<>();
        for (ImportedCharacter entry : file.get().entries()) {
            String name = InputRules.clean(entry.name(), false);
            Optional<String> shown = entry.displayName().map(raw -> InputRules.clean(raw, false))
                    .filter(display -> !display.isEmpty() && !key(display).equals(key(name)));
            // the value is what name: receives; the import picks by name, else by display name
            Optional<String> value = name.isEmpty() || name.length() > InputRules.MAX_NAME_LENGTH
                    ? shown.filter(display -> display.length() <= InputRules.MAX_NAME_LENGTH) : Optional.of(name);
            if (value.isEmpty() || !values.add(key(value.get()))) {
                continue;
            }
            boolean starts = key(name).startsWith(key) || shown.map(s -> key(s).startsWith(key)).orElse(false);
            boolean contains = key(name).contains(key) || shown.map(s -> key(s).contains(key)).orElse(false);
            if (!contains) {
                continue;
            }
            String label = name.isEmpty() ? shown.orElseThrow() : shown.map(s -> name + " (" + s + ")").orElse(name);
            (starts ? starting : containing).add(new Choice(abbreviate(label), value.get()));
        }
        starting.addAll(containing);
        return List.copyOf(starting.subList(0, Math.min(starting.size(), MAX_SUGGESTIONS)));
    }

    /**
     * How many users and channels have files remembered, expired ones included until the next
     * {@link #remember}.
     *
     * @return the count
     */
    synchronized int size() {
        return files.size();
    }

    private void expire(Instant now) {
        Instant oldest = now.minus(LIFETIME);
        Iterator<Map.Entry<Key, List<Remembered>>> all = files.entrySet().iterator();
        while (all.hasNext()) {
            Map.Entry<Key, List<Remembered>> entry = all.next();
            List<Remembered> fresh = entry.getValue().stream().filter(r -> r.read().isAfter(oldest)).toList();
            if (fresh.isEmpty()) {
                all.remove();
            } else if (fresh.size() < entry.getValue().size()) {
                entry.setValue(fresh);
            }
        }
    }

    private static String key(String text) {
        return InputRules.clean(text, false).toLowerCase(Locale.ROOT);
    }

    private static String abbreviate(String text) {
        return text.length() <= MAX_LABEL ? text : text.substring(0, MAX_LABEL - 1) + "…";
    }
}
