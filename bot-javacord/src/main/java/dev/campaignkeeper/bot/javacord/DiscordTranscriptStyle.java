package dev.campaignkeeper.bot.javacord;

import dev.campaignkeeper.bot.command.MessageLinks;
import dev.campaignkeeper.core.model.UserId;
import dev.campaignkeeper.core.transcript.TranscriptStyle;
import java.util.Optional;
import org.javacord.api.entity.user.User;

/**
 * How transcripts made on Discord name users and link posts: a user by their Discord username as
 * the bot has them cached (with the id, which is what identifies them for good), else by id; each
 * post links to its message.
 */
final class DiscordTranscriptStyle {

    private DiscordTranscriptStyle() {
    }

    static TranscriptStyle of(DiscordConnection connection) {
        return new TranscriptStyle(user -> name(connection, user), post -> Optional.of(MessageLinks.of(post)),
                thread -> "Thread " + thread.value());
    }

    private static String name(DiscordConnection connection, UserId user) {
        return connection.current()
                .flatMap(api -> api.getCachedUserById(Long.parseUnsignedLong(user.value())))
                .map(User::getName)
                .map(name -> "@" + name + " (user " + user.value() + ")")
                .orElse("user " + user.value());
    }
}
