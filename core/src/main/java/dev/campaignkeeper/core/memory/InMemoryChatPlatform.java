package dev.campaignkeeper.core.memory;

import dev.campaignkeeper.core.error.PlatformNotFoundException;
import dev.campaignkeeper.core.model.ChannelId;
import dev.campaignkeeper.core.model.GuildId;
import dev.campaignkeeper.core.model.MessageId;
import dev.campaignkeeper.core.model.RoleId;
import dev.campaignkeeper.core.model.UserId;
import dev.campaignkeeper.core.model.WebhookId;
import dev.campaignkeeper.core.port.ChatPlatform;
import dev.campaignkeeper.core.port.Posted;
import dev.campaignkeeper.core.port.Upload;
import dev.campaignkeeper.core.port.WebhookTarget;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Queue;
import java.util.Set;
import java.util.function.Consumer;

/**
 * A {@link ChatPlatform} in memory, for tests and the offline console: it records roles, who holds
 * them, webhooks, posts (edited and deleted in place) and forum posts started by them, and can be
 * told to fail the next call of an operation.
 *
 * <p>It behaves like the platform where the use cases depend on it: calls naming an unknown role
 * or webhook fail with {@link PlatformNotFoundException}, deleting a role takes it from every
 * holder, and {@link #forgetWebhook} simulates a webhook deleted on Discord. Thread-safe.
 */
public final class InMemoryChatPlatform implements ChatPlatform {

    /** The port's operations, for {@link #failNext}. */
    public enum Operation {
        /** {@link ChatPlatform#createRole}. */
        CREATE_ROLE,
        /** {@link ChatPlatform#deleteRole}. */
        DELETE_ROLE,
        /** {@link ChatPlatform#addRole}. */
        ADD_ROLE,
        /** {@link ChatPlatform#removeRole}. */
        REMOVE_ROLE,
        /** {@link ChatPlatform#createWebhook}. */
        CREATE_WEBHOOK,
        /** {@link ChatPlatform#deleteWebhook}. */
        DELETE_WEBHOOK,
        /** {@link ChatPlatform#post}. */
        POST,
        /** {@link ChatPlatform#editPost}. */
        EDIT_POST,
        /** {@link ChatPlatform#deletePost}. */
        DELETE_POST,
        /** {@link ChatPlatform#sendDirectMessage}. */
        DIRECT_MESSAGE,
        /** {@link ChatPlatform#keepImage}. */
        KEEP_IMAGE,
        /** {@link ChatPlatform#deleteMessage}. */
        DELETE_MESSAGE
    }

    /** Where the links of {@link #keepImage kept images} point (a reserved name that never resolves). */
    public static final String KEPT_IMAGE_LINKS = "https://kept-images.campaign-keeper.invalid/";

    /**
     * A message posted through a webhook, as it is now (edits replace the text; deleted messages
     * are gone).
     *
     * @param guild the guild
     * @param channel the channel the webhook belongs to
     * @param webhook the webhook it went through
     * @param displayName the name shown
     * @param avatarUrl the avatar shown, if any
     * @param text the message
     * @param message the message's id
     * @param thread the thread or forum post it is in, if not the channel itself
     * @param files the names of the files uploaded with it
     */
    public record Post(GuildId guild, ChannelId channel, WebhookId webhook, String displayName,
                       Optional<String> avatarUrl, String text, MessageId message, Optional<ChannelId> thread,
                       List<String> files) {

        /**
         * Validates the fields.
         *
         * @param guild the guild
         * @param channel the channel the webhook belongs to
         * @param webhook the webhook it went through
         * @param displayName the name shown
         * @param avatarUrl the avatar shown, if any
         * @param text the message
         * @param message the message's id
         * @param thread the thread or forum post it is in, if not the channel itself
         * @param files the names of the files uploaded with it
         */
        public Post {
            Objects.requireNonNull(guild, "guild");
            Objects.requireNonNull(channel, "channel");
            Objects.requireNonNull(webhook, "webhook");
            Objects.requireNonNull(displayName, "displayName");
            Objects.requireNonNull(avatarUrl, "avatarUrl");
            Objects.requireNonNull(text, "text");
            Objects.requireNonNull(message, "message");
            Objects.requireNonNull(thread, "thread");
            files = List.copyOf(files);
        }

        private Post withText(String newText) {
            return new Post(guild, channel, webhook, displayName, avatarUrl, newText, message, thread, files);
        }
    }

    /**
     * A forum post (thread) started by a webhook message with a title.
     *
     * @param forum the forum channel
     * @param thread the new post's id
     * @param name its title
     */
    public record StartedThread(ChannelId forum, ChannelId thread, String name) {

