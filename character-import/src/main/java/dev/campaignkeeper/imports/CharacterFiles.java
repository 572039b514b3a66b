package dev.campaignkeeper.imports;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import com.google.gson.Strictness;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonToken;
import dev.campaignkeeper.core.error.InvalidInputException;
import dev.campaignkeeper.core.imports.ImportedFile;
import dev.campaignkeeper.core.rules.InputRules;
import dev.campaignkeeper.core.usecase.CharacterImports;
import java.io.IOException;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * Reads an export file of another proxy bot: Tupperbox ({@code tuppers.json}: a {@code tuppers}
 * list, no version) or PluralKit ({@code system.json}: {@code version} 1 or 2 and a
 * {@code members} list). Only the fields a character needs are read; everything else in the file
 * (groups, switches, privacy settings...) is ignored.
 */
public final class CharacterFiles {

    private CharacterFiles() {
    }

    /**
     * Parses an export file.
     *
     * @param fileName the file's name, for messages
     * @param content the file's bytes
     * @return the file's format and entries, values as the file wrote them (not yet checked)
     * @throws InvalidInputException if the file is too large, not JSON (UTF-8), or neither format,
     *     or a field the bot reads has the wrong type; the message says which
     */
    public static ImportedFile parse(String fileName, byte[] content) {
        Objects.requireNonNull(fileName, "fileName");
        Objects.requireNonNull(content, "content");
        CharacterImports.checkFileSize(fileName, content.length);
        String shown = quoted(fileName);
        JsonElement root = json(shown, content);
        if (!root.isJsonObject()) {
            throw neither(shown);
        }
        JsonObject object = root.getAsJsonObject();
        if (TupperboxFormat.matches(object)) {
            return TupperboxFormat.read(object);
        }
        if (PluralKitFormat.matches(object)) {
            return PluralKitFormat.read(object);
        }
        throw neither(shown);
    }

    private static JsonElement json(String shown, byte[] content) {
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(content))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new InvalidInputException("The file " + shown + " is not a JSON file (it is not even UTF-8 text). "
                    + EXPECTED, e);
        }
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        try (JsonReader reader = new JsonReader(new StringReader(text))) {
            reader.setStrictness(Strictness.STRICT);
            JsonElement root = JsonParser.parseReader(reader);
            if (reader.peek() != JsonToken.END_DOCUMENT) {
                throw new JsonParseException("more text after the JSON document");
            }
            return root;
        } catch (JsonParseException | IOException | IllegalStateException e) {
            throw new InvalidInputException("The file " + shown + " is not valid JSON ("
                    + reason(e) + "). " + EXPECTED, e);
        }
    }

    private static final String EXPECTED = "Attach the tuppers.json file Tupperbox's export sends, or the "
            + "system.json file PluralKit's export sends, unchanged.";

    private static InvalidInputException neither(String shown) {
        return new InvalidInputException("The file " + shown + " is JSON, but neither a Tupperbox export (with a "
                + "\"tuppers\" list) nor a PluralKit export (with a \"version\" and a \"members\" list). " + EXPECTED);
    }

    private static String reason(Exception e) {
        Throwable cause = e.getCause() != null ? e.getCause() : e;
        String message = cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
        // Gson appends a link to its troubleshooting page; the user needs only the place
        int see = message.indexOf("\nSee ");
        String plain = (see >= 0 ? message.substring(0, see) : message).replace('\n', ' ');
        return plain.length() > 120 ? plain.substring(0, 120) + "..." : plain;
    }

    private static String quoted(String fileName) {
        String name = InputRules.clean(fileName, false);
        int max = 60;
        if (name.codePointCount(0, name.length()) > max) {
            name = name.substring(0, name.offsetByCodePoints(0, max)) + "...";
        }
        return "\"" + name + "\"";
    }
}
