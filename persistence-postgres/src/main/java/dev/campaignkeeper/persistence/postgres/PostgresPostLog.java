package dev.campaignkeeper.persistence.postgres;

import dev.campaignkeeper.core.model.ChannelId;
import dev.campaignkeeper.core.model.GuildId;
import dev.campaignkeeper.core.model.MessageId;
import dev.campaignkeeper.core.model.NpcId;
import dev.campaignkeeper.core.model.PostRecord;
import dev.campaignkeeper.core.model.UserId;
import dev.campaignkeeper.core.model.WebhookId;
import dev.campaignkeeper.core.port.PostLog;
import dev.campaignkeeper.persistence.postgres.RoundTrip.Statement;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The post log on the {@code posts} and {@code post_messages} tables. Every call is one transaction,
 * durable when it returns. Changes to one campaign's posts take a transaction-level advisory lock on
 * the campaign, so the order posts are numbered in is the order they were committed in and the
 * retention always drops the oldest.
 */
final class PostgresPostLog implements PostLog {

    private static final String COLUMNS = "p.guild_id, p.post_id, p.campaign_id, p.webhook_id, p.thread_id,"
            + " p.author_id, p.npc_id, p.speaker, p.posted_at_seconds, p.posted_at_nanos, p.body, p.avatar_url, p.rolls,"
            + " p.images,"
            + " ARRAY(SELECT m.message_id FROM post_messages m WHERE m.guild_id = p.guild_id"
            + " AND m.post_id = p.post_id ORDER BY m.position) AS messages";
    private static final String LOCK_CAMPAIGN = "SELECT pg_advisory_xact_lock(hashtextextended(? || '/' || ?, 0))";
    private static final String INSERT_POST = "INSERT INTO posts (guild_id, post_id, seq, campaign_id, webhook_id,"
            + " thread_id, author_id, npc_id, speaker, posted_at_seconds, posted_at_nanos, body, avatar_url, rolls,"
            + " images) VALUES (?, ?, nextval('post_seq'), ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
    private static final String INSERT_MESSAGES = "INSERT INTO post_messages (guild_id, message_id, post_id, position)"
            + " SELECT ?, t.message_id, ?, t.position FROM unnest(?::text[]) WITH ORDINALITY AS t(message_id, position)";
    private static final String TRIM = "DELETE FROM posts WHERE guild_id = ? AND campaign_id = ? AND seq <="
            + " (SELECT seq FROM posts WHERE guild_id = ? AND campaign_id = ? ORDER BY seq DESC OFFSET ? LIMIT 1)";
    private static final String CAMPAIGN_OF = "SELECT campaign_id FROM posts WHERE guild_id = ? AND post_id = ?";
    private static final String UPDATE_POST = "UPDATE posts SET webhook_id = ?, thread_id = ?,"
            + " author_id = ?, npc_id = ?, speaker = ?, posted_at_seconds = ?, posted_at_nanos = ?, body = ?,"
            + " avatar_url = ?, rolls = ?, images = ? WHERE guild_id = ? AND post_id = ?";
    private static final String CLEAR_MESSAGES = "DELETE FROM post_messages WHERE guild_id = ? AND post_id = ?";
    private static final String REMOVE = "DELETE FROM posts WHERE guild_id = ? AND post_id = ?";
    private static final String REMOVE_CAMPAIGN = "DELETE FROM posts WHERE guild_id = ? AND campaign_id = ?";
    private static final String FIND = "SELECT " + COLUMNS + " FROM posts p WHERE p.guild_id = ? AND p.post_id ="
            + " (SELECT m.post_id FROM post_messages m WHERE m.guild_id = ? AND m.message_id = ?)";
    private static final String RECENT = "SELECT " + COLUMNS + " FROM posts p WHERE p.guild_id = ?"
            + " AND p.campaign_id = ? ORDER BY p.seq DESC LIMIT ?";
    private static final String LATEST_BY = "SELECT " + COLUMNS + " FROM posts p WHERE p.guild_id = ?"
            + " AND p.campaign_id = ? AND p.author_id = ? ORDER BY p.seq DESC LIMIT 1";

    private static final String ALL = "SELECT " + COLUMNS + " FROM posts p ORDER BY p.seq";

    private final Database database;
    private final int retentionPerCampaign;

    PostgresPostLog(Database database, int retentionPerCampaign) {
        this.database = Objects.requireNonNull(database, "database");
        if (retentionPerCampaign < 1) {
            throw new IllegalArgumentException("the post log must keep at least 1 post per campaign");
        }
        this.retentionPerCampaign = retentionPerCampaign;
    }

    @Override
    public int retentionPerCampaign() {
        return retentionPerCampaign;
    }

