package dev.campaignkeeper.persistence.json;

import com.google.gson.Strictness;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonToken;
import com.google.gson.stream.JsonWriter;
import com.google.gson.stream.MalformedJsonException;
import dev.campaignkeeper.core.model.Campaign;
import dev.campaignkeeper.core.model.ChannelId;
import dev.campaignkeeper.core.model.GuildId;
import dev.campaignkeeper.core.model.GuildState;
import dev.campaignkeeper.core.model.Npc;
import dev.campaignkeeper.core.model.NpcId;
import dev.campaignkeeper.core.model.PlayerCharacter;
import dev.campaignkeeper.core.model.RecordChange;
import dev.campaignkeeper.core.model.UserId;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.EOFException;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.CRC32C;
import java.util.zip.Checksum;

/**
 * The seed's three snapshot files: {@code campaigns.json} (guild -> channel -> campaign),
 * {@code characters.json} (guild -> user -> channel -> character), {@code npcs.json}
 * (guild -> channel -> npc id -> npc). Streams in both directions so a 100+ MB store never needs
 * a JSON tree in memory.
 */
final class SeedFormat {

    static final String CAMPAIGNS = "campaigns.json";
    static final String CHARACTERS = "characters.json";
    static final String NPCS = "npcs.json";
    static final List<String> FILES = List.of(CAMPAIGNS, CHARACTERS, NPCS);

    /** Orders guild ids numerically (shorter first, then lexicographically). */
    static final Comparator<GuildId> GUILD_ORDER =
            Comparator.comparingInt((GuildId g) -> g.value().length()).thenComparing(GuildId::value);

    private SeedFormat() {
    }

    /** Size and CRC32C of a file's bytes. */
    record FileSum(long size, long crc) {
        String crcHex() {
            return hex(crc);
        }
    }

    static String hex(long crc) {
        if (crc < 0 || crc > 0xffffffffL) {
            return String.format("%08x", crc);
        }
        // a checksum: eight lowercase digits, without a Formatter (the journal checks one per line)
        byte[] digits = new byte[8];
        for (int i = 0; i < 8; i++) {
            digits[i] = HEX_DIGITS[(int) (crc >>> (28 - 4 * i)) & 0xf];
        }
        return new String(digits, java.nio.charset.StandardCharsets.US_ASCII);
    }

    /** Lowercase hexadecimal digits, as {@link #hex(long)} writes them. */
    static final byte[] HEX_DIGITS = "0123456789abcdef".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

    /**
     * Whether {@code bytes[from..from+8)} are the eight lowercase hex digits {@link #hex(long)}
     * writes for a checksum.
     */
    static boolean hexMatches(long crc, byte[] bytes, int from) {
        for (int i = 0; i < 8; i++) {
            if (bytes[from + i] != HEX_DIGITS[(int) (crc >>> (28 - 4 * i)) & 0xf]) {
                return false;
            }
        }
        return true;
    }

    /** Counts bytes and computes the CRC32C of everything read through it. */
    static final class SummingInputStream extends FilterInputStream {
        private final Checksum checksum = new CRC32C();
        private long count;

        SummingInputStream(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                checksum.update(b);
                count++;
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            if (n > 0) {
                checksum.update(buffer, offset, n);
                count += n;
            }
            return n;
        }

        /** Reads the rest, so the sum covers the whole file. */
        FileSum drain() throws IOException {
            byte[] buffer = new byte[8192];
            while (read(buffer, 0, buffer.length) >= 0) {
                // summing
            }
            return new FileSum(count, checksum.getValue());
        }

        long count() {
            return count;
        }
    }

    /** Counts bytes and computes the CRC32C of everything written through it. */
    static final class SummingOutputStream extends OutputStream {
        private final OutputStream out;
        private final Checksum checksum = new CRC32C();
        private long count;

        SummingOutputStream(OutputStream out) {
            this.out = out;
        }

