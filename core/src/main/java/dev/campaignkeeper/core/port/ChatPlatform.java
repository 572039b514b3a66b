package dev.campaignkeeper.core.port;

import dev.campaignkeeper.core.model.ChannelId;
import dev.campaignkeeper.core.model.GuildId;
import dev.campaignkeeper.core.model.MessageId;
import dev.campaignkeeper.core.model.RoleId;
import dev.campaignkeeper.core.model.UserId;
import dev.campaignkeeper.core.model.WebhookId;
import java.util.List;
import java.util.Optional;

/**
 * The chat platform (Discord) as the use cases need it. Every method may fail with a
 * {@link dev.campaignkeeper.core.error.PlatformException}: {@link
 * dev.campaignkeeper.core.error.MissingPermissionException} when the bot lacks a permission,
 * {@link dev.campaignkeeper.core.error.PlatformNotFoundException} when the named thing is gone,
 * {@link dev.campaignkeeper.core.error.RateLimitedException} when a rate limit could not be waited
 * out.
 */
public interface ChatPlatform {

    /**
     * Creates a role in a guild.
     *
     * @param guild the guild
     * @param name the role's name
     * @return the new role
     */
    RoleId createRole(GuildId guild, String name);

    /**
     * Deletes a role.
     *
     * @param guild the guild
     * @param role the role
     */
    void deleteRole(GuildId guild, RoleId role);

    /**
     * Gives a user a role.
     *
     * @param guild the guild
     * @param user the user
     * @param role the role
     */
    void addRole(GuildId guild, UserId user, RoleId role);

    /**
     * Takes a role from a user.
     *
     * @param guild the guild
     * @param user the user
     * @param role the role
     */
    void removeRole(GuildId guild, UserId user, RoleId role);

    /**
     * Creates a webhook in a channel.
     *
     * @param guild the guild
     * @param channel the channel
     * @param name the webhook's own name (posts override it)
     * @return the new webhook
     */
    WebhookId createWebhook(GuildId guild, ChannelId channel, String name);

    /**
     * Deletes a webhook.
     *
     * @param guild the guild
     * @param webhook the webhook
     */
    void deleteWebhook(GuildId guild, WebhookId webhook);

    /**
     * Posts one message through a webhook under a display name and avatar, with every mention
     * disabled: no {@code @everyone}, {@code @here}, role or user ping can be triggered by the text.
     * Returns only once the platform confirmed it saved the message; a message it did not save is
     * an exception, never a silent success.
     *
     * @param guild the guild
     * @param target the webhook, its channel, and the thread to post into or forum post to start
     * @param displayName the name to show
     * @param avatarUrl the avatar to show, if any
     * @param text the message, at most one platform message long
     * @param files files to upload with the message (images), possibly none
     * @return the saved message and the channel or thread it is in
     * @throws dev.campaignkeeper.core.error.PlatformNotFoundException if the webhook is gone
     */
    Posted post(GuildId guild, WebhookTarget target, String displayName, Optional<String> avatarUrl, String text,
                List<Upload> files);

    /**
     * Replaces the text of a message the webhook posted, mentions still disabled.
     *
     * @param guild the guild
     * @param target the webhook, its channel and the thread the message is in
     * @param message the message
     * @param text the new text, at most one platform message long
     * @throws dev.campaignkeeper.core.error.PlatformNotFoundException if the webhook or message is gone
     */
    void editPost(GuildId guild, WebhookTarget target, MessageId message, String text);

    /**
     * Deletes a message the webhook posted.
     *
     * @param guild the guild
     * @param target the webhook, its channel and the thread the message is in
     * @param message the message
     * @throws dev.campaignkeeper.core.error.PlatformNotFoundException if the webhook or message is gone
     */
    void deletePost(GuildId guild, WebhookTarget target, MessageId message);

    /**
     * Posts text into a webhook's own channel; {@link #post} without files or thread.
     *
     * @param guild the guild
     * @param channel the channel the webhook belongs to
     * @param webhook the webhook
     * @param displayName the name to show
     * @param avatarUrl the avatar to show, if any
     * @param text the message
     * @throws dev.campaignkeeper.core.error.PlatformNotFoundException if the webhook is gone
     */
    default void postAs(GuildId guild, ChannelId channel, WebhookId webhook, String displayName,
                        Optional<String> avatarUrl, String text) {
        post(guild, WebhookTarget.channel(channel, webhook), displayName, avatarUrl, text, List.of());
    }

    /**
     * Keeps an uploaded image where it stays available for as long as the bot uses it (an avatar
     * given as a file rather than a link), and returns a link to it that never expires as stored:
     * the platform itself turns it into a link that works at the moment it is used, so a link given
     * to {@link #post} stays valid however long ago it was kept. Platforms that cannot keep images
     * keep the default, which fails.
     *
     * @param guild the guild the image is for
     * @param owner the member who uploaded it (a platform may keep it in a message to them)
     * @param caption a short text kept with the image, saying what it is
     * @param image the image, already checked against the image rules
     * @return the lasting link, an absolute https URL
     * @throws dev.campaignkeeper.core.error.PlatformException if the image cannot be kept
     */
    default String keepImage(GuildId guild, UserId owner, String caption, Upload image) {
        throw new dev.campaignkeeper.core.error.PlatformException(
                "This chat platform cannot keep uploaded images; give a link to the image instead.");
    }

    /**
     * Sends a user a direct (private) message from the bot, with every mention disabled. Used for
     * the GM's copy of a secret roll. Platforms that cannot do this keep the default, which fails.
     *
     * @param guild the guild the message is about (the user is one of its members)
     * @param user the recipient
     * @param text the message, at most 2,000 characters
     * @throws dev.campaignkeeper.core.error.PlatformException if the message cannot be sent, e.g.
     *     because the user does not accept direct messages
     */
    default void sendDirectMessage(GuildId guild, UserId user, String text) {
        throw new dev.campaignkeeper.core.error.PlatformException(
                "This chat platform cannot send direct messages.");
    }

    /**
     * Deletes a member's message (the original of a message reposted through proxy tags). Needs the
     * platform's permission to manage other members' messages. Platforms that cannot do this keep
     * the default, which fails.
     *
     * @param guild the guild
     * @param channel the channel or thread the message is in
     * @param message the message
     * @throws dev.campaignkeeper.core.error.PlatformNotFoundException if the message is already gone
     * @throws dev.campaignkeeper.core.error.MissingPermissionException if the bot may not delete it
     */
    default void deleteMessage(GuildId guild, ChannelId channel, MessageId message) {
        throw new dev.campaignkeeper.core.error.PlatformException(
                "This chat platform cannot delete members' messages.");
    }
}
