package dev.campaignkeeper.persistence.json;

import dev.campaignkeeper.core.model.NpcId;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Shares equal values read from one snapshot file: names, descriptions, avatar URLs (with their
 * {@link Optional}) and NPC ids that many records repeat ("A sellsword from the north.", the
 * default avatar, {@code npc1}) are kept once instead of once per record. Each table stops
 * growing at {@link #LIMIT} entries, so a file of unique values costs a bounded map for the
 * length of the load and nothing after it. A full table then watches the next {@link #PROBE}
 * values: if fewer than one in {@link #WORTH} was already in it, the file's values of that kind
 * are unique and looking them up only costs time (a hash of each and a miss in a big table), so
 * the rest are kept as read. Not thread-safe: one per file being read.
 */
final class LoadInterner {

    /** Entries per table; values first seen after that are kept as read. */
    static final int LIMIT = 1 << 15;
    /** Values a full table is watched for before it decides whether it is worth looking in. */
    static final int PROBE = 1 << 12;
    /** A full table stays in use while at least one value in this many was found in it. */
    static final int WORTH = 16;
    /** Longer texts are rarely repeated and not worth a table entry. */
    private static final int MAX_LENGTH = 256;

    /** One kind of value's table and whether it still pays to look in it. */
    private static final class Table<V> {
        private final Map<String, V> values = new HashMap<>();
        private int watched;
        private int found;
        private boolean useless;

        V share(String text, Function<String, V> make) {
            if (useless) {
                return make.apply(text);
            }
            V known = values.get(text);
            if (values.size() >= LIMIT && watched < PROBE) {
                watched++;
                found += known != null ? 1 : 0;
                if (watched == PROBE && found * WORTH < PROBE) {
                    useless = true;
                    values.clear();
                }
            }
            if (known != null) {
                return known;
            }
            V value = make.apply(text);
            if (!useless && values.size() < LIMIT) {
                values.put(text, value);
            }
            return value;
        }

        boolean inUse() {
            return !useless;
        }
    }

    private final Table<String> texts = new Table<>();
    private final Table<Optional<String>> avatars = new Table<>();
    private final Table<NpcId> npcIds = new Table<>();

    String text(String text) {
        if (text.length() > MAX_LENGTH) {
            return text;
        }
        return texts.share(text, Function.identity());
    }

    /** The avatar of a non-empty URL. */
    Optional<String> avatar(String url) {
        if (url.length() > MAX_LENGTH) {
            return Optional.of(url);
        }
        return avatars.share(url, Optional::of);
    }

    /** The NPC id; throws like {@link NpcId#of} for an invalid one. */
    NpcId npcId(String text) {
        return npcIds.share(text, NpcId::of);
    }

    /** Whether values of each kind are still looked up: texts, avatars, NPC ids (for tests). */
    boolean[] inUse() {
        return new boolean[] {texts.inUse(), avatars.inUse(), npcIds.inUse()};
    }
}
