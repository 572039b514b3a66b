package dev.campaignkeeper.imports;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import dev.campaignkeeper.core.imports.ImportedCharacter;
import dev.campaignkeeper.core.imports.ImportedFile;
import dev.campaignkeeper.core.imports.ImportedTag;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Tupperbox's export ({@code tuppers.json}): {@code {"tuppers": [...], "groups": [...]}}, no version
 * field. Each tupper has {@code name}, {@code avatar_url}, {@code description} (may be null) and
 * {@code brackets}, a flat list of prefix, suffix, prefix, suffix...
 */
final class TupperboxFormat {

    static final String FORMAT = "Tupperbox";
    private static final String LIST = "tuppers";

    private TupperboxFormat() {
    }

    static boolean matches(JsonObject root) {
        return root.has(LIST) && root.get(LIST).isJsonArray() && !root.has("version");
    }

    static ImportedFile read(JsonObject root) {
        JsonArray tuppers = root.getAsJsonArray(LIST);
        List<ImportedCharacter> entries = new ArrayList<>(tuppers.size());
        for (int i = 0; i < tuppers.size(); i++) {
            JsonFields tupper = JsonFields.entry(FORMAT, LIST, i, tuppers.get(i));
            Optional<String> avatar = tupper.text("avatar_url");
            if (avatar.isEmpty()) {
                avatar = tupper.text("avatar");
            }
            entries.add(new ImportedCharacter(tupper.requiredText("name"), Optional.empty(),
                    avatar.filter(url -> !url.isBlank()), tupper.text("description"), brackets(tupper)));
        }
        return new ImportedFile(FORMAT, entries);
    }

    /** The flat bracket list in pairs; an odd last one is a prefix alone. */
    private static List<ImportedTag> brackets(JsonFields tupper) {
        List<ImportedTag> tags = new ArrayList<>();
        JsonArray brackets = tupper.list("brackets").orElse(new JsonArray());
        for (int i = 0; i < brackets.size(); i += 2) {
            String prefix = tupper.textElement("brackets", brackets.get(i));
            JsonElement after = i + 1 < brackets.size() ? brackets.get(i + 1) : null;
            String suffix = after == null ? "" : tupper.textElement("brackets", after);
            ImportedTag tag = new ImportedTag(prefix, suffix);
            if (!tag.isEmpty()) {
                tags.add(tag);
            }
        }
        return tags;
    }
}
