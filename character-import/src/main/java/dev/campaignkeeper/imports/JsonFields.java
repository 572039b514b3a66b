package dev.campaignkeeper.imports;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import dev.campaignkeeper.core.error.InvalidInputException;
import java.util.Optional;

/**
 * Reads the fields of one entry of an export file, saying which entry and field is wrong when a
 * field has the wrong type. A missing field and {@code null} are the same: absent.
 */
final class JsonFields {

    private final String format;
    private final String where;
    private final JsonObject object;

    private JsonFields(String format, String where, JsonObject object) {
        this.format = format;
        this.where = where;
        this.object = object;
    }

    /**
     * The fields of entry {@code index} (0-based) of a list, which must be an object.
     *
     * @param format the file's format, for messages
     * @param list the list's field name, for messages
     * @param index the entry's position
     * @param element the entry
     * @return its fields
     */
    static JsonFields entry(String format, String list, int index, JsonElement element) {
        String where = "entry " + (index + 1) + " of its \"" + list + "\" list";
        if (!element.isJsonObject()) {
            throw new InvalidInputException("The " + format + " file's " + where + " is not an object with fields, so the"
                    + " file cannot be imported. Export it again and attach the new file unchanged.");
        }
        return new JsonFields(format, where, element.getAsJsonObject());
    }

    /**
     * A text field that must be present and not blank.
     *
     * @param name the field's name
     * @return its text
     */
    String requiredText(String name) {
        return text(name).filter(text -> !text.isBlank()).orElseThrow(() -> new InvalidInputException("The " + format
                + " file's " + where + " has no \"" + name + "\", so the file cannot be imported."));
    }

    /**
     * A text field, if present and not {@code null}.
     *
     * @param name the field's name
     * @return its text
     */
    Optional<String> text(String name) {
        JsonElement value = object.get(name);
        if (value == null || value.isJsonNull()) {
            return Optional.empty();
        }
        if (value.isJsonPrimitive() && value.getAsJsonPrimitive().isString()) {
            return Optional.of(value.getAsString());
        }
        throw wrongType(name, "text");
    }

    /**
     * A list field, if present and not {@code null}.
     *
     * @param name the field's name
     * @return the list
     */
    Optional<JsonArray> list(String name) {
        JsonElement value = object.get(name);
        if (value == null || value.isJsonNull()) {
            return Optional.empty();
        }
        if (value.isJsonArray()) {
            return Optional.of(value.getAsJsonArray());
        }
        throw wrongType(name, "a list");
    }

    /**
     * The text of one element of a list field: text, or empty for {@code null}.
     *
     * @param name the list's field name, for messages
     * @param element the element
     * @return its text, possibly empty
     */
    String textElement(String name, JsonElement element) {
        if (element.isJsonNull()) {
            return "";
        }
        if (element instanceof JsonPrimitive primitive && primitive.isString()) {
            return primitive.getAsString();
        }
        throw wrongType(name, "a list of text");
    }

    /**
     * The fields of an object inside this entry (a proxy tag).
     *
     * @param name the list's field name, for messages
     * @param element the element
     * @return its fields
     */
    JsonFields nested(String name, JsonElement element) {
        if (!element.isJsonObject()) {
            throw wrongType(name, "a list of objects");
        }
        return new JsonFields(format, where, element.getAsJsonObject());
    }

    private InvalidInputException wrongType(String name, String expected) {
        return new InvalidInputException("The " + format + " file's " + where + " has a \"" + name
                + "\" that is not " + expected + ", so the file cannot be imported. Export it again and attach the new"
                + " file unchanged.");
    }
}
