package dev.campaignkeeper.core.imports;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One entry of an export file (a Tupperbox "tupper", a PluralKit member) as the file wrote it: no
 * value is checked yet; {@link dev.campaignkeeper.core.usecase.CharacterImports} applies the input rules.
 *
 * @param name the entry's name in the other bot (what {@code name:} picks it by)
 * @param displayName the name the other bot shows on its posts, if the file has a different one
 *     (PluralKit's {@code display_name})
 * @param avatarUrl the avatar link, if any
 * @param description the description, if any
 * @param tags the proxy tags, empty ones already left out
 */
public record ImportedCharacter(
        String name,
        Optional<String> displayName,
        Optional<String> avatarUrl,
        Optional<String> description,
        List<ImportedTag> tags) {

    /**
     * Validates and copies the fields.
     *
     * @param name the entry's name in the other bot
     * @param displayName the name shown on its posts, if different
     * @param avatarUrl the avatar link, if any
     * @param description the description, if any
     * @param tags the proxy tags
     */
    public ImportedCharacter {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(displayName, "displayName");
        Objects.requireNonNull(avatarUrl, "avatarUrl");
        Objects.requireNonNull(description, "description");
        tags = List.copyOf(tags);
    }

    /**
     * The name the character gets here: the display name if the file has one, else the name.
     *
     * @return the raw name, not yet checked
     */
    public String shownName() {
        return displayName.filter(shown -> !shown.isBlank()).orElse(name);
    }
}
