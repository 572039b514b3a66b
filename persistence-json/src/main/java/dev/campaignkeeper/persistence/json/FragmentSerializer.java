package dev.campaignkeeper.persistence.json;

import com.google.gson.stream.JsonWriter;
import dev.campaignkeeper.core.model.GuildState;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Serialises one guild's entry of one snapshot file on its own: the bytes {@link SeedFormat#write}
 * puts between the separator before the guild ({@code "{\n  "} or {@code ",\n  "}) and the one
 * after it, so entries can be spliced into a file byte for byte as a full write would produce them.
 * Not thread-safe: one per checkpoint.
 */
final class FragmentSerializer {

    private static final int PREFIX = "{\n  ".length();
    private static final int SUFFIX = "\n}".length();

    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream(1 << 14);
    private final Writer chars = new OutputStreamWriter(bytes, StandardCharsets.UTF_8);

    /**
     * The guild's entry in {@code file} at nesting depth one, from its quoted id to its closing brace.
     *
     * @return the UTF-8 bytes, empty if the guild has no entry in the file
     */
    byte[] fragment(String file, GuildState state) throws IOException {
        if (!SeedFormat.hasEntry(file, state)) {
            return new byte[0];
        }
        bytes.reset();
        JsonWriter writer = SeedFormat.pretty(new JsonWriter(chars));
        writer.beginObject();
        SeedFormat.writeGuild(file, state, writer);
        writer.endObject();
        writer.flush();
        byte[] all = bytes.toByteArray();
        if (all.length < PREFIX + SUFFIX || all[0] != '{' || all[1] != '\n' || all[all.length - 2] != '\n'
                || all[all.length - 1] != '}') {
            throw new IllegalStateException("a guild's entry did not serialise as one indented member");
        }
        return Arrays.copyOfRange(all, PREFIX, all.length - SUFFIX);
    }
}
