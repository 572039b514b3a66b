package dev.campaignkeeper.bot.e2e;

import java.util.List;
import java.util.Objects;

/**
 * A member's ordinary message in the fake (not a webhook post), as the fake holds it now.
 *
 * @param id        the message id
 * @param channelId the channel or thread it is in
 * @param author    who wrote it
 * @param content   its text (the latest edit)
 * @param files     its attachments
 * @param replyTo   the message it replies to, 0 for none
 */
public record FakeMessage(long id, long channelId, FakeUser author, String content, List<FakeAttachment> files,
                          long replyTo) {

    /** Validates and copies the fields. */
    public FakeMessage {
        Objects.requireNonNull(author, "author");
        Objects.requireNonNull(content, "content");
        files = List.copyOf(files);
    }

    /**
     * @param newContent the edited text
     * @return this message after an edit
     */
    FakeMessage editedTo(String newContent) {
        return new FakeMessage(id, channelId, author, newContent, files, replyTo);
    }
}
