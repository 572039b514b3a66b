package dev.campaignkeeper.core.model;

import java.security.SecureRandom;
import java.util.Objects;

/**
 * Identifies an NPC within its campaign.
 *
 * <p>The seed allowed any string as an NPC id, so loading accepts 1 to 64 printable characters
 * (no control characters). New NPCs get short url-safe ids from {@link #generate()}.
 *
 * @param value the id text
 */
public record NpcId(String value) {

    /** Longest accepted id. */
    public static final int MAX_LENGTH = 64;

    private static final char[] ALPHABET =
            "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_".toCharArray();
    private static final int GENERATED_LENGTH = 10;
    private static final SecureRandom RANDOM = new SecureRandom();

    /**
     * Validates the id: 1 to 64 code points, none of them control characters.
     *
     * @param value the id text
     */
    public NpcId {
        Objects.requireNonNull(value, "npc id");
        int length = value.codePointCount(0, value.length());
        if (length < 1 || length > MAX_LENGTH) {
            throw new IllegalArgumentException("npc id must be 1 to " + MAX_LENGTH + " characters, got "
                    + length);
        }
        if (value.codePoints().anyMatch(c -> Character.isISOControl(c) || !Character.isDefined(c))) {
            throw new IllegalArgumentException(
                    "npc id must be printable, got \"" + Printable.abbreviate(value) + "\"");
        }
    }

    /**
     * Parses an NPC id.
     *
     * @param value 1 to 64 printable characters
     * @return the id
     */
    public static NpcId of(String value) {
        return new NpcId(value);
    }

    /**
     * Generates a new random url-safe id of ten characters.
     *
     * @return a fresh id
     */
    public static NpcId generate() {
        char[] chars = new char[GENERATED_LENGTH];
        for (int i = 0; i < chars.length; i++) {
            chars[i] = ALPHABET[RANDOM.nextInt(ALPHABET.length)];
        }
        return new NpcId(new String(chars));
    }

    @Override
    public String toString() {
        return value;
    }
}
