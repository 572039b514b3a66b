package dev.campaignkeeper.bot.console;

import dev.campaignkeeper.core.model.ChannelId;
import dev.campaignkeeper.core.model.GuildId;
import dev.campaignkeeper.core.model.UserId;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Made-up Discord ids for the console: each user or channel name maps to a stable snowflake derived
 * from the name (ignoring case), so the same names find the same data again in a later session.
 * Remembers the names seen, to show users by name.
 */
public final class ConsoleNames {

    /** The console's one guild. */
    public static final GuildId GUILD = GuildId.of(snowflake("guild", "console"));

    private static final long MIN = 100_000_000_000_000_000L;      // 18 digits, like real snowflakes
    private static final long RANGE = Long.MAX_VALUE - MIN;

    private final Map<UserId, String> userNames = new ConcurrentHashMap<>();
    private final Map<ChannelId, String> channelNames = new ConcurrentHashMap<>();
    private final Set<String> forums = ConcurrentHashMap.newKeySet();
    private final Map<String, ChannelId> startedPosts = new ConcurrentHashMap<>();

    /**
     * The user with a name, remembering the name.
     *
     * @param name the name as typed, e.g. {@code Alice}
     * @return the user's id
     */
    public UserId user(String name) {
        String clean = check(name, "user");
        UserId id = UserId.of(snowflake("user", clean));
        userNames.putIfAbsent(id, clean);
        return id;
    }

    /**
     * The channel with a name, remembering the name.
     *
     * @param name the name as typed, with or without a leading {@code #}
     * @return the channel's id
     */
    public ChannelId channel(String name) {
        String clean = check(name.startsWith("#") ? name.substring(1) : name, "channel");
        ChannelId id = ChannelId.of(snowflake("channel", clean));
        channelNames.putIfAbsent(id, clean);
        return id;
    }

    /**
     * The name of a user seen in this session.
     *
     * @param user the user
     * @return the name, if seen
     */
    public Optional<String> nameOf(UserId user) {
        return Optional.ofNullable(userNames.get(user));
    }

    /**
     * How the console shows a user: {@code @Name}, or the raw mention for an id not named in
     * this session.
     *
     * @param user the user
     * @return the text
     */
    public String show(UserId user) {
        return nameOf(user).map(name -> "@" + name).orElse("<@" + user.value() + ">");
    }

    /**
     * The thread with a name in a channel.
     *
     * @param channel the parent channel's name
     * @param name the thread's name
     * @return the thread's id
     */
    public ChannelId thread(String channel, String name) {
        String parent = check(channel.startsWith("#") ? channel.substring(1) : channel, "channel");
        String clean = check(name, "thread");
        ChannelId started = startedPosts.get(postKey(parent, clean));
        if (started != null) {
            return started;
        }
        ChannelId id = ChannelId.of(snowflake("thread", parent + "/" + clean));
        channelNames.putIfAbsent(id, parent + "/" + clean);
        return id;
    }

    /**
     * Makes a channel a forum channel: its threads are forum posts, and nothing is posted in the
     * forum itself.
     *
     * @param channel the channel's name, with or without {@code #}
     */
    public void markForum(String channel) {
        forums.add(check(channel.startsWith("#") ? channel.substring(1) : channel, "forum").toLowerCase(Locale.ROOT));
    }

    /**
     * Whether a channel is a forum channel ({@link #markForum}).
     *
     * @param channel the channel's name, with or without {@code #}
     * @return true for a forum
     */
    public boolean isForum(String channel) {
        String name = channel.startsWith("#") ? channel.substring(1) : channel;
        return forums.contains(name.strip().toLowerCase(Locale.ROOT));
    }

    /**
     * Names a forum post the bot started (its id comes from the platform), so {@link #thread} finds
     * it by its title, spaces written as dashes or not.
     *
     * @param forum the forum's name
     * @param title the post's title
     * @param id the post's id
     */
    public void nameStartedPost(String forum, String title, ChannelId id) {
        startedPosts.put(postKey(check(forum, "forum"), check(title, "title")), id);
        channelNames.putIfAbsent(id, forum + "/" + title);
    }

    /**
     * The name of a channel, thread or forum post seen in this session.
     *
     * @param channel its id
     * @return e.g. {@code tavern} or {@code lore/Chapter 2}
     */
    public Optional<String> nameOf(ChannelId channel) {
        return Optional.ofNullable(channelNames.get(channel));
    }

    private static String postKey(String forum, String title) {
        return (forum + "/" + title).strip().replaceAll("\\s+", "-").toLowerCase(Locale.ROOT);
    }

    private static String check(String name, String what) {
        String clean = name == null ? "" : name.strip();
        if (clean.isEmpty()) {
            throw new IllegalArgumentException("give a " + what + " name");
        }
        return clean;
    }

    private static long snowflake(String kind, String name) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256")
                    .digest((kind + ":" + name.toLowerCase(Locale.ROOT)).getBytes(StandardCharsets.UTF_8));
            long value = 0;
            for (int i = 0; i < Long.BYTES; i++) {
                value = (value << 8) | (hash[i] & 0xff);
            }
            return MIN + Math.floorMod(value, RANGE);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
