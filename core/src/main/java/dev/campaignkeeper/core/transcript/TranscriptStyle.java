package dev.campaignkeeper.core.transcript;

import dev.campaignkeeper.core.model.ChannelId;
import dev.campaignkeeper.core.model.PostRecord;
import dev.campaignkeeper.core.model.UserId;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * What a transcript file shows that the post log does not hold: how users are named, and links to
 * posts and threads on the platform (none offline).
 *
 * @param authorName a user's name as the transcript shows it
 * @param postLink a link to a post's first message, if the platform has one
 * @param threadName a thread's or forum post's name (or a link to it) for its section's heading
 */
public record TranscriptStyle(Function<UserId, String> authorName, Function<PostRecord, Optional<String>> postLink,
                              Function<ChannelId, String> threadName) {

    /**
     * Validates the fields.
     *
     * @param authorName a user's name as the transcript shows it
     * @param postLink a link to a post's first message, if the platform has one
     * @param threadName a thread's or forum post's name for its section's heading
     */
    public TranscriptStyle {
        Objects.requireNonNull(authorName, "authorName");
        Objects.requireNonNull(postLink, "postLink");
        Objects.requireNonNull(threadName, "threadName");
    }

    /**
     * Users shown by id, no links, threads by id: what an offline transcript shows.
     *
     * @return the style
     */
    public static TranscriptStyle plain() {
        return new TranscriptStyle(user -> "user " + user.value(), post -> Optional.empty(),
                thread -> "Thread " + thread.value());
    }

    /**
     * This style with users named by a function.
     *
     * @param names a user's name
     * @return the changed style
     */
    public TranscriptStyle withAuthorNames(Function<UserId, String> names) {
        return new TranscriptStyle(names, postLink, threadName);
    }
}
