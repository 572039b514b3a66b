package dev.campaignkeeper.core.rules;

import dev.campaignkeeper.core.error.InvalidInputException;
import dev.campaignkeeper.core.error.ReasonCode;
import dev.campaignkeeper.core.model.ProxyTag;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The written form of proxy tags, as players of Tupperbox and PluralKit know it: the word
 * {@value ProxyTag#PLACEHOLDER} stands for the message, so {@code F:text} is the prefix {@code F:}
 * and {@code [text]} the prefix {@code [} with the suffix {@code ]}. Several tags are separated by
 * {@code |} (spaces around each are ignored, so {@code F:text | [text]} gives two tags); {@code none}
 * or an empty value means no tags. Each tag then goes through {@link InputRules#proxyTags}.
 */
public final class ProxyTagSyntax {

    /** What clears a character's tags. */
    public static final String NONE = "none";
    /** What separates several tags. */
    public static final String SEPARATOR = "|";
    /** Most characters of a mistyped tag a message repeats. */
    private static final int SHOWN_LENGTH = 60;

    private ProxyTagSyntax() {
    }

    /**
     * Parses and checks tags as typed.
     *
     * @param raw the tags as typed, e.g. {@code F:text | [text]}; blank or {@code none} for none
     * @return the cleaned tags in the order given, empty for none
     * @throws InvalidInputException if a tag lacks the placeholder, has it twice, or breaks a rule
     */
    public static List<ProxyTag> parse(String raw) {
        String all = raw == null ? "" : raw.strip();
        if (all.isEmpty() || all.toLowerCase(Locale.ROOT).equals(NONE)) {
            return List.of();
        }
        List<ProxyTag> tags = new ArrayList<>();
        for (String part : all.split("\\|", -1)) {
            String written = part.strip();
            if (written.isEmpty()) {
                continue; // "F:text |" or "a || b": an empty entry between separators says nothing
            }
            int at = written.indexOf(ProxyTag.PLACEHOLDER);
            if (at < 0) {
                throw new InvalidInputException(ReasonCode.PROXY_TAG_NO_PLACEHOLDER, Map.of("tag", shorten(written)));
            }
            if (written.indexOf(ProxyTag.PLACEHOLDER, at + 1) >= 0) {
                throw new InvalidInputException(ReasonCode.PROXY_TAG_PLACEHOLDER_TWICE,
                        Map.of("tag", shorten(written)));
            }
            tags.add(InputRules.proxyTag(written.substring(0, at),
                    written.substring(at + ProxyTag.PLACEHOLDER.length())));
        }
        return InputRules.proxyTags(tags);
    }

    /** A tag as typed, cut for a message. */
    private static String shorten(String written) {
        return written.codePointCount(0, written.length()) <= SHOWN_LENGTH ? written
                : written.substring(0, written.offsetByCodePoints(0, SHOWN_LENGTH - 1)) + "…";
    }

    /**
     * The written form of tags, as {@link #parse} reads it back.
     *
     * @param tags the tags
     * @return e.g. {@code F:text | [text]}, or {@value #NONE} for none
     */
    public static String format(List<ProxyTag> tags) {
        if (tags.isEmpty()) {
            return NONE;
        }
        List<String> written = new ArrayList<>(tags.size());
        for (ProxyTag tag : tags) {
            written.add(tag.display());
        }
        return String.join(" " + SEPARATOR + " ", written);
    }
}
