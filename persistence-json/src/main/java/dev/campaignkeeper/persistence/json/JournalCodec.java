package dev.campaignkeeper.persistence.json;

import com.google.gson.Strictness;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonToken;
import com.google.gson.stream.JsonWriter;
import dev.campaignkeeper.core.model.Campaign;
import dev.campaignkeeper.core.model.ChannelId;
import dev.campaignkeeper.core.model.GuildId;
import dev.campaignkeeper.core.model.NpcId;
import dev.campaignkeeper.core.model.RecordChange;
import dev.campaignkeeper.core.model.UserId;
import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.CRC32C;

/**
 * One journal line per mutation:
 * {@code {"seq":N,"guild":"G","changes":[...],"crc32c":"xxxxxxxx"}\n}, where the CRC32C covers
 * every byte before {@code ,"crc32c"}. A multi-record mutation is one line, so it is atomic.
 */
final class JournalCodec {

    private static final byte[] CRC_PREFIX = ",\"crc32c\":\"".getBytes(StandardCharsets.US_ASCII);
    /** {@code ,"crc32c":"} + 8 hex digits + {@code "}}. */
    static final int CRC_SUFFIX_LENGTH = CRC_PREFIX.length + 8 + 2;

    /**
     * How replay reads entries: no warnings and no rule checks (the entry was valid when it was
     * written), no id caches (an entry's ids rarely repeat within it).
     */
    static final RecordJson.Warnings REPLAY = RecordJson.Warnings.NONE;

    private JournalCodec() {
    }

    /** A decoded journal entry. */
    record Entry(long seq, GuildId guild, List<RecordChange> changes) {
    }

    private static final byte[] SEQ_PREFIX = "{\"seq\":".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    private static final byte[] GUILD_PREFIX = ",\"guild\":\"".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

    /**
     * The sequence number and guild of a line in exactly the form this code writes
     * ({@code {"seq":N,"guild":"G",...}}), read without decoding its changes: an entry whose
     * changes are empty, for a replay that applies another guild's entries only. Null when the
     * line does not start that way (then {@link #decode} tells what it is).
     *
     * @param line the line's bytes (checksum already verified)
     * @param length how many of them
     * @return the entry without its changes, or null
     */
    static Entry header(byte[] line, int length) {
        int i = SEQ_PREFIX.length;
        if (length <= i || !java.util.Arrays.equals(line, 0, i, SEQ_PREFIX, 0, i) || line[i] == '0') {
            return null; // a leading zero: 0 is out of range and 01 not strict JSON, as decode says
        }
        long seq = 0;
        int digits = 0;
        while (i < length && line[i] >= '0' && line[i] <= '9' && digits < 18) {
            seq = seq * 10 + (line[i++] - '0');
            digits++;
        }
        if (digits == 0 || seq < 1 || length < i + GUILD_PREFIX.length
                || !java.util.Arrays.equals(line, i, i + GUILD_PREFIX.length, GUILD_PREFIX, 0, GUILD_PREFIX.length)) {
            return null;
        }
        i += GUILD_PREFIX.length;
        int start = i;
        while (i < length && line[i] >= '0' && line[i] <= '9') {
            i++;
        }
        if (i == start || i >= length || line[i] != '"') {
            return null;
        }
        if (i - start <= 18 && (line[start] != '0' || i - start == 1)) {
            // the canonical digits of a number below 10^18: the id without making its text
            long bits = 0;
            for (int k = start; k < i; k++) {
                bits = bits * 10 + (line[k] - '0');
            }
            return new Entry(seq, GuildId.of(bits), List.of());
        }
        try {
            return new Entry(seq, GuildId.of(new String(line, start, i - start,
                    java.nio.charset.StandardCharsets.US_ASCII)), List.of());
        } catch (IllegalArgumentException e) {
            return null; // not an id: decode tells what is wrong
        }
    }

