package dev.campaignkeeper.bot.command;

import dev.campaignkeeper.core.model.Actor;
import dev.campaignkeeper.core.model.ChannelId;
import dev.campaignkeeper.core.model.GuildId;
import java.util.Objects;

/**
 * One command as an adapter received it.
 *
 * @param actor who ran it
 * @param guild the guild it ran in
 * @param channel the channel it ran in
 * @param channelName the channel's name, the default name of a new campaign
 * @param path the command path, e.g. {@code "campaign create"} (see {@link CommandSpec#path()})
 * @param options the option values
 */
public record CommandRequest(
        Actor actor, GuildId guild, ChannelId channel, String channelName, String path, CommandOptions options) {

    /**
     * Validates the fields.
     *
     * @param actor who ran it
     * @param guild the guild it ran in
     * @param channel the channel it ran in
     * @param channelName the channel's name, the default name of a new campaign
     * @param path the command path, e.g. {@code "campaign create"} (see {@link CommandSpec#path()})
     * @param options the option values
     */
    public CommandRequest {
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(guild, "guild");
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(channelName, "channelName");
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(options, "options");
    }
}
