package dev.campaignkeeper.core.model;

import java.util.Objects;

/**
 * One proxy tag of a character or NPC: text written before ({@code prefix}) and/or after
 * ({@code suffix}) a message, as in {@code F:hello} or {@code [hello]}, that makes the bot repost the
 * message as that character.
 *
 * <p>Structural invariants only: both parts non-null, not both empty. Content rules for new input
 * (lengths, no line breaks) live in {@link dev.campaignkeeper.core.rules.InputRules#proxyTag}, so data
 * written under older rules still loads.
 *
 * @param prefix the text before the message, may be empty
 * @param suffix the text after the message, may be empty
 */
public record ProxyTag(String prefix, String suffix) {

    /** The placeholder that stands for the message in a tag's written form, e.g. {@code [text]}. */
    public static final String PLACEHOLDER = "text";

    /**
     * Validates the fields.
     *
     * @param prefix the text before the message, may be empty
     * @param suffix the text after the message, may be empty
     */
    public ProxyTag {
        Objects.requireNonNull(prefix, "prefix");
        Objects.requireNonNull(suffix, "suffix");
        if (prefix.isEmpty() && suffix.isEmpty()) {
            throw new IllegalArgumentException("a proxy tag needs a prefix or a suffix");
        }
    }

    /**
     * A tag with only a prefix.
     *
     * @param prefix the prefix, not empty
     * @return the tag
     */
    public static ProxyTag prefix(String prefix) {
        return new ProxyTag(prefix, "");
    }

    /**
     * A tag with only a suffix.
     *
     * @param suffix the suffix, not empty
     * @return the tag
     */
    public static ProxyTag suffix(String suffix) {
        return new ProxyTag("", suffix);
    }

    /**
     * How many characters (code points) of a message the tag takes: prefix plus suffix. The matcher
     * prefers the longest tag.
     *
     * @return the length in code points
     */
    public int length() {
        return prefix.codePointCount(0, prefix.length()) + suffix.codePointCount(0, suffix.length());
    }

    /**
     * The tag's written form with {@value #PLACEHOLDER} for the message, e.g. {@code F:text} or
     * {@code [text]}.
     *
     * @return the written form
     */
    public String display() {
        return prefix + PLACEHOLDER + suffix;
    }
}
