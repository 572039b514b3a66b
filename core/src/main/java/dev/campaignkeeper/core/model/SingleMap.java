package dev.campaignkeeper.core.model;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * An immutable map of exactly one entry in 24 bytes (the JDK's {@code Map.of(k, v)} takes 32, for
 * the views {@link java.util.AbstractMap} caches). {@link GuildState} keeps a player's characters
 * in one of these when, as usual, the player has one character; a guild of the benchmark has 30.
 *
 * @param <K> the key type
 * @param <V> the value type
 */
final class SingleMap<K, V> implements Map<K, V> {

    private final K key;
    private final V value;

    private SingleMap(K key, V value) {
        this.key = Objects.requireNonNull(key, "key");
        this.value = Objects.requireNonNull(value, "value");
    }

    /**
     * The map of one entry.
     *
     * @param key the key, not null
     * @param value the value, not null
     * @param <K> the key type
     * @param <V> the value type
     * @return the map
     */
    static <K, V> SingleMap<K, V> of(K key, V value) {
        return new SingleMap<>(key, value);
    }

    @Override
    public int size() {
        return 1;
    }

    @Override
    public boolean isEmpty() {
        return false;
    }

    @Override
    public boolean containsKey(Object candidate) {
        return key.equals(candidate);
    }

    @Override
    public boolean containsValue(Object candidate) {
        return value.equals(candidate);
    }

    @Override
    public V get(Object candidate) {
        return key.equals(candidate) ? value : null;
    }

    @Override
    public V put(K newKey, V newValue) {
        throw new UnsupportedOperationException("immutable map");
    }

    @Override
    public V remove(Object candidate) {
        throw new UnsupportedOperationException("immutable map");
    }

    @Override
    public void putAll(Map<? extends K, ? extends V> map) {
        throw new UnsupportedOperationException("immutable map");
    }

    @Override
    public void clear() {
        throw new UnsupportedOperationException("immutable map");
    }

    @Override
    public Set<K> keySet() {
        return Set.of(key);
    }

    @Override
    public Collection<V> values() {
        return List.of(value);
    }

    @Override
    public Set<Map.Entry<K, V>> entrySet() {
        return Set.of(Map.entry(key, value));
    }

    @Override
    public boolean equals(Object other) {
        return other == this || other instanceof Map<?, ?> map && map.size() == 1 && value.equals(map.get(key));
    }

    @Override
    public int hashCode() {
        return key.hashCode() ^ value.hashCode();
    }

    @Override
    public String toString() {
        return "{" + key + "=" + value + "}";
    }
}
