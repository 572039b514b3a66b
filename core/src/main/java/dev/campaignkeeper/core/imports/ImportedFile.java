package dev.campaignkeeper.core.imports;

import java.util.List;
import java.util.Objects;

/**
 * A parsed export file: which bot wrote it and its entries, in file order.
 *
 * @param format the format, for messages, e.g. {@code "Tupperbox"} or {@code "PluralKit (version 2)"}
 * @param entries the entries; may be empty (the use case refuses an empty file)
 */
public record ImportedFile(String format, List<ImportedCharacter> entries) {

    /**
     * Validates and copies the fields.
     *
     * @param format the format, for messages
     * @param entries the entries
     */
    public ImportedFile {
        Objects.requireNonNull(format, "format");
        entries = List.copyOf(entries);
        if (format.isBlank()) {
            throw new IllegalArgumentException("format is blank");
        }
    }
}
