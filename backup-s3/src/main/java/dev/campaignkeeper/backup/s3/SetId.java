package dev.campaignkeeper.backup.s3;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Comparator;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A native backup set's name, {@code backup-<yyyyMMddHHmmssSSS>-<seq>}, and its order. */
record SetId(String name, String time, long sequence) implements Comparable<SetId> {

    private static final Pattern NAME = Pattern.compile("backup-(\\d{17})-(\\d{1,18})");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyyMMddHHmmssSSS");
    private static final Comparator<SetId> ORDER =
            Comparator.comparing(SetId::time).thenComparingLong(SetId::sequence);

    static Optional<SetId> parse(String name) {
        Matcher m = NAME.matcher(name);
        if (!m.matches()) {
            return Optional.empty();
        }
        return Optional.of(new SetId(name, m.group(1), Long.parseLong(m.group(2))));
    }

    Instant created() {
        try {
            return LocalDateTime.parse(time, TIME).toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            return Instant.EPOCH;
        }
    }

    @Override
    public int compareTo(SetId other) {
        return ORDER.compare(this, other);
    }
}
