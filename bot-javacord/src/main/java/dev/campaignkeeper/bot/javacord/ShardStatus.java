package dev.campaignkeeper.bot.javacord;

import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Whether each gateway shard this process runs is connected, for {@code /health} and the shard
 * gauges. A shard counts as connected from its login until Discord drops it, and again once it
 * resumes or reconnects.
 */
public final class ShardStatus {

    private final Map<Integer, Boolean> connected = new TreeMap<>();

    /**
     * Records a shard's state.
     *
     * @param shard the shard id
     * @param isConnected whether it is connected now
     */
    public synchronized void set(int shard, boolean isConnected) {
        connected.put(shard, isConnected);
    }

    /** Forgets every shard (after disconnecting). */
    public synchronized void clear() {
        connected.clear();
    }

    /**
     * Each known shard's state.
     *
     * @return shard id to connected, by id
     */
    public synchronized Map<Integer, Boolean> snapshot() {
        return Map.copyOf(connected);
    }

    /**
     * Why the shards are not ready, if they are not.
     *
     * @return empty when at least one shard is known and all are connected; else the reason
     */
    public synchronized Optional<String> notReady() {
        if (connected.isEmpty()) {
            return Optional.of("not connected to Discord");
        }
        StringBuilder down = new StringBuilder();
        connected.forEach((shard, up) -> {
            if (!up) {
                down.append(down.length() == 0 ? "" : ", ").append(shard);
            }
        });
        return down.length() == 0 ? Optional.empty()
                : Optional.of("gateway shard(s) " + down + " not connected to Discord");
    }
}
