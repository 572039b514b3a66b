package dev.campaignkeeper.core.imports;

import java.util.Objects;

/**
 * One proxy tag as an export file wrote it, not yet checked: text before and/or after the message.
 *
 * @param prefix the text the message starts with, possibly empty
 * @param suffix the text the message ends with, possibly empty
 */
public record ImportedTag(String prefix, String suffix) {

    /**
     * Validates the fields.
     *
     * @param prefix the text the message starts with, possibly empty
     * @param suffix the text the message ends with, possibly empty
     */
    public ImportedTag {
        Objects.requireNonNull(prefix, "prefix");
        Objects.requireNonNull(suffix, "suffix");
    }

    /**
     * Whether the tag has neither a prefix nor a suffix (such a tag matches nothing and is dropped).
     *
     * @return true if both are empty
     */
    public boolean isEmpty() {
        return prefix.isEmpty() && suffix.isEmpty();
    }
}
