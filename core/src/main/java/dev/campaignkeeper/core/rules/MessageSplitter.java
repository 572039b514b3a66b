package dev.campaignkeeper.core.rules;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits a post longer than one platform message into several, in order, at the most natural
 * boundary that fits: a paragraph break, else a line break, else the end of a sentence, else a
 * space. It never splits inside a Markdown code block (a block too long for one message is closed
 * at the end of one message and opened again, with its language, at the start of the next), and
 * never inside a surrogate pair. Lengths are counted in code points, as Discord counts them.
 *
 * <p>Whitespace at the boundaries is dropped; everything else is kept: joining the parts with the
 * removed whitespace gives the text back.
 */
public final class MessageSplitter {

    /** Discord's limit for one message, in code points. */
    public static final int MESSAGE_LIMIT = 2000;

    private static final String FENCE = "```";
    private static final int MAX_REOPEN_FENCE = 16;

    private MessageSplitter() {
    }

    /**
     * Splits text into messages of at most {@link #MESSAGE_LIMIT} code points.
     *
     * @param text the text; not blank
     * @return the messages, in order; one if it fits
     */
    public static List<String> split(String text) {
        return split(text, MESSAGE_LIMIT);
    }

    /**
     * Splits text into messages of at most {@code limit} code points.
     *
     * @param text the text; not blank
     * @param limit the most code points per message, at least 64
     * @return the messages, in order; one if it fits
     */
    public static List<String> split(String text, int limit) {
        if (limit < 64) {
            throw new IllegalArgumentException("limit must be at least 64");
        }
        List<String> parts = new ArrayList<>();
        String rest = text.strip();
        while (length(rest) > limit) {
            Cut cut = cut(rest, limit);
            parts.add(cut.part());
            rest = cut.rest();
        }
        if (!rest.isEmpty()) {
            parts.add(rest);
        }
        return List.copyOf(parts);
    }

    private record Cut(String part, String rest) {
    }

    /** Finds where the first message ends; {@code text} is longer than the limit. */
    private static Cut cut(String text, int limit) {
        int end = text.offsetByCodePoints(0, limit); // a cut at index <= end keeps the part within the limit
        boolean[] inCode = codeState(text, end);
        int at = lastBoundary(text, end, inCode, "\n\n");
        if (at < 0) {
            at = lastBoundary(text, end, inCode, "\n");
        }
        if (at < 0) {
            at = lastSentenceEnd(text, end, inCode);
        }
        if (at < 0) {
            at = lastSpace(text, end, inCode);
        }
        if (at > 0) {
            return new Cut(text.substring(0, at).stripTrailing(), text.substring(at).stripLeading());
        }
        if (inCode[end]) {
            return cutInsideCode(text, limit, end);
        }
        // One unbroken word longer than a message: cut at the limit (a code point boundary).
        return new Cut(text.substring(0, end), text.substring(end).stripLeading());
    }

    /**
     * A code block too long to keep whole: close it at the last line break that fits, and open it
     * again (with its language) in the next message. If not even the block's opening fence line and
     * some code fit, the block starts the next message instead.
     *
     * @param limitEnd the index the limit falls on, inside the block
     */
    private static Cut cutInsideCode(String text, int limit, int limitEnd) {
        String close = "\n" + FENCE;
        int end = text.offsetByCodePoints(0, limit - length(close));
        int open = blockOpenAt(text, limitEnd);
        int fenceLineEnd = text.indexOf('\n', open);
        // not even the fence line and one character of code fit: the whole block goes to the next message
        if (open > 0 && end <= (fenceLineEnd < 0 ? open + FENCE.length() : fenceLineEnd + 1)) {
            return new Cut(text.substring(0, open).stripTrailing(), text.substring(open));
        }
        String opening = fenceLineEnd < 0 ? FENCE : text.substring(open, fenceLineEnd).strip();
        if (opening.length() > MAX_REOPEN_FENCE || opening.indexOf('`', FENCE.length()) >= 0) {
            opening = FENCE;
        }
        int at = text.lastIndexOf('\n', end);
        if (fenceLineEnd < 0 || at <= fenceLineEnd + 1) {
            at = end; // a code point boundary, as offsetByCodePoints gives it
        }
        String part = text.substring(0, at).stripTrailing() + close;
        String rest = text.substring(at);
        if (rest.startsWith("\n")) {
            rest = rest.substring(1);
        }
        return new Cut(part, opening + "\n" + rest);
    }

    /**
     * Where the code block that {@code at} lies in starts (its opening fence), with fences counted
     * as {@link #codeState} counts them: a closing fence's own characters are still inside.
     */
    private static int blockOpenAt(String text, int at) {
        int open = -1;
        for (int i = text.indexOf(FENCE); i >= 0 && i <= at; i = text.indexOf(FENCE, i + FENCE.length())) {
            if (open < 0) {
                open = i;
            } else if (i + FENCE.length() <= at) {
                open = -1;
            } else {
                return open; // at lies in the closing fence
            }
        }
        return Math.max(open, 0);
    }

    /**
     * For each index up to {@code end}, whether it lies inside a code block (after an opening fence
     * and before its closing one, fences included).
     */
    private static boolean[] codeState(String text, int end) {
        boolean[] inCode = new boolean[end + 1];
        boolean open = false;
        int i = 0;
        while (i <= end) {
            if (text.startsWith(FENCE, i)) {
                int fenceEnd = Math.min(i + FENCE.length(), end + 1);
                for (int j = i; j < fenceEnd; j++) {
                    inCode[j] = true;
                }
                open = !open;
                if (!open && fenceEnd <= end) {
                    inCode[fenceEnd] = false;
                }
                i += FENCE.length();
                continue;
            }
            inCode[i] = open;
            i++;
        }
        return inCode;
    }

    private static int lastBoundary(String text, int end, boolean[] inCode, String boundary) {
        for (int at = text.lastIndexOf(boundary, end); at > 0; at = text.lastIndexOf(boundary, at - 1)) {
            if (!inCode[at]) {
                return at;
            }
        }
        return -1;
    }

    private static int lastSentenceEnd(String text, int end, boolean[] inCode) {
        for (int at = end; at > 0; at--) {
            if (inCode[at] || !Character.isWhitespace(text.charAt(at))) {
                continue;
            }
            int before = at - 1;
            while (before > 0 && isClosing(text.charAt(before))) {
                before--;
            }
            char c = text.charAt(before);
            if (c == '.' || c == '!' || c == '?' || c == '…' || c == '。' || c == '！' || c == '？') {
                return at;
            }
        }
        return -1;
    }

    private static boolean isClosing(char c) {
        return c == '"' || c == '\'' || c == ')' || c == ']' || c == '”' || c == '’' || c == '»' || c == '*'
                || c == '_';
    }

    private static int lastSpace(String text, int end, boolean[] inCode) {
        for (int at = end; at > 0; at--) {
            if (!inCode[at] && Character.isWhitespace(text.charAt(at))) {
                return at;
            }
        }
        return -1;
    }

    private static int length(String text) {
        return text.codePointCount(0, text.length());
    }
}