        /**
         * Validates the fields.
         *
         * @param forum the forum channel
         * @param thread the new post's id
         * @param name its title
         */
        public StartedThread {
            Objects.requireNonNull(forum, "forum");
            Objects.requireNonNull(thread, "thread");
            Objects.requireNonNull(name, "name");
        }
    }

    /**
     * A direct message the bot sent.
     *
     * @param guild the guild it was about
     * @param user the recipient
     * @param text the message
     */
    public record DirectMessage(GuildId guild, UserId user, String text) {

        /**
         * Validates the fields.
         *
         * @param guild the guild it was about
         * @param user the recipient
         * @param text the message
         */
        public DirectMessage {
            Objects.requireNonNull(guild, "guild");
            Objects.requireNonNull(user, "user");
            Objects.requireNonNull(text, "text");
        }
    }

    /**
     * A webhook that exists.
     *
     * @param guild the guild
     * @param channel the channel it posts into
     * @param name its own name
     */
    public record Webhook(GuildId guild, ChannelId channel, String name) {

        /**
         * Validates the fields.
         *
         * @param guild the guild
         * @param channel the channel it posts into
         * @param name its own name
         */
        public Webhook {
            Objects.requireNonNull(guild, "guild");
            Objects.requireNonNull(channel, "channel");
            Objects.requireNonNull(name, "name");
        }
    }

    /**
     * An image kept as an avatar ({@link #keepImage}).
     *
     * @param guild the guild it is for
     * @param owner who uploaded it
     * @param caption the text kept with it
     * @param image the image
     * @param link the lasting link returned for it
     */
    public record KeptImage(GuildId guild, UserId owner, String caption, Upload image, String link) {

        /**
         * Validates the fields.
         *
         * @param guild the guild it is for
         * @param owner who uploaded it
         * @param caption the text kept with it
         * @param image the image
         * @param link the lasting link returned for it
         */
        public KeptImage {
            Objects.requireNonNull(guild, "guild");
            Objects.requireNonNull(owner, "owner");
            Objects.requireNonNull(caption, "caption");
            Objects.requireNonNull(image, "image");
            Objects.requireNonNull(link, "link");
        }
    }

    private record GuildRole(GuildId guild, RoleId role) {
    }

    private final Consumer<Post> onPost;
    private final Consumer<DirectMessage> onDirectMessage;
    private final List<DirectMessage> directMessages = new ArrayList<>();
    private final Map<GuildRole, String> roles = new LinkedHashMap<>();
    private final Map<GuildRole, Set<UserId>> holders = new LinkedHashMap<>();
    private final Map<WebhookId, Webhook> webhooks = new LinkedHashMap<>();
    private final List<Post> posts = new ArrayList<>();
    private final List<StartedThread> threads = new ArrayList<>();
    private final List<KeptImage> keptImages = new ArrayList<>();
    private final java.util.LinkedHashSet<MessageId> deletedMessages = new java.util.LinkedHashSet<>();
    private final Map<Operation, Queue<RuntimeException>> failures = new EnumMap<>(Operation.class);
    private long nextId = 1_100_000_000_000_000_000L;

    /** Creates a platform that records posts and does nothing else with them. */
    public InMemoryChatPlatform() {
        this(post -> { });
    }

    /**
     * Creates a platform that also hands every successful post to a consumer (the console prints
     * them as {@code [Display Name] text}).
     *
     * @param onPost called for each post, after it was recorded
     */
    public InMemoryChatPlatform(Consumer<Post> onPost) {
        this(onPost, message -> { });
    }

    /**
     * Creates a platform that hands every successful post and direct message to consumers.
     *
     * @param onPost called for each post, after it was recorded
     * @param onDirectMessage called for each direct message, after it was recorded
     */
    public InMemoryChatPlatform(Consumer<Post> onPost, Consumer<DirectMessage> onDirectMessage) {
        this.onPost = Objects.requireNonNull(onPost, "onPost");
        this.onDirectMessage = Objects.requireNonNull(onDirectMessage, "onDirectMessage");
    }

    /**
     * Every direct message sent so far, in order.
     *
     * @return a copy
     */
    public synchronized List<DirectMessage> directMessages() {
        return List.copyOf(directMessages);
    }

    /**
     * Makes the next call of an operation throw instead of running. Several calls queue up, one
     * failure per call.
     *
     * @param operation the operation to fail
     * @param failure what it throws, typically a {@link dev.campaignkeeper.core.error.PlatformException}
     */
    public synchronized void failNext(Operation operation, RuntimeException failure) {
        failures.computeIfAbsent(Objects.requireNonNull(operation, "operation"), op -> new ArrayDeque<>())
                .add(Objects.requireNonNull(failure, "failure"));
    }

