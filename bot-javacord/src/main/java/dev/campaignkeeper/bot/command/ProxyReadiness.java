package dev.campaignkeeper.bot.command;

import dev.campaignkeeper.core.model.ChannelId;
import dev.campaignkeeper.core.model.GuildId;
import java.util.Optional;

/**
 * Whether proxy tags can work in a campaign's channel, for commands that switch them on or show
 * them ({@code /campaign settings proxy_tags:true} replies with the warning). On Discord they need
 * the Message Content intent (granted in the Developer Portal and asked for at start with {@code
 * --message-content}) and the Manage Messages permission in the channel, to delete the originals;
 * the offline console needs neither ({@link #READY}).
 */
@FunctionalInterface
public interface ProxyReadiness {

    /** Proxy tags always work (the offline console, tests). */
    ProxyReadiness READY = (guild, channel) -> Optional.empty();

    /**
     * Why proxy tags cannot work in a campaign's channel, if they cannot.
     *
     * @param guild the guild
     * @param campaignChannel the campaign's channel (a text or forum channel; its threads and posts
     *     follow it)
     * @return empty when they work; else one or two sentences saying what is missing and who can fix it
     */
    Optional<String> problem(GuildId guild, ChannelId campaignChannel);
}
