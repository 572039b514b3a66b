package dev.campaignkeeper.core.usecase;

import dev.campaignkeeper.core.model.ChannelId;
import dev.campaignkeeper.core.model.GuildId;
import dev.campaignkeeper.core.model.RoleId;
import dev.campaignkeeper.core.model.UserId;
import dev.campaignkeeper.core.model.WebhookId;
import dev.campaignkeeper.core.port.ChatPlatform;
import java.util.Optional;

/** A platform that forwards to another and can run something just before the next createWebhook. */
final class ForwardingPlatform implements ChatPlatform {

    private final ChatPlatform delegate;
    private volatile Runnable beforeNextWebhook;

    ForwardingPlatform(ChatPlatform delegate) {
        this.delegate = delegate;
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
    public void postAs(GuildId guild, ChannelId channel, WebhookId webhook, String displayName,
                       Optional<String> avatarUrl, String text) {
        delegate.postAs(guild, channel, webhook, displayName, avatarUrl, text);
    }
}
