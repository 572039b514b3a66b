package dev.campaignkeeper.core.rules;

import dev.campaignkeeper.core.error.InvalidInputException;
import dev.campaignkeeper.core.error.ReasonCode;
import dev.campaignkeeper.core.model.ProxyTag;
import java.net.URI;
import java.net.URISyntaxException;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The one place where user-supplied text is cleaned and checked. Every adapter and every use case
 * goes through it, so the rules are the same from Discord, the console and the admin CLI.
 *
 * <p>Cleaning: Unicode NFC; control, format (zero-width, bidi) and other invisible characters
 * removed, except the zero-width joiner and non-joiner inside words and emoji sequences (between
 * two visible non-ASCII characters: 👨‍👩‍👧‍👦, 🏳️‍🌈, Persian words), where they are part of the text;
 * runs of whitespace collapsed to one space and the ends trimmed. Descriptions keep
 * newlines (at most two in a row). Spoken text ({@link #spokenText}) keeps its layout instead:
 * spaces, tabs and line breaks as typed, so indented code blocks and ASCII maps arrive unchanged. Every rejection is an {@link InvalidInputException} whose
 * message says what to change.
 */
public final class InputRules {

    /** Longest name, Discord's limit for webhook display names. */
    public static final int MAX_NAME_LENGTH = 80;
    /** Longest description. */
    public static final int MAX_DESCRIPTION_LENGTH = 1000;
    /**
     * Longest post as a character or NPC, in code points. Longer than one Discord message (2000):
     * {@link MessageSplitter} splits it into several.
     */
    public static final int MAX_TEXT_LENGTH = 4000;
    /** Largest image posted with a post, in bytes (8 MiB, within Discord's upload limit for bots). */
    public static final int MAX_IMAGE_BYTES = 8 * 1024 * 1024;
    /** Longest avatar URL. */
    public static final int MAX_URL_LENGTH = 2048;
    /** Longest prefix, and longest suffix, of one proxy tag, in code points. */
    public static final int MAX_PROXY_TAG_PART_LENGTH = 50;
    /** Most proxy tags one character or NPC may have. */
    public static final int MAX_PROXY_TAGS = 10;

    /**
     * Words a name may not contain, in lower case, matched ignoring case (Discord refuses such
     * names for webhook posts). The store's fast path for names checks the same list.
     */
    public static final List<String> FORBIDDEN_IN_NAMES = List.of("discord", "clyde");

    private InputRules() {
    }

    /**
     * Cleans text without checking lengths: NFC, invisible characters removed, whitespace
     * collapsed.
     *
     * @param raw the text as typed
     * @param keepNewlines whether line breaks survive (descriptions and spoken text)
     * @return the cleaned text, possibly empty
     */
    public static String clean(String raw, boolean keepNewlines) {
        if (raw == null) {
            return "";
        }
        String normalized = Normalizer.normalize(raw, Normalizer.Form.NFC);
        StringBuilder out = new StringBuilder(normalized.length());
        int newlinesInRow = 0;
        boolean pendingSpace = false;
        for (int i = 0; i < normalized.length(); ) {
            int c = normalized.codePointAt(i);
            i += Character.charCount(c);
            if (c == '\n' || c == '\r') {
                if (c == '\r' && i < normalized.length() && normalized.charAt(i) == '\n') {
                    i++;
                }
                if (keepNewlines) {
                    pendingSpace = false;
                    trimTrailingSpace(out);
                    if (out.length() > 0 && newlinesInRow < 2) {
                        out.append('\n');
                        newlinesInRow++;
                    }
                } else {
                    pendingSpace = out.length() > 0;
                }
                continue;
            }
            if (Character.isWhitespace(c) || Character.isSpaceChar(c)) {
                pendingSpace = out.length() > 0 && out.charAt(out.length() - 1) != '\n';
                continue;
            }
            if (isJoiner(c)) {
                if (!pendingSpace && joins(out, normalized, i)) {
                    out.appendCodePoint(c);
                }
                continue;
            }
            if (isInvisible(c)) {
                continue;
            }
            if (pendingSpace) {
                out.append(' ');
                pendingSpace = false;
            }
            newlinesInRow = 0;
            out.appendCodePoint(c);
        }
        trimTrailingSpace(out);
        while (out.length() > 0 && out.charAt(out.length() - 1) == '\n') {
            out.setLength(out.length() - 1);
        }
        // Removing an invisible character can leave a base letter next to a combining mark that
        // the first pass could not compose; normalise again so the result is always NFC.
        return Normalizer.normalize(out, Normalizer.Form.NFC);
    }

    /**
     * Cleans text whose layout matters (spoken text: code blocks, ASCII maps, poems): NFC and
     * invisible characters removed as in {@link #clean}, but spaces, tabs and line breaks kept as
     * typed ({@code \r\n}, {@code \r} and the Unicode line and paragraph separators become
     * {@code \n}). Only invisible whitespace goes: at the very start and end (as Discord drops it
     * from a message) and at the end of each line; indentation and runs of spaces stay.
     *
     * @param raw the text as typed
     * @return the cleaned text, possibly empty
     */
    public static String keepLayout(String raw) {
        if (raw == null) {
            return "";
        }
        String normalized = Normalizer.normalize(raw, Normalizer.Form.NFC);
        StringBuilder out = new StringBuilder(normalized.length());
        for (int i = 0; i < normalized.length(); ) {
            int c = normalized.codePointAt(i);
            i += Character.charCount(c);
            if (c == '\r') {
                if (i < normalized.length() && normalized.charAt(i) == '\n') {
                    i++;
                }
                endLine(out);
            } else if (c == '\n' || c == 0x2028 || c == 0x2029) {
                endLine(out);
            } else if (c == '\t') {
                out.append('\t');
            } else if (isJoiner(c)) {
                if (joins(out, normalized, i)) {
                    out.appendCodePoint(c);
                }
            } else if (!isInvisible(c)) {
                out.appendCodePoint(c);
            }
        }
        int end = out.length();
        while (end > 0 && isLayoutSpace(out.charAt(end - 1))) {
            end--;
        }
        out.setLength(end);
        int start = 0;
        while (start < out.length() && isLayoutSpace(out.charAt(start))) {
            start++;
        }
        return Normalizer.normalize(out.substring(start), Normalizer.Form.NFC);
    }

    /** Ends a line: spaces and tabs at its end are invisible and go, the line break stays. */
    private static void endLine(StringBuilder out) {
        int end = out.length();
        while (end > 0 && out.charAt(end - 1) != '\n' && isLayoutSpace(out.charAt(end - 1))) {
            end--;
        }
        out.setLength(end);
        out.append('\n');
    }

    private static boolean isLayoutSpace(char c) {
        return c == '\n' || Character.isWhitespace(c) || Character.isSpaceChar(c);
    }

    /**
     * Checks a name for a campaign, character or NPC: 1 to 80 characters after cleaning, and
     * without "discord" or "clyde" in any case (Discord refuses such webhook names).
     *
     * @param raw the name as typed
     * @param what what is being named, for the message, e.g. "character name"
     * @return the cleaned name
     * @throws InvalidInputException if the name breaks a rule
     */
    public static String name(String raw, String what) {
        String name = clean(raw, false);
        int length = length(name);
        if (length == 0) {
            throw new InvalidInputException("The " + what + " is empty. Give a name of 1 to "
                    + MAX_NAME_LENGTH + " visible characters.");
        }
        if (length > MAX_NAME_LENGTH) {
            throw new InvalidInputException("The " + what + " is " + length + " characters long; shorten it to "
                    + MAX_NAME_LENGTH + " or fewer.");
        }
        // joiners are kept inside words, so look through them: "disc\u200Dord" is still "discord"
        String lower = name.replace(ZWJ, "").replace(ZWNJ, "").toLowerCase(Locale.ROOT);
        for (String word : FORBIDDEN_IN_NAMES) {
            if (lower.contains(word)) {
                throw new InvalidInputException(ReasonCode.NAME_HAS_FORBIDDEN_WORD, Map.of("what", what, "word", word));
            }
        }
        return name;
    }

    /**
     * Checks a description: at most 1000 characters after cleaning; may be empty; keeps newlines.
     *
     * @param raw the description as typed, or null for none
     * @return the cleaned description
     * @throws InvalidInputException if it is too long
     */
    public static String description(String raw) {
        String description = clean(raw, true);
        int length = length(description);
        if (length > MAX_DESCRIPTION_LENGTH) {
            throw new InvalidInputException("The description is " + length + " characters long; shorten it to "
                    + MAX_DESCRIPTION_LENGTH + " or fewer.");
        }
        return description;
    }

    /**
     * Checks spoken text: 1 to 4000 characters (code points) after {@link #keepLayout cleaning that
     * keeps its layout}.
     *
     * @param raw the message as typed
     * @return the cleaned message
     * @throws InvalidInputException if it is empty or too long
     */
    public static String spokenText(String raw) {
        String text = keepLayout(raw);
        int length = length(text);
        if (length == 0) {
            throw new InvalidInputException("The message is empty. Type something to say.");
        }
        if (length > MAX_TEXT_LENGTH) {
            throw new InvalidInputException("The message is " + length + " characters long; the bot posts at most "
                    + MAX_TEXT_LENGTH + " at once. Split it into two posts.");
        }
        return text;
    }

    /**
     * Checks an avatar URL: absolute http or https with a host, at most 2048 characters. A blank
     * value means "no avatar".
     *
     * @param raw the URL as typed, or null
     * @return the URL, or empty for none
     * @throws InvalidInputException if it is not such a URL
     */
    public static Optional<String> avatarUrl(String raw) {
        String url = clean(raw, false);
        if (url.isEmpty()) {
            return Optional.empty();
        }
        if (url.length() > MAX_URL_LENGTH) {
            throw new InvalidInputException("The avatar URL is " + url.length() + " characters long; use one of "
                    + MAX_URL_LENGTH + " or fewer.");
        }
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            throw new InvalidInputException("The avatar URL is not a valid URL (" + e.getReason()
                    + "). Give a link starting with https://", e);
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!uri.isAbsolute() || !(scheme.equals("http") || scheme.equals("https"))) {
            throw new InvalidInputException("The avatar URL must start with http:// or https:// "
                    + "(an image link), not \"" + (scheme.isEmpty() ? abbreviate(url) : abbreviate(scheme) + ":") + "\".");
        }
        String authority = uri.getRawAuthority();
        if (authority != null && authority.contains("@")) {
            throw new InvalidInputException("The avatar URL may not contain a user name or password (the part"
                    + " before @). Give a public image link such as https://example.com/avatar.png");
        }
        URI server = serverForm(uri, authority);
        if (server == null || server.getHost() == null || server.getHost().isEmpty()) {
            throw new InvalidInputException("The avatar URL has no host name. Give a full link such as "
                    + "https://example.com/avatar.png");
        }
        if (server.getPort() == 0 || server.getPort() > MAX_PORT) {
            throw invalidPort();
        }
        return Optional.of(url);
    }

    /**
     * Checks one proxy tag: prefix and suffix cleaned like names (on one line, ends trimmed), each at
     * most {@value #MAX_PROXY_TAG_PART_LENGTH} characters, not both empty, and the prefix not starting
     * with a backslash (a leading backslash sends a message unproxied).
     *
     * @param rawPrefix the prefix as typed, or null for none
     * @param rawSuffix the suffix as typed, or null for none
     * @return the cleaned tag
     * @throws InvalidInputException if the tag breaks a rule
     */
    public static ProxyTag proxyTag(String rawPrefix, String rawSuffix) {
        String prefix = clean(rawPrefix, false);
        String suffix = clean(rawSuffix, false);
        if (prefix.isEmpty() && suffix.isEmpty()) {
            throw new InvalidInputException(ReasonCode.PROXY_TAG_EMPTY, Map.of());
        }
        for (String part : List.of(prefix, suffix)) {
            if (length(part) > MAX_PROXY_TAG_PART_LENGTH) {
                throw new InvalidInputException(ReasonCode.PROXY_TAG_TOO_LONG, Map.of("tag", abbreviate(part),
                        "length", String.valueOf(length(part)), "max", String.valueOf(MAX_PROXY_TAG_PART_LENGTH)));
            }
        }
        if (prefix.startsWith("\\")) {
            throw new InvalidInputException(ReasonCode.PROXY_TAG_STARTS_WITH_ESCAPE, Map.of());
        }
        return new ProxyTag(prefix, suffix);
    }

    /**
     * Checks the proxy tags of one character or NPC: each by {@link #proxyTag}, at most
     * {@value #MAX_PROXY_TAGS}, none twice.
     *
     * @param tags the tags as entered, in order
     * @return the cleaned tags, in the same order
     * @throws InvalidInputException if a tag breaks a rule, a tag repeats or there are too many
     */
    public static List<ProxyTag> proxyTags(List<ProxyTag> tags) {
        if (tags.size() > MAX_PROXY_TAGS) {
            throw new InvalidInputException(ReasonCode.TOO_MANY_PROXY_TAGS, Map.of("count", String.valueOf(tags.size()),
                    "max", String.valueOf(MAX_PROXY_TAGS)));
        }
        List<ProxyTag> cleaned = new ArrayList<>(tags.size());
        Set<ProxyTag> seen = new HashSet<>();
        for (ProxyTag tag : tags) {
            ProxyTag clean = proxyTag(tag.prefix(), tag.suffix());
            if (!seen.add(clean)) {
                throw new InvalidInputException(ReasonCode.PROXY_TAG_REPEATED, Map.of("tag", clean.display()));
            }
            cleaned.add(clean);
        }
        return List.copyOf(cleaned);
    }

    /**
     * Checks the size of an image before it is fetched.
     *
     * @param fileName the file's name, for the message
     * @param size its size in bytes
     * @throws InvalidInputException if it is larger than {@link #MAX_IMAGE_BYTES}
     */
    public static void imageSize(String fileName, long size) {
        if (size > MAX_IMAGE_BYTES) {
            throw new InvalidInputException("The image \"" + abbreviate(clean(fileName, false)) + "\" is "
                    + (size + 1024 * 1024 - 1) / (1024 * 1024) + " MB; the bot posts images of up to "
                    + MAX_IMAGE_BYTES / (1024 * 1024) + " MB. Make it smaller and try again.");
        }
    }

    /**
     * Checks an image to post: at most {@link #MAX_IMAGE_BYTES}, and a PNG, JPEG, GIF or WebP by
     * its content (not its name).
     *
     * @param fileName the file's name as uploaded
     * @param content its bytes
     * @return the media type, e.g. {@code image/png}
     * @throws InvalidInputException if it is too large, empty or not such an image
     */
    public static String imageType(String fileName, byte[] content) {
        imageSize(fileName, content.length);
        if (startsWith(content, 0x89, 'P', 'N', 'G')) {
            return "image/png";
        }
        if (startsWith(content, 0xFF, 0xD8, 0xFF)) {
            return "image/jpeg";
        }
        if (startsWith(content, 'G', 'I', 'F', '8')) {
            return "image/gif";
        }
        if (startsWith(content, 'R', 'I', 'F', 'F') && content.length >= 12 && content[8] == 'W'
                && content[9] == 'E' && content[10] == 'B' && content[11] == 'P') {
            return "image/webp";
        }
        throw new InvalidInputException("The file \"" + abbreviate(clean(fileName, false)) + "\" is not a PNG, "
                + "JPEG, GIF or WebP image, so the bot does not post it. Attach one of those.");
    }

    private static boolean startsWith(byte[] content, int... prefix) {
        if (content.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if ((content[i] & 0xFF) != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    private static final String ZWJ = "\u200D";
    private static final String ZWNJ = "\u200C";

    private static boolean isJoiner(int c) {
        return c == 0x200D || c == 0x200C;
    }

    /**
     * Whether a joiner at this point joins two visible non-ASCII characters: the one written last
     * and the next one in the input. ASCII neighbours never need one (and a joiner there could
     * only disguise a word); a joiner at a word's edge or beside another invisible character joins
     * nothing.
     */
    private static boolean joins(StringBuilder out, String input, int next) {
        if (out.length() == 0 || next >= input.length()) {
            return false;
        }
        int before = out.codePointBefore(out.length());
        int after = input.codePointAt(next);
        return visibleNonAscii(before) && visibleNonAscii(after);
    }

    private static boolean visibleNonAscii(int c) {
        return c >= 0x80 && !Character.isWhitespace(c) && !Character.isSpaceChar(c) && !isInvisible(c)
                && !isJoiner(c);
    }

    private static boolean isInvisible(int c) {
        int type = Character.getType(c);
        return type == Character.CONTROL
                || type == Character.FORMAT
                || type == Character.UNASSIGNED
                || type == Character.PRIVATE_USE
                || type == Character.SURROGATE
                || c == 0x115F || c == 0x1160 || c == 0x3164 || c == 0xFFA0   // Hangul fillers
                || c == 0x2800                                                // braille blank
                || c == 0x034F; // combining grapheme joiner
    }

    /**
     * The URL with an internationalised host name in its ASCII (punycode) form, parsed as a
     * server-based authority; null when the authority is not a host with an optional port.
     */
    private static URI serverForm(URI uri, String authority) {
        if (authority == null || authority.isEmpty()) {
            return null;
        }
        String host = authority;
        String port = "";
        if (!authority.startsWith("[")) {
            int colon = authority.lastIndexOf(':');
            if (colon >= 0) {
                host = authority.substring(0, colon);
                port = authority.substring(colon);
            }
            String digits = port.isEmpty() ? "" : port.substring(1);
            if (!digits.matches("[0-9]*") || digits.length() > 5
                    || !digits.isEmpty() && (Integer.parseInt(digits) == 0 || Integer.parseInt(digits) > MAX_PORT)) {
                throw invalidPort();
            }
            try {
                host = java.net.IDN.toASCII(host, java.net.IDN.ALLOW_UNASSIGNED);
            } catch (IllegalArgumentException e) {
                return null;
            }
        }
        try {
            return new URI(uri.getScheme() + "://" + host + port + (uri.getRawPath() == null ? "" : uri.getRawPath())
                    + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery()));
        } catch (URISyntaxException e) {
            return null;
        }
    }

    private static final int MAX_PORT = 65535;

    private static InvalidInputException invalidPort() {
        return new InvalidInputException("The avatar URL has an invalid port: a port is a number from 1 to "
                + MAX_PORT + ", and most links need none. Give a link such as https://example.com/avatar.png");
    }

    private static String abbreviate(String text) {
        int max = 60;
        return length(text) <= max ? text : text.substring(0, text.offsetByCodePoints(0, max)) + "...";
    }

    private static void trimTrailingSpace(StringBuilder out) {
        while (out.length() > 0 && out.charAt(out.length() - 1) == ' ') {
            out.setLength(out.length() - 1);
        }
    }

    private static int length(String text) {
        return text.codePointCount(0, text.length());
    }
}
