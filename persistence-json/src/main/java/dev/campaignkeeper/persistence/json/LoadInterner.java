package dev.campaignkeeper.persistence.json;

import dev.campaignkeeper.core.model.NpcId;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Shares equal values read from one snapshot file: names, descriptions, avatar URLs (with their
 * {@link Optional}) and NPC ids that many records repeat ("A sellsword from the north.", the
 * default avatar, {@code npc1}) are kept once instead of once per record. Each table stops
 * growing at {@link #LIMIT} entries, so a file of unique values costs a bounded map for the
 * length of the load and nothing after it. Not thread-safe: one per file being read.
 */
final class LoadInterner {

    /** Entries per table; values first seen after that are kept as read. */
    static final int LIMIT = 1 << 15;
    /** Longer texts are rarely repeated and not worth a table entry. */
    private static final int MAX_LENGTH = 256;

    private final Map<String, String> texts = new HashMap<>();
    private final Map<String, Optional<String>> avatars = new HashMap<>();
    private final Map<String, NpcId> npcIds = new HashMap<>();

    String text(String text) {
        if (text.length() > MAX_LENGTH) {
            return text;
        }
        String known = texts.get(text);
        if (known != null) {
            return known;
        }
        if (texts.size() < LIMIT) {
            texts.put(text, text);
        }
        return text;
    }

    /** The avatar of a non-empty URL. */
    Optional<String> avatar(String url) {
        Optional<String> known = avatars.get(url);
        if (known != null) {
            return known;
        }
        Optional<String> avatar = Optional.of(url);
        if (avatars.size() < LIMIT && url.length() <= MAX_LENGTH) {
            avatars.put(url, avatar);
        }
        return avatar;
    }

    /** The NPC id; throws like {@link NpcId#of} for an invalid one. */
    NpcId npcId(String text) {
        NpcId known = npcIds.get(text);
        if (known != null) {
            return known;
        }
        NpcId id = NpcId.of(text);
        if (npcIds.size() < LIMIT) {
            npcIds.put(text, id);
        }
        return id;
    }
}