        @Override
        public void write(int b) throws IOException {
            out.write(b);
            checksum.update(b);
            count++;
        }

        @Override
        public void write(byte[] buffer, int offset, int length) throws IOException {
            out.write(buffer, offset, length);
            checksum.update(buffer, offset, length);
            count += length;
        }

        @Override
        public void flush() throws IOException {
            out.flush();
        }

        @Override
        public void close() throws IOException {
            out.close();
        }

        FileSum sum() {
            return new FileSum(count, checksum.getValue());
        }
    }

    static JsonReader strictReader(InputStream in) {
        InputStreamReader decoder = new InputStreamReader(in, StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT));
        JsonReader reader = new JsonReader(new BufferedReader(decoder, 1 << 16));
        reader.setStrictness(Strictness.STRICT);
        return reader;
    }

    /**
     * Reads one snapshot file into {@code states}, merging with what other files put there.
     *
     * @return the file's size and CRC32C
     * @throws FormatException if the content cannot be represented (bad JSON, wrong shape, bad id)
     */
    static FileSum read(String file, InputStream raw, Map<GuildId, GuildState> states,
                        List<LoadWarning> warnings) throws IOException, FormatException {
        Map<GuildId, List<RecordChange>> changes = new java.util.LinkedHashMap<>();
        FileSum sum = readChanges(file, raw, changes, warnings);
        changes.forEach((guild, puts) ->
                states.put(guild, states.getOrDefault(guild, GuildState.empty(guild)).apply(puts)));
        return sum;
    }

    /**
     * Builds guild states from per-guild change lists: one apply per guild (each guild's maps built
     * in one go), guilds split between the load workers ({@link Loader#inParallel}).
     *
     * @throws java.io.InterruptedIOException if interrupted while the workers build
     */
    static Map<GuildId, GuildState> build(List<Map<GuildId, List<RecordChange>>> parts) throws IOException {
        Map<GuildId, List<RecordChange>> all;
        if (parts.size() == 1) {
            all = parts.get(0);
        } else {
            all = new java.util.HashMap<>();
            for (Map<GuildId, List<RecordChange>> part : parts) {
                part.forEach((guild, puts) -> all.merge(guild, puts, (a, b) -> {
                    List<RecordChange> merged = new ArrayList<>(a.size() + b.size());
                    merged.addAll(a);
                    merged.addAll(b);
                    return merged;
                }));
            }
        }
        List<Map.Entry<GuildId, List<RecordChange>>> entries = new ArrayList<>(all.entrySet());
        GuildState[] built = new GuildState[entries.size()];
        Loader.inParallel(entries.size(), i ->
                built[i] = GuildState.empty(entries.get(i).getKey()).apply(entries.get(i).getValue()));
        Map<GuildId, GuildState> states = new java.util.HashMap<>(Math.max(16, (int) (built.length / 0.75) + 1));
        for (GuildState state : built) {
            if (!state.isEmpty()) {
                states.put(state.guild(), state);
            }
        }
        return states;
    }

    /**
     * Reads one snapshot file as per-guild lists of put changes, in file order.
     *
     * @return the file's size and CRC32C
     * @throws FormatException if the content cannot be represented (bad JSON, wrong shape, bad id)
     */
    static FileSum readChanges(String file, InputStream raw, Map<GuildId, List<RecordChange>> changes,
                               List<LoadWarning> warnings) throws IOException, FormatException {
        return readChanges(file, raw, changes, warnings, null);
    }

    /**
     * Like {@link #readChanges(String, InputStream, Map, List)}, sharing id objects through
     * {@code ids} with the other files of the same load (null: this file's own).
     */
    static FileSum readChanges(String file, InputStream raw, Map<GuildId, List<RecordChange>> changes,
                               List<LoadWarning> warnings, SharedIds ids) throws IOException, FormatException {
        return readChanges(file, raw, changes, warnings, ids, null);
    }

    /**
     * Like {@link #readChanges(String, InputStream, Map, List, SharedIds)}, building only the records
     * of the guilds {@code wanted} accepts (null: every guild). Other guilds' values are still
     * tokenised (so broken JSON anywhere is still damage) and counted in the checksum, but skipped
     * without building records: one guild's read of a big file costs a scan, not a parse.
     */
    static FileSum readChanges(String file, InputStream raw, Map<GuildId, List<RecordChange>> changes,
                               List<LoadWarning> warnings, SharedIds ids,
                               java.util.function.Predicate<GuildId> wanted) throws IOException, FormatException {
        SummingInputStream in = new SummingInputStream(raw);
        RecordJson.Loading sink = new RecordJson.Loading(warnings == null ? (location, message) -> { }
                : (location, message) -> warnings.add(new LoadWarning(file, location, message)), true, ids);
        JsonReader reader = strictReader(in);
        try {
            RecordJson.expectObject(reader, "the top level of " + file);
            Set<GuildId> seen = new HashSet<>();
            while (reader.hasNext()) {
                GuildId guild = RecordJson.id(reader, reader.nextName(), "guild id", sink::guild);
                if (wanted != null && !wanted.test(guild)) {
                    reader.skipValue();
                    continue;
                }
                if (!seen.add(guild)) {
                    sink.warn(reader.getPath(), "guild " + guild + " appears twice; entries merged");
                }
                sink.startGuild(guild);
                List<RecordChange> puts = changes.computeIfAbsent(guild, g -> new ArrayList<>());
                switch (file) {
                    case CAMPAIGNS -> readCampaignGuild(reader, guild, puts, sink);
                    case CHARACTERS -> readCharacterGuild(reader, guild, puts, sink);
                    case NPCS -> readNpcGuild(reader, guild, puts, sink);
                    default -> throw new IllegalArgumentException("unknown snapshot file " + file);
                }
                if (puts.isEmpty()) {
                    changes.remove(guild);
                }
            }
            reader.endObject();
            sink.finish();
            if (reader.peek() != JsonToken.END_DOCUMENT) {
                throw RecordJson.error(reader, "trailing data after the top-level object");
            }
        } catch (MalformedJsonException | EOFException | IllegalStateException | NumberFormatException e) {
            if (e instanceof RuntimeException runtime) {
                RecordJson.rethrowBug(runtime);
            }
            long[] position = RecordJson.position(reader);
            throw new FormatException("not valid JSON of the expected shape: " + RecordJson.oneLine(e),
                    position[0], position[1], e);
        } catch (CharacterCodingException e) {
            long[] position = RecordJson.position(reader);
            throw new FormatException("not valid UTF-8", -1, -1, e);
        }
        return in.drain();
    }

    private static void readCampaignGuild(JsonReader in, GuildId guild, List<RecordChange> puts,
                                          RecordJson.Warnings warnings) throws IOException, FormatException {
        RecordJson.expectObject(in, "a guild's campaigns");
        while (in.hasNext()) {
            ChannelId channel = RecordJson.id(in, in.nextName(), "channel id", warnings::channel);
            Campaign campaign = RecordJson.readCampaign(in, guild, channel, warnings);
            puts.add(new RecordChange.PutCampaign(campaign));
        }
        in.endObject();
    }

    private static void readCharacterGuild(JsonReader in, GuildId guild, List<RecordChange> puts,
                                           RecordJson.Warnings warnings) throws IOException, FormatException {
        RecordJson.expectObject(in, "a guild's characters");
        while (in.hasNext()) {
            UserId user = RecordJson.id(in, in.nextName(), "user id", warnings::user);
            RecordJson.expectObject(in, "a user's characters");
            while (in.hasNext()) {
                ChannelId channel = RecordJson.id(in, in.nextName(), "channel id", warnings::channel);
                PlayerCharacter character = RecordJson.readCharacter(in, guild, user, channel, warnings);
                puts.add(new RecordChange.PutCharacter(character));
            }
            in.endObject();
        }
        in.endObject();
    }

    private static void readNpcGuild(JsonReader in, GuildId guild, List<RecordChange> puts,
                                     RecordJson.Warnings warnings) throws IOException, FormatException {
        RecordJson.expectObject(in, "a guild's NPCs");
        while (in.hasNext()) {
            ChannelId channel = RecordJson.id(in, in.nextName(), "channel id", warnings::channel);
            RecordJson.expectObject(in, "a channel's NPCs");
            while (in.hasNext()) {
                NpcId id = RecordJson.id(in, in.nextName(), "npc id", warnings::npcId);
                Npc npc = RecordJson.readNpc(in, guild, channel, id, warnings);
                puts.add(new RecordChange.PutNpc(npc));
            }
            in.endObject();
        }
        in.endObject();
    }

    static JsonWriter prettyWriter(OutputStream out) {
        return pretty(new JsonWriter(new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16)));
    }

    /** Sets the seed's pretty-printing (two-space indent, non-ASCII and HTML characters as they are). */
    static JsonWriter pretty(JsonWriter writer) {
        writer.setIndent("  ");
        writer.setHtmlSafe(false);
        writer.setStrictness(Strictness.STRICT);
        return writer;
    }

    /**
     * Writes one snapshot file in the seed's layout, pretty-printed like Python's
     * {@code json.dump(indent=2, ensure_ascii=False)}. Flushes but does not close {@code out}.
     *
     * @param guilds the guilds in output order
     */
    static void write(String file, List<GuildState> guilds, OutputStream out) throws IOException {
        JsonWriter writer = prettyWriter(out);
        writer.beginObject();
        for (GuildState state : guilds) {
            writeGuild(file, state, writer);
        }
        writer.endObject();
        writer.flush();
    }

    /**
     * Whether a guild has an entry in a snapshot file (a guild without campaigns is left out of
     * {@code campaigns.json}, and so on).
     */
    static boolean hasEntry(String file, GuildState state) {
        return switch (file) {
            case CAMPAIGNS -> !state.campaigns().isEmpty();
            case CHARACTERS -> !state.charactersByUser().isEmpty();
            case NPCS -> !state.npcsByChannel().isEmpty();
            default -> throw new IllegalArgumentException("unknown snapshot file " + file);
        };
    }

    /** Writes one guild's entry (name and object) into an open top-level object; nothing if it has none. */
    static void writeGuild(String file, GuildState state, JsonWriter writer) throws IOException {
        if (!hasEntry(file, state)) {
            return;
        }
        switch (file) {
            case CAMPAIGNS -> {
                writer.name(state.guild().value()).beginObject();
                for (Campaign campaign : state.campaigns()) {
                    writer.name(campaign.channel().value());
                    RecordJson.writeCampaignFields(writer, campaign);
                }
                writer.endObject();
            }
            case CHARACTERS -> {
                writer.name(state.guild().value()).beginObject();
                for (Map.Entry<UserId, Map<ChannelId, PlayerCharacter>> byUser
                        : state.charactersByUser().entrySet()) {
                    writer.name(byUser.getKey().value()).beginObject();
                    for (PlayerCharacter character : byUser.getValue().values()) {
                        writer.name(character.channel().value());
                        RecordJson.writeCharacterFields(writer, character);
                    }
                    writer.endObject();
                }
                writer.endObject();
            }
            case NPCS -> {
                writer.name(state.guild().value()).beginObject();
                for (Map.Entry<ChannelId, Map<NpcId, Npc>> byChannel : state.npcsByChannel().entrySet()) {
                    writer.name(byChannel.getKey().value()).beginObject();
                    for (Npc npc : byChannel.getValue().values()) {
                        writer.name(npc.id().value());
                        RecordJson.writeNpcFields(writer, npc);
                    }
                    writer.endObject();
                }
                writer.endObject();
            }
            default -> throw new IllegalArgumentException("unknown snapshot file " + file);
        }
    }
}
