package dev.campaignkeeper.core.model;

import java.security.SecureRandom;
import java.util.Objects;

/**
 * Identifies an NPC within its campaign.
 *
 * <p>The seed allowed any string as an NPC id, so loading accepts 1 to 64 printable characters
 * (no control characters). New NPCs get short url-safe ids from {@link #generate()}.
 *
 * <p>An id of at most 10 url-safe characters (every generated id, and most ids in practice) is
 * held packed in one {@code long}; any other id as its text. {@link #value()} always gives back
 * the text it was made from.
 */
public final class NpcId {

    /** Longest accepted id. */
    public static final int MAX_LENGTH = 64;

    private static final char[] ALPHABET =
            "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_".toCharArray();
    private static final int GENERATED_LENGTH = 10;
    /** Longest id that packs: 6 bits a character, the length in the top 4 bits. */
    private static final int PACKED_LENGTH = 10;
    private static final SecureRandom RANDOM = new SecureRandom();

    /** The packed id (length in bits 60-63, character i in bits 6i to 6i+5), when {@link #text} is null. */
    private final long packed;
    /** The id text, only when it does not pack. */
    private final String text;

    /**
     * Validates the id: 1 to 64 code points, none of them control characters.
     *
     * @param value the id text
     * @throws IllegalArgumentException if the id is empty, too long or not printable
     */
    public NpcId(String value) {
        Objects.requireNonNull(value, "npc id");
        long bits = pack(value);
        if (bits != 0) {
            this.packed = bits;
            this.text = null;
            return;
        }
        int length = value.codePointCount(0, value.length());
        if (length < 1 || length > MAX_LENGTH) {
            throw new IllegalArgumentException("npc id must be 1 to " + MAX_LENGTH + " characters, got "
                    + length);
        }
        if (value.codePoints().anyMatch(c -> Character.isISOControl(c) || !Character.isDefined(c))) {
            throw new IllegalArgumentException(
                    "npc id must be printable, got \"" + Printable.abbreviate(value) + "\"");
        }
        this.packed = 0;
        this.text = value;
    }

    /** The packed form of an id of 1 to 10 url-safe characters (never 0), or 0 if it does not pack. */
    private static long pack(String value) {
        int length = value.length();
        if (length < 1 || length > PACKED_LENGTH) {
            return 0;
        }
        long bits = (long) length << 60;
        for (int i = 0; i < length; i++) {
            int digit = digit(value.charAt(i));
            if (digit < 0) {
                return 0;
            }
            bits |= (long) digit << (6 * i);
        }
        return bits;
    }

    private static int digit(char c) {
        if (c >= 'a' && c <= 'z') {
            return c - 'a';
        }
        if (c >= 'A' && c <= 'Z') {
            return 26 + c - 'A';
        }
        if (c >= '0' && c <= '9') {
            return 52 + c - '0';
        }
        if (c == '-') {
            return 62;
        }
        return c == '_' ? 63 : -1;
    }

    /**
     * Makes an id from its text.
     *
     * @param value 1 to 64 printable characters
     * @return the id
     * @throws IllegalArgumentException if the id is empty, too long or not printable
     */
    public static NpcId of(String value) {
        return new NpcId(value);
    }

    /**
     * A new random id of 10 url-safe characters.
     *
     * @return the id
     */
    public static NpcId generate() {
        char[] chars = new char[GENERATED_LENGTH];
        for (int i = 0; i < chars.length; i++) {
            chars[i] = ALPHABET[RANDOM.nextInt(ALPHABET.length)];
        }
        return new NpcId(new String(chars));
    }

    /**
     * The id text, exactly as given.
     *
     * @return the text
     */
    public String value() {
        if (text != null) {
            return text;
        }
        int length = (int) (packed >>> 60);
        char[] chars = new char[length];
        for (int i = 0; i < length; i++) {
            chars[i] = ALPHABET[(int) (packed >>> (6 * i)) & 63];
        }
        return new String(chars);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof NpcId that && packed == that.packed && Objects.equals(text, that.text);
    }

    @Override
    public int hashCode() {
        return text != null ? text.hashCode() : Long.hashCode(packed);
    }

    @Override
    public String toString() {
        return value();
    }
}