    /** Encodes {@code "guild":"G","changes":[...]}: the seq-independent part of a line. */
    static byte[] encodeBody(GuildId guild, List<? extends RecordChange> changes) {
        try {
            StringWriter text = new StringWriter(256);
            JsonWriter out = new JsonWriter(text);
            out.setHtmlSafe(false);
            out.beginObject();
            out.name("guild").value(guild.value());
            out.name("changes").beginArray();
            for (RecordChange change : changes) {
                writeChange(out, change);
            }
            out.endArray();
            out.endObject();
            out.flush();
            String object = text.toString();
            return object.substring(1, object.length() - 1).getBytes(StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Builds the full line for a body at a sequence number. */
    static byte[] line(long seq, byte[] body) {
        byte[] head = ("{\"seq\":" + seq + ",").getBytes(StandardCharsets.US_ASCII);
        byte[] line = new byte[head.length + body.length + CRC_SUFFIX_LENGTH + 1];
        System.arraycopy(head, 0, line, 0, head.length);
        System.arraycopy(body, 0, line, head.length, body.length);
        int prefixLength = head.length + body.length;
        CRC32C crc = new CRC32C();
        crc.update(line, 0, prefixLength);
        byte[] suffix = (",\"crc32c\":\"" + SeedFormat.hex(crc.getValue()) + "\"}\n")
                .getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(suffix, 0, line, prefixLength, suffix.length);
        return line;
    }

    /** Whether a line (without its newline) carries a matching CRC32C. */
    static boolean checksumMatches(byte[] line, int length) {
        if (length < CRC_SUFFIX_LENGTH + 2) {
            return false;
        }
        int prefixLength = length - CRC_SUFFIX_LENGTH;
        for (int i = 0; i < CRC_PREFIX.length; i++) {
            if (line[prefixLength + i] != CRC_PREFIX[i]) {
                return false;
            }
        }
        if (line[length - 2] != '"' || line[length - 1] != '}') {
            return false;
        }
        CRC32C crc = new CRC32C();
        crc.update(line, 0, prefixLength);
        return SeedFormat.hexMatches(crc.getValue(), line, prefixLength + CRC_PREFIX.length);
    }

    /** Decodes a line whose checksum matched. */
    static Entry decode(byte[] line, int length) throws IOException, FormatException {
        return decode(line, length, RecordJson.Warnings.NONE);
    }

    /** Decodes a line whose checksum matched, making ids through {@code ids} (a cache during replay). */
    static Entry decode(byte[] line, int length, RecordJson.Warnings ids) throws IOException, FormatException {
        if (ids == RecordJson.Warnings.NONE) {
            Entry fast = JournalLineDecoder.decode(line, length);
            if (fast != null) {
                return fast;
            }
        }
        return decodeGeneral(line, length, ids);
    }

    /** The general decoder (Gson): any field order, unknown fields, clear errors. */
    static Entry decodeGeneral(byte[] line, int length, RecordJson.Warnings ids) throws IOException, FormatException {
        // the checksum matched, so these are the exact bytes this code wrote: valid UTF-8
        JsonReader in = new JsonReader(new StringReader(new String(line, 0, length, StandardCharsets.UTF_8)));
        in.setStrictness(Strictness.STRICT);
        try {
            in.beginObject();
            expectName(in, "seq");
            long seq = in.nextLong();
            expectName(in, "guild");
            GuildId guild = RecordJson.id(in, RecordJson.string(in, "guild"), "guild id", ids::guild);
            expectName(in, "changes");
            in.beginArray();
            List<RecordChange> changes = new ArrayList<>();
            while (in.hasNext()) {
                changes.add(readChange(in, guild, ids));
            }
            in.endArray();
            expectName(in, "crc32c");
            in.skipValue();
            in.endObject();
            if (seq < 1) {
                throw new FormatException("sequence number " + seq + " out of range");
            }
            return new Entry(seq, guild, changes);
        } catch (IllegalStateException | NumberFormatException | com.google.gson.stream.MalformedJsonException
                 | java.io.EOFException e) {
            // not strict JSON of the entry's shape (NaN, an array, a cut-off object): damage, not a failure
            if (e instanceof RuntimeException runtime) {
                RecordJson.rethrowBug(runtime);
            }
            throw new FormatException("malformed journal entry: " + RecordJson.oneLine(e));
        }
    }

    private static void expectName(JsonReader in, String name) throws IOException, FormatException {
        String actual = in.nextName();
        if (!actual.equals(name)) {
            throw RecordJson.error(in, "expected \"" + name + "\" but found \"" + actual + "\"");
        }
    }

    private static void writeChange(JsonWriter out, RecordChange change) throws IOException {
        out.beginObject();
        if (change instanceof RecordChange.PutCampaign put) {
            Campaign campaign = put.campaign();
            out.name("op").value("put_campaign");
            out.name("channel_id").value(campaign.channel().value());
            out.name("campaign");
            RecordJson.writeCampaignFields(out, campaign);
        } else if (change instanceof RecordChange.RemoveCampaign remove) {
            out.name("op").value("remove_campaign");
            out.name("channel_id").value(remove.channel().value());
        } else if (change instanceof RecordChange.PutCharacter put) {
            out.name("op").value("put_character");
            out.name("user_id").value(put.character().user().value());
            out.name("channel_id").value(put.character().channel().value());
            out.name("character");
            RecordJson.writeCharacterFields(out, put.character());
        } else if (change instanceof RecordChange.RemoveCharacter remove) {
            out.name("op").value("remove_character");
            out.name("user_id").value(remove.user().value());
            out.name("channel_id").value(remove.channel().value());
        } else if (change instanceof RecordChange.PutNpc put) {
            out.name("op").value("put_npc");
            out.name("channel_id").value(put.npc().channel().value());
            out.name("npc_id").value(put.npc().id().value());
            out.name("npc");
            RecordJson.writeNpcFields(out, put.npc());
        } else if (change instanceof RecordChange.RemoveNpc remove) {
            out.name("op").value("remove_npc");
            out.name("channel_id").value(remove.channel().value());
            out.name("npc_id").value(remove.id().value());
        } else {
            throw new IllegalArgumentException("unknown change " + change);
        }
        out.endObject();
    }

    private static RecordChange readChange(JsonReader in, GuildId guild, RecordJson.Warnings ids)
            throws IOException, FormatException {
        in.beginObject();
        expectName(in, "op");
        String op = RecordJson.string(in, "op");
        RecordChange change;
        switch (op) {
            case "put_campaign" -> {
                ChannelId channel = channel(in, ids);
                expectName(in, "campaign");
                change = new RecordChange.PutCampaign(
                        RecordJson.readCampaign(in, guild, channel, ids));
            }
            case "remove_campaign" -> change = new RecordChange.RemoveCampaign(guild, channel(in, ids));
            case "put_character" -> {
                UserId user = user(in, ids);
                ChannelId channel = channel(in, ids);
                expectName(in, "character");
                change = new RecordChange.PutCharacter(
                        RecordJson.readCharacter(in, guild, user, channel, ids));
            }
            case "remove_character" -> {
                UserId user = user(in, ids);
                change = new RecordChange.RemoveCharacter(guild, user, channel(in, ids));
            }
            case "put_npc" -> {
                ChannelId channel = channel(in, ids);
                NpcId id = npcId(in);
                expectName(in, "npc");
                change = new RecordChange.PutNpc(RecordJson.readNpc(in, guild, channel, id, ids));
            }
            case "remove_npc" -> {
                ChannelId channel = channel(in, ids);
                change = new RecordChange.RemoveNpc(guild, channel, npcId(in));
            }
            default -> throw RecordJson.error(in, "unknown op \"" + op + "\"");
        }
        if (in.peek() != JsonToken.END_OBJECT) {
            throw RecordJson.error(in, "unexpected field in change");
        }
        in.endObject();
        return change;
    }

    private static ChannelId channel(JsonReader in, RecordJson.Warnings ids) throws IOException, FormatException {
        expectName(in, "channel_id");
        return RecordJson.id(in, RecordJson.string(in, "channel_id"), "channel id", ids::channel);
    }

    private static UserId user(JsonReader in, RecordJson.Warnings ids) throws IOException, FormatException {
        expectName(in, "user_id");
        return RecordJson.id(in, RecordJson.string(in, "user_id"), "user id", ids::user);
    }

    private static NpcId npcId(JsonReader in) throws IOException, FormatException {
        expectName(in, "npc_id");
        return RecordJson.id(in, RecordJson.string(in, "npc_id"), "npc id", NpcId::of);
    }
}
