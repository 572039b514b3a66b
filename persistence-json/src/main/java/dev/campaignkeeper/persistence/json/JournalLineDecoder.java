package dev.campaignkeeper.persistence.json;

import dev.campaignkeeper.core.model.Campaign;
import dev.campaignkeeper.core.model.ChannelId;
import dev.campaignkeeper.core.model.GuildId;
import dev.campaignkeeper.core.model.Npc;
import dev.campaignkeeper.core.model.NpcId;
import dev.campaignkeeper.core.model.PlayerCharacter;
import dev.campaignkeeper.core.model.RecordChange;
import dev.campaignkeeper.core.model.RoleId;
import dev.campaignkeeper.core.model.UserId;
import dev.campaignkeeper.core.model.WebhookId;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;

/**
 * A fast decoder for journal lines in exactly the layout {@link JournalCodec} writes (fields in
 * the written order, no whitespace), working on the line's bytes without a general JSON parser.
 * It returns null for anything else — another field order, an unknown field or op, an escape or
 * value it does not expect, an invalid id — and the caller then decodes the line with the general
 * (Gson) decoder, which also produces the error messages. So this class never decides that a line
 * is bad; it only makes the common case cheap (replay decodes 100,000 lines on open).
 */
final class JournalLineDecoder {

    private final byte[] b;
    private final int end;
    private int at;

    private JournalLineDecoder(byte[] line, int length) {
        this.b = line;
        this.end = length;
    }

    /** Decodes a checksum-valid line, or returns null if the general decoder must handle it. */
    static JournalCodec.Entry decode(byte[] line, int length) {
        try {
            return new JournalLineDecoder(line, length).entry();
        } catch (Unexpected | IllegalArgumentException | IndexOutOfBoundsException e) {
            return null; // an invalid id or an unexpected layout: the general decoder reports it
        }
    }