    @Override
    public void append(PostRecord post) {
        Objects.requireNonNull(post, "post");
        String guild = post.guild().value();
        String campaign = post.campaign().value();
        database.inTransaction("logging a post in guild " + guild, connection -> {
            // one round trip: a post whose id or a message of which is already logged breaks a
            // primary key, and the transaction is rolled back with nothing stored
            List<Statement> statements = List.of(new Statement(LOCK_CAMPAIGN, guild, campaign), insertPost(post),
                    insertMessages(post),
                    new Statement(TRIM, guild, campaign, guild, campaign, (long) retentionPerCampaign));
            try {
                RoundTrip.send(connection, statements, true);
            } catch (SQLException e) {
                refuseIfLogged(post, e);
                throw e;
            }
            return null;
        });
    }

    @Override
    public boolean replace(PostRecord post) {
        Objects.requireNonNull(post, "post");
        String guild = post.guild().value();
        String id = post.id().value();
        return database.inTransaction("updating a logged post in guild " + guild, connection -> {
            Optional<String> campaign = campaignOf(connection, guild, id);
            if (campaign.isEmpty() || !post.campaign().value().equals(campaign.get())) {
                return false; // an edit never moves a post to another campaign (as in every post log)
            }
            lockCampaign(connection, guild, campaign.get());
            try (PreparedStatement statement = connection.prepareStatement(UPDATE_POST)) {
                setFields(statement, 1, post);
                statement.setString(12, guild);
                statement.setString(13, id);
                if (statement.executeUpdate() == 0) {
                    return false;
                }
            }
            try (PreparedStatement statement = connection.prepareStatement(CLEAR_MESSAGES)) {
                statement.setString(1, guild);
                statement.setString(2, id);
                statement.executeUpdate();
            }
            try {
                RoundTrip.send(connection, List.of(insertMessages(post)), false);
            } catch (SQLException e) {
                if ("23505".equals(e.getSQLState())) {
                    throw new IllegalArgumentException("a message of the edited post " + id
                            + " is already logged for another post", e);
                }
                throw e;
            }
            return true;
        });
    }

    @Override
    public boolean remove(GuildId guild, MessageId post) {
        Objects.requireNonNull(guild, "guild");
        Objects.requireNonNull(post, "post");
        return database.inTransaction("removing a logged post in guild " + guild, connection -> {
            Optional<String> campaign = campaignOf(connection, guild.value(), post.value());
            if (campaign.isEmpty()) {
                return false;
            }
            lockCampaign(connection, guild.value(), campaign.get());
            try (PreparedStatement statement = connection.prepareStatement(REMOVE)) {
                statement.setString(1, guild.value());
                statement.setString(2, post.value());
                return statement.executeUpdate() > 0;
            }
        });
    }

    @Override
    public int removeCampaign(GuildId guild, ChannelId campaign) {
        Objects.requireNonNull(guild, "guild");
        Objects.requireNonNull(campaign, "campaign");
        return database.inTransaction("removing the logged posts of campaign " + campaign, connection -> {
            lockCampaign(connection, guild.value(), campaign.value());
            try (PreparedStatement statement = connection.prepareStatement(REMOVE_CAMPAIGN)) {
                statement.setString(1, guild.value());
                statement.setString(2, campaign.value());
                return statement.executeUpdate();
            }
        });
    }

