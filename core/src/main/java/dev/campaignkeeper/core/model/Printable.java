package dev.campaignkeeper.core.model;

/** Shortens values quoted in error messages so a huge bad value cannot flood a log. */
final class Printable {

    private static final int MAX = 40;

    private Printable() {
    }

    static String abbreviate(String value) {
        String cleaned = value.codePoints()
                .map(c -> Character.isISOControl(c) ? '?' : c)
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append)
                .toString();
        return cleaned.length() <= MAX ? cleaned : cleaned.substring(0, MAX) + "...";
    }
}
