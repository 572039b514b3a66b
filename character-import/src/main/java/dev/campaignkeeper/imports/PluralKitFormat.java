package dev.campaignkeeper.imports;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import dev.campaignkeeper.core.error.InvalidInputException;
import dev.campaignkeeper.core.imports.ImportedCharacter;
import dev.campaignkeeper.core.imports.ImportedFile;
import dev.campaignkeeper.core.imports.ImportedTag;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * PluralKit's export ({@code system.json}): {@code version} 1 or 2 and a {@code members} list. A
 * member has {@code name}, {@code display_name}, {@code avatar_url}, {@code description} and
 * {@code proxy_tags} ({@code [{prefix, suffix}]}); version 2 adds {@code webhook_avatar_url} (the
 * avatar PluralKit proxies with, preferred when set), version 1 may instead have one
 * {@code prefix}/{@code suffix} pair on the member.
 */
final class PluralKitFormat {

    private static final String LIST = "members";

    private PluralKitFormat() {
    }

    static boolean matches(JsonObject root) {
        return root.has("version") && root.has(LIST) && root.get(LIST).isJsonArray();
    }

    static ImportedFile read(JsonObject root) {
        JsonElement versionField = root.get("version");
        int version = versionField.isJsonPrimitive() && versionField.getAsJsonPrimitive().isNumber()
                ? versionField.getAsInt() : -1;
        if (version != 1 && version != 2) {
            throw new InvalidInputException("The file is a PluralKit export of version " + versionField
                    + "; the bot reads versions 1 and 2. Nothing was imported.");
        }
        String format = "PluralKit (version " + version + ")";
        JsonArray members = root.getAsJsonArray(LIST);
        List<ImportedCharacter> entries = new ArrayList<>(members.size());
        for (int i = 0; i < members.size(); i++) {
            JsonFields member = JsonFields.entry(format, LIST, i, members.get(i));
            Optional<String> avatar = version == 2
                    ? member.text("webhook_avatar_url").filter(url -> !url.isBlank())
                    : Optional.empty();
            if (avatar.isEmpty()) {
                avatar = member.text("avatar_url").filter(url -> !url.isBlank());
            }
            entries.add(new ImportedCharacter(member.requiredText("name"),
                    member.text("display_name").filter(name -> !name.isBlank()), avatar,
                    member.text("description"), tags(member)));
        }
        return new ImportedFile(format, entries);
    }

    private static List<ImportedTag> tags(JsonFields member) {
        List<ImportedTag> tags = new ArrayList<>();
        for (JsonElement element : member.list("proxy_tags").orElse(new JsonArray())) {
            JsonFields tag = member.nested("proxy_tags", element);
            add(tags, new ImportedTag(tag.text("prefix").orElse(""), tag.text("suffix").orElse("")));
        }
        // version 1 before proxy_tags: one pair on the member itself
        add(tags, new ImportedTag(member.text("prefix").orElse(""), member.text("suffix").orElse("")));
        return tags;
    }

    private static void add(List<ImportedTag> tags, ImportedTag tag) {
        if (!tag.isEmpty() && !tags.contains(tag)) {
            tags.add(tag);
        }
    }
}