    @Override
    public Optional<PostRecord> find(GuildId guild, MessageId message) {
        Objects.requireNonNull(guild, "guild");
        Objects.requireNonNull(message, "message");
        return database.inTransaction("looking up a logged post in guild " + guild, connection -> {
            try (PreparedStatement statement = connection.prepareStatement(FIND)) {
                statement.setString(1, guild.value());
                statement.setString(2, guild.value());
                statement.setString(3, message.value());
                List<PostRecord> found = read(statement);
                return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0));
            }
        });
    }

    @Override
    public List<PostRecord> recent(GuildId guild, ChannelId campaign, int limit) {
        Objects.requireNonNull(guild, "guild");
        Objects.requireNonNull(campaign, "campaign");
        if (limit < 1) {
            return List.of();
        }
        return database.inTransaction("reading the post log of campaign " + campaign, connection -> {
            try (PreparedStatement statement = connection.prepareStatement(RECENT)) {
                statement.setString(1, guild.value());
                statement.setString(2, campaign.value());
                statement.setInt(3, limit);
                return read(statement);
            }
        });
    }

    @Override
    public Optional<PostRecord> latestBy(GuildId guild, ChannelId campaign, UserId author) {
        Objects.requireNonNull(guild, "guild");
        Objects.requireNonNull(campaign, "campaign");
        Objects.requireNonNull(author, "author");
        return database.inTransaction("reading the post log of campaign " + campaign, connection -> {
            try (PreparedStatement statement = connection.prepareStatement(LATEST_BY)) {
                statement.setString(1, guild.value());
                statement.setString(2, campaign.value());
                statement.setString(3, author.value());
                List<PostRecord> found = read(statement);
                return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0));
            }
        });
    }

    /** Inserts a post and its messages on the caller's transaction, without trimming to the retention. */
    void insert(Connection connection, PostRecord post) throws SQLException {
        try {
            RoundTrip.send(connection, List.of(insertPost(post), insertMessages(post)), false);
        } catch (SQLException e) {
            refuseIfLogged(post, e);
            throw e;
        }
    }

    private static Statement insertPost(PostRecord post) {
        return new Statement(INSERT_POST, post.guild().value(), post.id().value(), post.campaign().value(),
                post.webhook().value(), post.thread().map(ChannelId::value).orElse(null), post.author().value(),
                post.npc().map(NpcId::value).orElse(null), post.speaker(), post.postedAt().getEpochSecond(),
                (long) post.postedAt().getNano(), post.text(), post.avatarUrl().orElse(null),
                post.rolls().toArray(String[]::new), post.images().toArray(String[]::new));
    }

    private static Statement insertMessages(PostRecord post) {
        return new Statement(INSERT_MESSAGES, post.guild().value(), post.id().value(),
                post.messages().stream().map(MessageId::value).toArray(String[]::new));
    }

    /**
     * Refuses a post already logged, its id or one of its messages (the failure broke a primary key:
     * SQLSTATE 23505), with the failure as the cause; returns for any other failure.
     */
    private static void refuseIfLogged(PostRecord post, SQLException e) {
        if ("23505".equals(e.getSQLState())) {
            throw new IllegalArgumentException("post " + post.id() + " of guild " + post.guild() + ", or one of its"
                    + " messages, is already in the post log", e);
        }
    }

    /** Every post, oldest first (the order they were logged in). */
    List<PostRecord> all() {
        return database.snapshot("reading the post log", connection -> {
            try (PreparedStatement statement = connection.prepareStatement(ALL)) {
                return read(statement);
            }
        });
    }

    private static void lockCampaign(Connection connection, String guild, String campaign) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(LOCK_CAMPAIGN)) {
            statement.setString(1, guild);
            statement.setString(2, campaign);
            statement.executeQuery().close();
        }
    }

    private static Optional<String> campaignOf(Connection connection, String guild, String post) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(CAMPAIGN_OF)) {
            statement.setString(1, guild);
            statement.setString(2, post);
            try (ResultSet rows = statement.executeQuery()) {
                return rows.next() ? Optional.of(rows.getString(1)) : Optional.empty();
            }
        }
    }

    /**
     * Sets webhook, thread, author, npc, speaker, posted-at seconds and nanos, the text, the avatar,
     * the rolls and the images (eleven parameters) from {@code first}.
     */
    private static void setFields(PreparedStatement statement, int first, PostRecord post) throws SQLException {
        statement.setString(first, post.webhook().value());
        statement.setString(first + 1, post.thread().map(ChannelId::value).orElse(null));
        statement.setString(first + 2, post.author().value());
        statement.setString(first + 3, post.npc().map(NpcId::value).orElse(null));
        statement.setString(first + 4, post.speaker());
        statement.setLong(first + 5, post.postedAt().getEpochSecond());
        statement.setInt(first + 6, post.postedAt().getNano());
        statement.setString(first + 7, post.text());
        statement.setString(first + 8, post.avatarUrl().orElse(null));
        statement.setArray(first + 9, statement.getConnection().createArrayOf("text", post.rolls().toArray()));
        statement.setArray(first + 10, statement.getConnection().createArrayOf("text", post.images().toArray()));
    }

    private static List<String> strings(ResultSet rows, String column) throws SQLException {
        List<String> values = new ArrayList<>();
        for (Object value : (Object[]) rows.getArray(column).getArray()) {
            values.add((String) value);
        }
        return values;
    }

    private static List<PostRecord> read(PreparedStatement statement) throws SQLException {
        List<PostRecord> posts = new ArrayList<>();
        try (ResultSet rows = statement.executeQuery()) {
            while (rows.next()) {
                List<MessageId> messages = new ArrayList<>();
                for (Object message : (Object[]) rows.getArray("messages").getArray()) {
                    messages.add(MessageId.of((String) message));
                }
                posts.add(new PostRecord(GuildId.of(rows.getString("guild_id")),
                        ChannelId.of(rows.getString("campaign_id")), WebhookId.of(rows.getString("webhook_id")),
                        Optional.ofNullable(rows.getString("thread_id")).map(ChannelId::of), messages,
                        UserId.of(rows.getString("author_id")),
                        Optional.ofNullable(rows.getString("npc_id")).map(NpcId::of), rows.getString("speaker"),
                        Instant.ofEpochSecond(rows.getLong("posted_at_seconds"), rows.getInt("posted_at_nanos")),
                        rows.getString("body"), Optional.ofNullable(rows.getString("avatar_url")),
                        strings(rows, "rolls"), strings(rows, "images")));
            }
        }
        return posts;
    }
}
