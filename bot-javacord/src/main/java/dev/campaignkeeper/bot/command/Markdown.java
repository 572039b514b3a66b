package dev.campaignkeeper.bot.command;

import java.util.regex.Pattern;

/**
 * Discord Markdown for replies: names that users chose are escaped, so a campaign named
 * {@code **x** ||y|| [l](https://…)} shows exactly those characters instead of bold text, a
 * spoiler or a masked link; the console turns a reply back into plain text.
 */
public final class Markdown {

    /** Characters Discord reads as formatting inside a line: emphasis, spoilers, code, links, quotes, mentions. */
    private static final Pattern SPECIAL = Pattern.compile("([\\\\*_~`|>\\[\\]()<#:-])");
    /** A bold marker the reply itself wrote (not an escaped asterisk). */
    private static final Pattern BOLD = Pattern.compile("(?<!\\\\)\\*\\*");
    private static final Pattern ESCAPED = Pattern.compile("\\\\([\\\\*_~`|>\\[\\]()<#:-])");

    private Markdown() {
    }

    /**
     * Escapes a user-chosen name (or other text) for a Discord message.
     *
     * @param text the text as stored
     * @return the text with every formatting character backslash-escaped
     */
    public static String escape(String text) {
        return SPECIAL.matcher(text).replaceAll("\\\\$1");
    }

    /**
     * A reply as plain text: the reply's own bold markers dropped, escaped characters shown as
     * themselves (the console shows names exactly as stored).
     *
     * @param reply the reply's Markdown
     * @return the plain text
     */
    public static String plain(String reply) {
        String unbolded = BOLD.matcher(reply).replaceAll("");
        return ESCAPED.matcher(unbolded).replaceAll(match -> java.util.regex.Matcher.quoteReplacement(match.group(1)));
    }
}
