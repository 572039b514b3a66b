package dev.campaignkeeper.core.memory;

import dev.campaignkeeper.core.model.ChannelId;
import dev.campaignkeeper.core.model.GuildId;
import dev.campaignkeeper.core.model.MessageId;
import dev.campaignkeeper.core.model.PostRecord;
import dev.campaignkeeper.core.model.UserId;
import dev.campaignkeeper.core.port.PostLog;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A {@link PostLog} in memory, for tests, the offline console and library users who want no files:
 * nothing survives a restart. Thread-safe.
 */
public final class InMemoryPostLog implements PostLog {

    private record Key(GuildId guild, MessageId message) {
    }

    private record CampaignKey(GuildId guild, ChannelId campaign) {
    }

    private final int retention;
    /** Each campaign's posts by post id, oldest first. */
    private final Map<CampaignKey, LinkedHashMap<MessageId, PostRecord>> campaigns = new HashMap<>();
    /** Every logged message to its post's campaign and id. */
    private final Map<Key, PostRecord> byMessage = new HashMap<>();

    /** Creates a log keeping {@link PostLog#DEFAULT_RETENTION_PER_CAMPAIGN} posts per campaign. */
    public InMemoryPostLog() {
        this(DEFAULT_RETENTION_PER_CAMPAIGN);
    }

    /**
     * Creates a log.
     *
     * @param retentionPerCampaign how many posts each campaign keeps, at least 1
     */
    public InMemoryPostLog(int retentionPerCampaign) {
        if (retentionPerCampaign < 1) {
            throw new IllegalArgumentException("the retention must be at least 1 post");
        }
        this.retention = retentionPerCampaign;
    }

    @Override
    public int retentionPerCampaign() {
        return retention;
    }

    @Override
    public synchronized void append(PostRecord post) {
        Objects.requireNonNull(post, "post");
        for (MessageId message : post.messages()) {
            if (byMessage.containsKey(new Key(post.guild(), message))) {
                throw new IllegalArgumentException("message " + message + " is already logged");
            }
        }
        LinkedHashMap<MessageId, PostRecord> posts = campaigns.computeIfAbsent(
                new CampaignKey(post.guild(), post.campaign()), key -> new LinkedHashMap<>());
        posts.put(post.id(), post);
        index(post);
        Iterator<PostRecord> oldest = posts.values().iterator();
        while (posts.size() > retention) {
            unindex(oldest.next());
            oldest.remove();
        }
    }

    @Override
    public synchronized boolean replace(PostRecord post) {
        Objects.requireNonNull(post, "post");
        PostRecord old = byMessage.get(new Key(post.guild(), post.id()));
        if (old == null || !old.id().equals(post.id()) || !old.campaign().equals(post.campaign())) {
            return false;
        }
        for (MessageId message : post.messages()) {
            PostRecord owner = byMessage.get(new Key(post.guild(), message));
            if (owner != null && !owner.id().equals(post.id())) {
                throw new IllegalArgumentException("message " + message + " belongs to another post");
            }
        }
        unindex(old);
        campaigns.get(new CampaignKey(post.guild(), post.campaign())).put(post.id(), post);
        index(post);
        return true;
    }

    @Override
    public synchronized boolean remove(GuildId guild, MessageId post) {
        PostRecord old = byMessage.get(new Key(guild, post));
        if (old == null || !old.id().equals(post)) {
            return false;
        }
        unindex(old);
        CampaignKey key = new CampaignKey(guild, old.campaign());
        LinkedHashMap<MessageId, PostRecord> posts = campaigns.get(key);
        posts.remove(post);
        if (posts.isEmpty()) {
            campaigns.remove(key);
        }
        return true;
    }

    @Override
    public synchronized int removeCampaign(GuildId guild, ChannelId campaign) {
        LinkedHashMap<MessageId, PostRecord> posts = campaigns.remove(new CampaignKey(guild, campaign));
        if (posts == null) {
            return 0;
        }
        posts.values().forEach(this::unindex);
        return posts.size();
    }

    @Override
    public synchronized Optional<PostRecord> find(GuildId guild, MessageId message) {
        return Optional.ofNullable(byMessage.get(new Key(Objects.requireNonNull(guild, "guild"),
                Objects.requireNonNull(message, "message"))));
    }

    @Override
    public synchronized List<PostRecord> recent(GuildId guild, ChannelId campaign, int limit) {
        LinkedHashMap<MessageId, PostRecord> posts = campaigns.get(new CampaignKey(guild, campaign));
        if (posts == null || limit <= 0) {
            return List.of();
        }
        List<PostRecord> all = new ArrayList<>(posts.values());
        List<PostRecord> newest = new ArrayList<>(Math.min(limit, all.size()));
        for (int i = all.size() - 1; i >= 0 && newest.size() < limit; i--) {
            newest.add(all.get(i));
        }
        return List.copyOf(newest);
    }

    @Override
    public synchronized Optional<PostRecord> latestBy(GuildId guild, ChannelId campaign, UserId author) {
        LinkedHashMap<MessageId, PostRecord> posts = campaigns.get(new CampaignKey(guild, campaign));
        if (posts == null) {
            return Optional.empty();
        }
        PostRecord latest = null;
        for (PostRecord post : posts.values()) {
            if (post.author().equals(author)) {
                latest = post;
            }
        }
        return Optional.ofNullable(latest);
    }

    /**
     * Every post, each campaign's oldest first: what a durable log built on this one writes when it
     * compacts its file.
     *
     * @return a copy
     */
    public synchronized List<PostRecord> all() {
        List<PostRecord> all = new ArrayList<>(byMessage.size());
        campaigns.values().forEach(posts -> all.addAll(posts.values()));
        return List.copyOf(all);
    }

    /**
     * How many posts are logged.
     *
     * @return the number of posts
     */
    public synchronized int size() {
        int size = 0;
        for (LinkedHashMap<MessageId, PostRecord> posts : campaigns.values()) {
            size += posts.size();
        }
        return size;
    }

    private void index(PostRecord post) {
        for (MessageId message : post.messages()) {
            byMessage.put(new Key(post.guild(), message), post);
        }
    }

    private void unindex(PostRecord post) {
        for (MessageId message : post.messages()) {
            byMessage.remove(new Key(post.guild(), message));
        }
    }
}