    /**
     * Forgets a webhook as if someone deleted it on Discord: later posts through it fail with
     * {@link PlatformNotFoundException}.
     *
     * @param webhook the webhook
     */
    public synchronized void forgetWebhook(WebhookId webhook) {
        webhooks.remove(Objects.requireNonNull(webhook, "webhook"));
    }

    /**
     * Every successful post, in order.
     *
     * @return a snapshot
     */
    public synchronized List<Post> posts() {
        return List.copyOf(posts);
    }

    /**
     * The forum posts started by webhook messages, in order.
     *
     * @return a snapshot
     */
    public synchronized List<StartedThread> startedThreads() {
        return List.copyOf(threads);
    }

    /**
     * The roles that exist in a guild, by id, with their names.
     *
     * @param guild the guild
     * @return a snapshot in creation order
     */
    public synchronized Map<RoleId, String> roles(GuildId guild) {
        Objects.requireNonNull(guild, "guild");
        Map<RoleId, String> found = new LinkedHashMap<>();
        roles.forEach((key, name) -> {
            if (key.guild().equals(guild)) {
                found.put(key.role(), name);
            }
        });
        return found;
    }

    /**
     * The users holding a role.
     *
     * @param guild the guild
     * @param role the role
     * @return a snapshot, empty for an unknown role
     */
    public synchronized Set<UserId> holders(GuildId guild, RoleId role) {
        return Set.copyOf(holders.getOrDefault(new GuildRole(guild, role), Set.of()));
    }

    /**
     * The webhooks that exist.
     *
     * @return a snapshot by id, in creation order
     */
    public synchronized Map<WebhookId, Webhook> webhooks() {
        return new LinkedHashMap<>(webhooks);
    }

    @Override
    public synchronized RoleId createRole(GuildId guild, String name) {
        Objects.requireNonNull(guild, "guild");
        Objects.requireNonNull(name, "name");
        failIfAsked(Operation.CREATE_ROLE);
        RoleId role = RoleId.of(nextId++);
        roles.put(new GuildRole(guild, role), name);
        holders.put(new GuildRole(guild, role), new LinkedHashSet<>());
        return role;
    }

    @Override
    public synchronized void deleteRole(GuildId guild, RoleId role) {
        failIfAsked(Operation.DELETE_ROLE);
        GuildRole key = existingRole(guild, role);
        roles.remove(key);
        holders.remove(key);
    }

    @Override
    public synchronized void addRole(GuildId guild, UserId user, RoleId role) {
        Objects.requireNonNull(user, "user");
        failIfAsked(Operation.ADD_ROLE);
        holders.get(existingRole(guild, role)).add(user);
    }

    @Override
    public synchronized void removeRole(GuildId guild, UserId user, RoleId role) {
        Objects.requireNonNull(user, "user");
        failIfAsked(Operation.REMOVE_ROLE);
        holders.get(existingRole(guild, role)).remove(user);
    }

    @Override
    public synchronized WebhookId createWebhook(GuildId guild, ChannelId channel, String name) {
        Objects.requireNonNull(guild, "guild");
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(name, "name");
        failIfAsked(Operation.CREATE_WEBHOOK);
        WebhookId webhook = WebhookId.of(nextId++);
        webhooks.put(webhook, new Webhook(guild, channel, name));
        return webhook;
    }

    @Override
    public synchronized void deleteWebhook(GuildId guild, WebhookId webhook) {
        Objects.requireNonNull(guild, "guild");
        Objects.requireNonNull(webhook, "webhook");
        failIfAsked(Operation.DELETE_WEBHOOK);
        Webhook existing = webhooks.get(webhook);
        if (existing == null || !existing.guild().equals(guild)) {
            throw new PlatformNotFoundException("Webhook " + webhook + " does not exist in guild " + guild + ".");
        }
        webhooks.remove(webhook);
    }