    /** Not this decoder's layout (preallocated, without a stack trace: it is control flow). */
    private static final class Unexpected extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Unexpected() {
            super(null, null, false, false);
        }
    }

    private static final Unexpected UNEXPECTED = new Unexpected();

    private JournalCodec.Entry entry() {
        literal("{\"seq\":");
        long seq = number();
        if (seq < 1) {
            return null;
        }
        literal(",\"guild\":");
        GuildId guild = GuildId.of(string());
        literal(",\"changes\":[");
        List<RecordChange> changes = new ArrayList<>(2);
        if (byteAt(at) != ']') {
            changes.add(change(guild));
            while (byteAt(at) == ',') {
                at++;
                changes.add(change(guild));
            }
        }
        literal("],\"crc32c\":");
        string();
        literal("}");
        if (at != end) {
            return null;
        }
        return new JournalCodec.Entry(seq, guild, changes);
    }

    private RecordChange change(GuildId guild) {
        literal("{\"op\":");
        String op = string();
        RecordChange change;
        switch (op) {
            case "put_campaign" -> {
                ChannelId channel = ChannelId.of(field("channel_id"));
                literal(",\"campaign\":");
                change = new RecordChange.PutCampaign(campaign(guild, channel));
            }
            case "remove_campaign" -> change = new RecordChange.RemoveCampaign(guild,
                    ChannelId.of(field("channel_id")));
            case "put_character" -> {
                UserId user = UserId.of(field("user_id"));
                ChannelId channel = ChannelId.of(field("channel_id"));
                literal(",\"character\":");
                change = new RecordChange.PutCharacter(character(guild, user, channel));
            }
            case "remove_character" -> {
                UserId user = UserId.of(field("user_id"));
                change = new RecordChange.RemoveCharacter(guild, user, ChannelId.of(field("channel_id")));
            }
            case "put_npc" -> {
                ChannelId channel = ChannelId.of(field("channel_id"));
                NpcId id = NpcId.of(field("npc_id"));
                literal(",\"npc\":");
                change = new RecordChange.PutNpc(npc(guild, channel, id));
            }
            case "remove_npc" -> {
                ChannelId channel = ChannelId.of(field("channel_id"));
                change = new RecordChange.RemoveNpc(guild, channel, NpcId.of(field("npc_id")));
            }
            default -> throw UNEXPECTED;
        }
        literal("}");
        return change;
    }

    private Campaign campaign(GuildId guild, ChannelId channel) {
        literal("{\"name\":");
        String name = string();
        UserId gm = UserId.of(field("gm_id"));
        RoleId playerRole = RoleId.of(field("player_role_id"));
        RoleId gmRole = RoleId.of(field("gm_role_id"));
        Optional<WebhookId> webhook = Optional.empty();
        if (startsWith(",\"webhook_id\":")) {
            String text = field("webhook_id");
            if (text.isEmpty()) {
                throw UNEXPECTED; // the writer never writes an empty webhook id
            }
            webhook = Optional.of(WebhookId.of(text));
        }
        literal(",\"players\":[");
        List<UserId> players = new ArrayList<>();
        if (byteAt(at) != ']') {
            players.add(UserId.of(string()));
            while (byteAt(at) == ',') {
                at++;
                players.add(UserId.of(string()));
            }
        }
        literal("]}");
        if (players.size() > 1 && new HashSet<>(players).size() != players.size()) {
            throw UNEXPECTED; // duplicates: the general decoder keeps each once
        }
        return new Campaign(guild, channel, name, gm, playerRole, gmRole, webhook, players);
    }

    private PlayerCharacter character(GuildId guild, UserId user, ChannelId channel) {
        literal("{\"name\":");
        String name = string();
        String avatar = field("avatar_url");
        String description = field("description");
        literal("}");
        return new PlayerCharacter(guild, user, channel, name, avatar(avatar), description);
    }

    private Npc npc(GuildId guild, ChannelId channel, NpcId id) {
        literal("{\"name\":");
        String name = string();
        String avatar = field("avatar_url");
        UserId creator = UserId.of(field("creator_id"));
        literal("}");
        return new Npc(guild, channel, id, name, avatar(avatar), creator);
    }

    private static Optional<String> avatar(String text) {
        return text.isEmpty() ? Optional.empty() : Optional.of(text);
    }

    /** {@code ,"name":"value"}: returns the value. */
    private String field(String name) {
        literal(",\"");
        literal(name);
        literal("\":");
        return string();
    }

    /** The byte at {@code i} of the line; past its end (the buffer may hold stale bytes there) fails. */
    private byte byteAt(int i) {
        if (i >= end) {
            throw UNEXPECTED;
        }
        return b[i];
    }

    private boolean startsWith(String ascii) {
        int n = ascii.length();
        if (at + n > end) {
            return false;
        }
        for (int i = 0; i < n; i++) {
            if (b[at + i] != ascii.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    private void literal(String ascii) {
        if (!startsWith(ascii)) {
            throw UNEXPECTED;
        }
        at += ascii.length();
    }

    /** A non-negative decimal without sign or leading zero, at most 18 digits. */
    private long number() {
        int start = at;
        long value = 0;
        while (at < end && b[at] >= '0' && b[at] <= '9' && at - start < 19) {
            value = value * 10 + (b[at] - '0');
            at++;
        }
        int digits = at - start;
        if (digits == 0 || digits > 18 || (digits > 1 && b[start] == '0')) {
            throw UNEXPECTED;
        }
        return value;
    }

    /** A JSON string: its text with the escapes JsonWriter writes resolved. */
    private String string() {
        if (byteAt(at) != '"') {
            throw UNEXPECTED;
        }
        int start = ++at;
        boolean escaped = false;
        while (true) {
            byte c = byteAt(at);
            if (c == '"') {
                break;
            }
            if (c >= 0 && c < 0x20) {
                throw UNEXPECTED; // raw control characters: let the general decoder judge
            }
            at += c == '\\' ? 2 : 1;
            escaped |= c == '\\';
        }
        int stop = at;
        at++;
        if (!escaped) {
            return new String(b, start, stop - start, StandardCharsets.UTF_8);
        }
        StringBuilder text = new StringBuilder(stop - start);
        int from = start;
        int i = start;
        while (i < stop) {
            if (b[i] != '\\') {
                i++;
                continue;
            }
            text.append(new String(b, from, i - from, StandardCharsets.UTF_8));
            byte e = b[i + 1];
            switch (e) {
                case '"', '\\', '/' -> {
                    text.append((char) e);
                    i += 2;
                }
                case 'b' -> {
                    text.append('\b');
                    i += 2;
                }
                case 'f' -> {
                    text.append('\f');
                    i += 2;
                }
                case 'n' -> {
                    text.append('\n');
                    i += 2;
                }
                case 'r' -> {
                    text.append('\r');
                    i += 2;
                }
                case 't' -> {
                    text.append('\t');
                    i += 2;
                }
                case 'u' -> {
                    if (i + 6 > stop) {
                        throw UNEXPECTED;
                    }
                    int value = 0;
                    for (int k = i + 2; k < i + 6; k++) {
                        int digit = Character.digit(b[k], 16);
                        if (digit < 0) {
                            throw UNEXPECTED;
                        }
                        value = value * 16 + digit;
                    }
                    text.append((char) value);
                    i += 6;
                }
                default -> throw UNEXPECTED;
            }
            from = i;
        }
        text.append(new String(b, from, stop - from, StandardCharsets.UTF_8));
        return text.toString();
    }
}
