package dev.campaignkeeper.bot.javacord;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.TreeSet;
import java.util.stream.IntStream;

/**
 * Which of Discord's gateway shards this process runs: {@code total} shards in all, of which this
 * process holds {@code ids}. A guild belongs to shard {@code (guildId >> 22) % total} (Discord's rule),
 * and only the process holding that shard handles its commands.
 *
 * @param total how many shards the bot runs in all (every process must say the same)
 * @param ids the shards this process runs, ascending, each in {@code [0, total)}
 */
public record ShardPlan(int total, List<Integer> ids) {

    /** Discord's limit is far lower in practice; this only guards against typos. */
    public static final int MAX_SHARDS = 16_384;

    /**
     * Validates the plan.
     *
     * @param total how many shards the bot runs in all
     * @param ids the shards this process runs
     */
    public ShardPlan {
        Objects.requireNonNull(ids, "ids");
        if (total < 1 || total > MAX_SHARDS) {
            throw new IllegalArgumentException("the number of shards must be between 1 and " + MAX_SHARDS
                    + ", not " + total);
        }
        ids = List.copyOf(new TreeSet<>(ids));
        if (ids.isEmpty()) {
            throw new IllegalArgumentException("a process must run at least one shard");
        }
        for (int id : ids) {
            if (id < 0 || id >= total) {
                throw new IllegalArgumentException("shard " + id + " does not exist with " + total
                        + " shards (they are numbered 0 to " + (total - 1) + ")");
            }
        }
    }

    /**
     * One shard, the whole bot in this process (the default).
     *
     * @return the plan
     */
    public static ShardPlan single() {
        return new ShardPlan(1, List.of(0));
    }

    /**
     * Every shard of {@code total} in this process.
     *
     * @param total how many shards
     * @return the plan
     */
    public static ShardPlan all(int total) {
        if (total < 1 || total > MAX_SHARDS) {
            throw new IllegalArgumentException("the number of shards must be between 1 and " + MAX_SHARDS
                    + ", not " + total);
        }
        return new ShardPlan(total, IntStream.range(0, total).boxed().toList());
    }

    /**
     * Parses shard ids such as {@code 0-3}, {@code 4}, or {@code 0-1,6,8-9}.
     *
     * @param text the ids
     * @param total how many shards there are
     * @return the plan
     * @throws IllegalArgumentException with a message naming what is wrong
     */
    public static ShardPlan parse(String text, int total) {
        Objects.requireNonNull(text, "text");
        List<Integer> ids = new ArrayList<>();
        for (String part : text.split(",", -1)) {
            String range = part.strip();
            if (!range.matches("[0-9]{1,5}(-[0-9]{1,5})?")) {
                throw new IllegalArgumentException("\"" + part + "\" is not a shard id or a range such as 0-3");
            }
            int dash = range.indexOf('-');
            int from = Integer.parseInt(dash < 0 ? range : range.substring(0, dash));
            int to = dash < 0 ? from : Integer.parseInt(range.substring(dash + 1));
            if (to < from) {
                throw new IllegalArgumentException("the range " + range + " runs backwards; write " + to + "-" + from);
            }
            for (int id = from; id <= to; id++) {
                if (ids.contains(id)) {
                    throw new IllegalArgumentException("shard " + id + " is named twice");
                }
                ids.add(id);
            }
        }
        return new ShardPlan(total, ids);
    }

    /**
     * The shard a guild belongs to.
     *
     * @param guildId the guild's id
     * @param total how many shards there are
     * @return {@code (guildId >> 22) % total}
     */
    public static int shardOf(long guildId, int total) {
        return (int) Long.remainderUnsigned(guildId >>> 22, total);
    }

    /**
     * Whether this process holds the guild's shard.
     *
     * @param guildId the guild's id
     * @return whether its commands are handled here
     */
    public boolean holds(long guildId) {
        return ids.contains(shardOf(guildId, total));
    }

    /**
     * Whether this process runs every shard (so it needs no other process).
     *
     * @return whether the ids are 0 to total - 1
     */
    public boolean isComplete() {
        return ids.size() == total;
    }

    /**
     * The ids in the {@code --shard-ids} form, ranges joined.
     *
     * @return e.g. {@code 0-3} or {@code 1,5-6}
     */
    public String describeIds() {
        StringBuilder text = new StringBuilder();
        int i = 0;
        while (i < ids.size()) {
            int from = ids.get(i);
            int to = from;
            while (i + 1 < ids.size() && ids.get(i + 1) == to + 1) {
                to = ids.get(++i);
            }
            if (text.length() > 0) {
                text.append(',');
            }
            text.append(from == to ? String.valueOf(from) : from + "-" + to);
            i++;
        }
        return text.toString();
    }
}
