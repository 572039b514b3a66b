package dev.campaignkeeper.bot.command;

import dev.campaignkeeper.core.error.InvalidInputException;
import dev.campaignkeeper.core.model.ChannelId;
import dev.campaignkeeper.core.model.GuildId;
import dev.campaignkeeper.core.model.MessageId;
import dev.campaignkeeper.core.model.PostRecord;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Discord message links ({@code https://discord.com/channels/GUILD/CHANNEL/MESSAGE}, as "Copy
 * Message Link" gives them, also from {@code discordapp.com}, {@code ptb.} and {@code canary.}),
 * read from options and written into transcripts. A bare message id is accepted too (the console
 * shows no links).
 */
public final class MessageLinks {

    private static final Pattern LINK = Pattern.compile(
            "<?https://(?:(?:ptb|canary)\\.)?discord(?:app)?\\.com/channels/(\\d{1,20}|@me)/(\\d{1,20})/(\\d{1,20})>?");
    private static final Pattern ID = Pattern.compile("\\d{1,20}");

    private MessageLinks() {
    }

    /**
     * The message a link (or bare id) names, checked to be in the guild the command ran in.
     *
     * @param option the option's name, for the error message
     * @param value what the user gave
     * @param guild the guild the command ran in
     * @return the message
     * @throws InvalidInputException if it is no message link, or one to another server
     */
    public static MessageId parse(String option, String value, GuildId guild) {
        String trimmed = value.strip();
        if (ID.matcher(trimmed).matches()) {
            return MessageId.of(trimmed);
        }
        Matcher link = LINK.matcher(trimmed);
        if (!link.matches()) {
            throw new InvalidInputException("`" + option + "` takes a message link: right-click (or long-press) a "
                    + "message, choose Copy Message Link, and paste it here.");
        }
        if (!link.group(1).equals(guild.value())) {
            throw new InvalidInputException("The `" + option + "` link is to a message in another server or a "
                    + "direct message; link a message of this campaign.");
        }
        return MessageId.of(link.group(3));
    }

    /**
     * The link to a post's first message.
     *
     * @param post the post
     * @return the link
     */
    public static String of(PostRecord post) {
        return of(post.guild(), post.channel(), post.id());
    }

    /**
     * The link to a message.
     *
     * @param guild the guild
     * @param channel the channel or thread it is in
     * @param message the message
     * @return the link
     */
    public static String of(GuildId guild, ChannelId channel, MessageId message) {
        return "https://discord.com/channels/" + guild.value() + "/" + channel.value() + "/" + message.value();
    }
}
