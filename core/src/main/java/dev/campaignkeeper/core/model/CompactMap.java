package dev.campaignkeeper.core.model;

import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Iterator;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Set;

/**
 * An immutable map that keeps insertion order in a fraction of a {@link java.util.LinkedHashMap}'s
 * memory: keys and values alternate in one array, small maps are searched linearly, larger ones
 * through an open-addressing index of array positions. Null keys and values are not allowed.
 * {@link GuildState} keeps its record maps in these.
 *
 * @param <K> the key type
 * @param <V> the value type
 */
final class CompactMap<K, V> extends AbstractMap<K, V> {

    private static final int LINEAR = 8;

    /** key0, value0, key1, value1, ... in insertion order. */
    private final Object[] table;
    /** Null for small maps; else slot -> 1 + entry index, 0 for empty. */
    private final int[] index;

    private CompactMap(Object[] table, int[] index) {
        this.table = table;
        this.index = index;
    }

    /**
     * An immutable copy with the same entries in the same iteration order.
     *
     * @param map the entries; no null keys or values
     * @param <K> the key type
     * @param <V> the value type
     * @return the copy
     */
    static <K, V> CompactMap<K, V> copyOf(Map<K, V> map) {
        int size = map.size();
        Object[] table = new Object[size * 2];
        int i = 0;
        for (Map.Entry<K, V> entry : map.entrySet()) {
            table[i++] = Objects.requireNonNull(entry.getKey(), "key");
            table[i++] = Objects.requireNonNull(entry.getValue(), "value");
        }
        if (i != table.length) {
            throw new IllegalStateException("map changed while being copied");
        }
        int[] index = null;
        if (size > LINEAR) {
            index = new int[Integer.highestOneBit(size * 2 - 1) << 1];
            int mask = index.length - 1;
            for (int e = 0; e < size; e++) {
                int slot = spread(table[2 * e].hashCode()) & mask;
                while (index[slot] != 0) {
                    slot = (slot + 1) & mask;
                }
                index[slot] = e + 1;
            }
        }
        return new CompactMap<>(table, index);
    }

    /**
     * This map with the value of an existing key replaced, in the same place; null if the key is
     * absent. The copy shares this map's index (the keys are the same).
     *
     * @param key the key, present or not
     * @param value the new value, not null
     * @return the new map, or null when {@code key} is not in this map
     */
    CompactMap<K, V> withValue(K key, V value) {
        Objects.requireNonNull(value, "value");
        int at = position(key);
        if (at < 0) {
            return null;
        }
        Object[] copy = table.clone();
        copy[at + 1] = value;
        return new CompactMap<>(copy, index);
    }

    /** Where a key is in the table (its even position), or -1. */
    private int position(Object key) {
        if (key == null) {
            return -1;
        }
        if (index == null) {
            for (int i = 0; i < table.length; i += 2) {
                if (key.equals(table[i])) {
                    return i;
                }
            }
            return -1;
        }
        int mask = index.length - 1;
        int slot = spread(key.hashCode()) & mask;
        while (true) {
            int e = index[slot];
            if (e == 0) {
                return -1;
            }
            if (key.equals(table[2 * (e - 1)])) {
                return 2 * (e - 1);
            }
            slot = (slot + 1) & mask;
        }
    }

    private static int spread(int hash) {
        return hash ^ (hash >>> 16);
    }

    @Override
    public int size() {
        return table.length / 2;
    }

    @Override
    public boolean isEmpty() {
        return table.length == 0;
    }

    @Override
    @SuppressWarnings("unchecked")
    public V get(Object key) {
        int at = position(key);
        return at < 0 ? null : (V) table[at + 1];
    }

    @Override
    public boolean containsKey(Object key) {
        return get(key) != null;
    }

    @Override
    public Set<Map.Entry<K, V>> entrySet() {
        return new AbstractSet<>() {
            @Override
            public Iterator<Map.Entry<K, V>> iterator() {
                return new Iterator<>() {
                    private int next;

                    @Override
                    public boolean hasNext() {
                        return next < table.length;
                    }

                    @Override
                    @SuppressWarnings("unchecked")
                    public Map.Entry<K, V> next() {
                        if (next >= table.length) {
                            throw new NoSuchElementException();
                        }
                        Map.Entry<K, V> entry = new AbstractMap.SimpleImmutableEntry<>((K) table[next],
                                (V) table[next + 1]);
                        next += 2;
                        return entry;
                    }
                };
            }

            @Override
            public int size() {
                return table.length / 2;
            }
        };
    }
}