    @Override
    public Posted post(GuildId guild, WebhookTarget target, String displayName, Optional<String> avatarUrl,
                       String text, List<Upload> files) {
        Objects.requireNonNull(guild, "guild");
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(displayName, "displayName");
        Objects.requireNonNull(avatarUrl, "avatarUrl");
        Objects.requireNonNull(text, "text");
        Post post;
        synchronized (this) {
            failIfAsked(Operation.POST);
            requireWebhook(guild, target);
            Optional<ChannelId> thread = target.thread();
            if (target.newThreadName().isPresent()) {
                ChannelId started = ChannelId.of(nextId++);
                threads.add(new StartedThread(target.channel(), started, target.newThreadName().get()));
                thread = Optional.of(started);
            }
            post = new Post(guild, target.channel(), target.webhook(), displayName, avatarUrl, text,
                    MessageId.of(nextId++), thread, files.stream().map(Upload::fileName).toList());
            posts.add(post);
        }
        onPost.accept(post);
        return new Posted(post.message(), post.thread().orElse(post.channel()));
    }

    /**
     * Keeps the image in memory and returns a link under {@link #KEPT_IMAGE_LINKS} (an address that
     * never resolves: the offline console shows no images), numbered in the order kept.
     */
    @Override
    public synchronized String keepImage(GuildId guild, UserId owner, String caption, Upload image) {
        Objects.requireNonNull(guild, "guild");
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(caption, "caption");
        Objects.requireNonNull(image, "image");
        failIfAsked(Operation.KEEP_IMAGE);
        String extension = image.contentType().startsWith("image/") ? image.contentType().substring(6) : "img";
        String link = KEPT_IMAGE_LINKS + (keptImages.size() + 1) + "." + extension;
        keptImages.add(new KeptImage(guild, owner, caption, image, link));
        return link;
    }

    /**
     * The images kept so far, oldest first.
     *
     * @return a copy
     */
    public synchronized List<KeptImage> keptImages() {
        return List.copyOf(keptImages);
    }

    @Override
    public synchronized void editPost(GuildId guild, WebhookTarget target, MessageId message, String text) {
        Objects.requireNonNull(text, "text");
        failIfAsked(Operation.EDIT_POST);
        requireWebhook(guild, target);
        int index = indexOf(target, message);
        posts.set(index, posts.get(index).withText(text));
    }

    @Override
    public synchronized void deletePost(GuildId guild, WebhookTarget target, MessageId message) {
        failIfAsked(Operation.DELETE_POST);
        requireWebhook(guild, target);
        posts.remove(indexOf(target, message));
    }

    private void requireWebhook(GuildId guild, WebhookTarget target) {
        Webhook existing = webhooks.get(target.webhook());
        if (existing == null || !existing.guild().equals(guild) || !existing.channel().equals(target.channel())) {
            throw new PlatformNotFoundException("Webhook " + target.webhook() + " does not exist in channel "
                    + target.channel() + ".");
        }
    }

    private int indexOf(WebhookTarget target, MessageId message) {
        Objects.requireNonNull(message, "message");
        for (int i = 0; i < posts.size(); i++) {
            Post post = posts.get(i);
            if (post.message().equals(message) && post.webhook().equals(target.webhook())
                    && post.thread().equals(target.thread())) {
                return i;
            }
        }
        throw new PlatformNotFoundException("Message " + message + " of webhook " + target.webhook()
                + " does not exist there.");
    }

    /**
     * Marks a member's message deleted; a message deleted twice is reported gone, as the platform would.
     */
    @Override
    public synchronized void deleteMessage(GuildId guild, ChannelId channel, MessageId message) {
        Objects.requireNonNull(guild, "guild");
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(message, "message");
        failIfAsked(Operation.DELETE_MESSAGE);
        if (!deletedMessages.add(message)) {
            throw new PlatformNotFoundException("Message " + message + " is already deleted.");
        }
    }

    /**
     * The members' messages deleted through {@link #deleteMessage}, in order.
     *
     * @return the message ids
     */
    public synchronized List<MessageId> deletedMessages() {
        return List.copyOf(deletedMessages);
    }

    @Override
    public void sendDirectMessage(GuildId guild, UserId user, String text) {
        DirectMessage message = new DirectMessage(guild, user, text);
        synchronized (this) {
            failIfAsked(Operation.DIRECT_MESSAGE);
            directMessages.add(message);
        }
        onDirectMessage.accept(message);
    }

    private void failIfAsked(Operation operation) {
        Queue<RuntimeException> queued = failures.get(operation);
        RuntimeException failure = queued == null ? null : queued.poll();
        if (failure != null) {
            throw failure;
        }
    }

    private GuildRole existingRole(GuildId guild, RoleId role) {
        Objects.requireNonNull(guild, "guild");
        Objects.requireNonNull(role, "role");
        GuildRole key = new GuildRole(guild, role);
        if (!roles.containsKey(key)) {
            throw new PlatformNotFoundException("Role " + role + " does not exist in guild " + guild + ".");
        }
        return key;
    }
}
