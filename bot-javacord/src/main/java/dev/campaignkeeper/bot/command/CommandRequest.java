package dev.campaignkeeper.bot.command;

import dev.campaignkeeper.core.model.Actor;
import dev.campaignkeeper.core.model.ChannelId;
import dev.campaignkeeper.core.model.GuildId;
import dev.campaignkeeper.core.model.Place;
import java.util.Objects;

/**
 * One command as an adapter received it.
 *
 * @param actor who ran it
 * @param guild the guild it ran in
 * @param place where it ran: the channel, its kind, and a thread's parent
 * @param channelName the campaign channel's name (a thread's parent's), the default name of a new campaign
 * @param path the command path, e.g. {@code "campaign create"} (see {@link CommandSpec#path()})
 * @param options the option values
 */
public record CommandRequest(
        Actor actor, GuildId guild, Place place, String channelName, String path, CommandOptions options) {

    /**
     * Validates the fields.
     *
     * @param actor who ran it
     * @param guild the guild it ran in
     * @param place where it ran: the channel, its kind, and a thread's parent
     * @param channelName the campaign channel's name (a thread's parent's), the default name of a new campaign
     * @param path the command path, e.g. {@code "campaign create"} (see {@link CommandSpec#path()})
     * @param options the option values
     */
    public CommandRequest {
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(guild, "guild");
        Objects.requireNonNull(place, "place");
        Objects.requireNonNull(channelName, "channelName");
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(options, "options");
    }

    /**
     * A command run in a plain text channel.
     *
     * @param actor who ran it
     * @param guild the guild it ran in
     * @param channel the text channel it ran in
     * @param channelName the channel's name
     * @param path the command path
     * @param options the option values
     */
    public CommandRequest(Actor actor, GuildId guild, ChannelId channel, String channelName, String path,
                          CommandOptions options) {
        this(actor, guild, Place.text(channel), channelName, path, options);
    }

    /**
     * The channel the command ran in (a thread's own id in a thread).
     *
     * @return the channel
     */
    public ChannelId channel() {
        return place.channel();
    }

    /**
     * This request as run in the campaign channel that covers its place, for commands that work on
     * the campaign rather than post where they were run.
     *
     * @param campaign the campaign channel
     * @return the changed request
     */
    CommandRequest inCampaignChannel(ChannelId campaign) {
        return campaign.equals(place.channel()) && !place.kind().isThread() ? this
                : new CommandRequest(actor, guild, Place.text(campaign), channelName, path, options);
    }

    /**
     * This request with one more option value (the text a form asked for).
     *
     * @param name the option's name
     * @param value its value
     * @return the changed request
     */
    public CommandRequest withOption(String name, Object value) {
        java.util.Map<String, Object> values = new java.util.LinkedHashMap<>(options.asMap());
        values.put(name, value);
        return new CommandRequest(actor, guild, place, channelName, path, CommandOptions.of(values));
    }
}
