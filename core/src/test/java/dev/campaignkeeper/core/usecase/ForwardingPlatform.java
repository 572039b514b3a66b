package dev.campaignkeeper.core.usecase;

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
import java.util.List;
import java.util.Optional;

/**
 * A platform that forwards to another, can run something just before the next createWebhook, and can
 * fail a post after letting some through, and can answer posts with links to their uploaded files.
 */
final class ForwardingPlatform implements ChatPlatform {

    private final ChatPlatform delegate;
    private volatile Runnable beforeNextWebhook;

    ForwardingPlatform(ChatPlatform delegate) {
        this.delegate = delegate;
    }

    private int postsBeforeFailure = -1;
    private RuntimeException postFailure;

    /** Lets {@code passing} more posts through, then fails the one after with {@code failure}. */
    synchronized void failPostAfter(int passing, RuntimeException failure) {
        this.postsBeforeFailure = passing;
        this.postFailure = failure;
    }

    private volatile String attachmentLinks;

    /** Answers each post with a link per uploaded file: {@code base} followed by the file's name. */
    void linkAttachmentsUnder(String base) {
        this.attachmentLinks = base;
    }

    void beforeNextWebhook(Runnable action) {
        this.beforeNextWebhook = action;
    }

    @Override
    public RoleId createRole(GuildId guild, String name) {
        return delegate.createRole(guild, name);
    }

    @Override
    public void deleteRole(GuildId guild, RoleId role) {
        delegate.deleteRole(guild, role);
    }

    @Override
    public void addRole(GuildId guild, UserId user, RoleId role) {
        delegate.addRole(guild, user, role);
    }

    @Override
    public void removeRole(GuildId guild, UserId user, RoleId role) {
        delegate.removeRole(guild, user, role);
    }

    @Override
    public WebhookId createWebhook(GuildId guild, ChannelId channel, String name) {
        Runnable action = beforeNextWebhook;
        if (action != null) {
            beforeNextWebhook = null;
            action.run();
        }
        return delegate.createWebhook(guild, channel, name);
    }

    @Override
    public void deleteWebhook(GuildId guild, WebhookId webhook) {
        delegate.deleteWebhook(guild, webhook);
    }

    @Override
    public Posted post(GuildId guild, WebhookTarget target, String displayName, Optional<String> avatarUrl,
                       String text, List<Upload> files) {
        synchronized (this) {
            if (postsBeforeFailure == 0) {
                postsBeforeFailure = -1;
                throw postFailure;
            }
            if (postsBeforeFailure > 0) {
                postsBeforeFailure--;
            }
        }
        Posted posted = delegate.post(guild, target, displayName, avatarUrl, text, files);
        String base = attachmentLinks;
        if (base == null) {
            return posted;
        }
        return new Posted(posted.message(), posted.channel(),
                files.stream().map(file -> base + file.fileName()).toList());
    }

    @Override
    public void editPost(GuildId guild, WebhookTarget target, MessageId message, String text) {
        delegate.editPost(guild, target, message, text);
    }

    @Override
    public void deletePost(GuildId guild, WebhookTarget target, MessageId message) {
        delegate.deletePost(guild, target, message);
    }
}
