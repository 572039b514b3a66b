package dev.campaignkeeper.core.rules;

import dev.campaignkeeper.core.model.ProxyTag;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Decides whether an ordinary chat message is to be reposted as a character, and as which.
 *
 * <ul>
 *   <li>A message starting with a backslash ({@code \}) is never proxied: the escape for one message.
 *   <li>A tag matches when the message starts with its prefix and ends with its suffix (exactly, case
 *       included) and something is left between them; the text reposted is what is between, with the
 *       spaces next to the tags removed and nothing else changed.
 *   <li>A message that is only a tag (nothing between prefix and suffix) is not proxied, unless it
 *       carries attachments.
 *   <li>When several tags match, the longest (prefix plus suffix, in characters) wins; between tags
 *       of the same length, the candidate listed first wins, and within a candidate its first tag.
 *   <li>When no tag matches, the autoproxy speaker (if any) takes the whole message.
 * </ul>
 */
public final class ProxyMatcher {

    /** The escape that sends one message unproxied. */
    public static final String ESCAPE = "\\";

    private ProxyMatcher() {
    }

    /**
     * Someone the author may speak as, with their tags.
     *
     * @param speaker the character or NPC
     * @param tags its proxy tags
     * @param <T> the speaker's type
     */
    public record Candidate<T>(T speaker, List<ProxyTag> tags) {

        /**
         * Validates and copies the fields.
         *
         * @param speaker the character or NPC
         * @param tags its proxy tags
         */
        public Candidate {
            Objects.requireNonNull(speaker, "speaker");
            tags = List.copyOf(tags);
        }
    }

    /**
     * The decision: post {@code text} as {@code speaker}.
     *
     * @param speaker who speaks
     * @param tag the tag that matched; empty for autoproxy
     * @param text the text to post, exactly as written between the tags (may be empty with attachments)
     * @param <T> the speaker's type
     */
    public record Match<T>(T speaker, Optional<ProxyTag> tag, String text) {

        /**
         * Validates the fields.
         *
         * @param speaker who speaks
         * @param tag the tag that matched; empty for autoproxy
         * @param text the text to post
         */
        public Match {
            Objects.requireNonNull(speaker, "speaker");
            Objects.requireNonNull(tag, "tag");
            Objects.requireNonNull(text, "text");
        }
    }

    /**
     * Matches a message against the author's candidates.
     *
     * @param message the message's text as sent
     * @param hasAttachments whether the message carries files
     * @param candidates who the author may speak as, in order of preference for equal-length tags
     * @param autoproxy who takes untagged messages, if anyone
     * @param <T> the speaker's type
     * @return what to post, or empty to leave the message alone
     */
    public static <T> Optional<Match<T>> match(String message, boolean hasAttachments, List<Candidate<T>> candidates,
                                               Optional<T> autoproxy) {
        Objects.requireNonNull(message, "message");
        if (message.startsWith(ESCAPE)) {
            return Optional.empty();
        }
        Match<T> best = null;
        int bestLength = -1;
        for (Candidate<T> candidate : candidates) {
            for (ProxyTag tag : candidate.tags()) {
                int length = tag.length();
                if (length <= bestLength) {
                    continue;
                }
                Optional<String> inner = inner(message, tag);
                if (inner.isEmpty() || (inner.get().isEmpty() && !hasAttachments)) {
                    continue;
                }
                best = new Match<>(candidate.speaker(), Optional.of(tag), inner.get());
                bestLength = length;
            }
        }
        if (best != null) {
            return Optional.of(best);
        }
        if (autoproxy.isPresent() && (!message.isBlank() || hasAttachments)) {
            return Optional.of(new Match<>(autoproxy.get(), Optional.empty(), message));
        }
        return Optional.empty();
    }

    /** The text between the tag's prefix and suffix, spaces next to them removed; empty if it does not match. */
    private static Optional<String> inner(String message, ProxyTag tag) {
        String prefix = tag.prefix();
        String suffix = tag.suffix();
        if (message.length() < prefix.length() + suffix.length()
                || !message.startsWith(prefix) || !message.endsWith(suffix)) {
            return Optional.empty();
        }
        String between = message.substring(prefix.length(), message.length() - suffix.length());
        return Optional.of(between.strip());
    }
}
