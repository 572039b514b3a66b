package dev.campaignkeeper.persistence.json;

import static org.assertj.core.api.Assertions.assertThat;

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
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;

class JournalLineDecoderTest {

    private static final GuildId GUILD = GuildId.of(42);

    /** Text that exercises every escape JsonWriter writes, non-ASCII, surrogate pairs and emptiness. */
    private static String nastyText(Random random) {
        String[] pieces = {"", "a", "Zoë", "\"", "\\", "/", "\n", "\r", "\t", "\b", "\f", "\u0000", "\u001f",
            "\u2028", "\u2029", "✨", "\uD83D\uDE00", "日本語", "<script>&'", "\u007f", "\u00ff", " "};
        StringBuilder text = new StringBuilder();
        int n = random.nextInt(6);
        for (int i = 0; i < n; i++) {
            text.append(pieces[random.nextInt(pieces.length)]);
        }
        return text.toString();
    }

    private static RecordChange randomChange(Random random) {
        ChannelId channel = ChannelId.of(random.nextInt(3) == 0 ? "0" : Long.toString(random.nextLong() >>> 1));
        UserId user = UserId.of(random.nextInt(1000));
        NpcId npc = NpcId.of(random.nextBoolean() ? "npc-" + random.nextInt(9) : "ñ\"\\" + random.nextInt(9));
        Optional<String> avatar = random.nextBoolean() ? Optional.empty() : Optional.of("https://x/" + nastyText(random) + "a");
        return switch (random.nextInt(6)) {
            case 0 -> {
                List<UserId> players = new ArrayList<>();
                for (int i = random.nextInt(4); i > 0; i--) {
                    players.add(UserId.of(700 + i));
                }
                yield new RecordChange.PutCampaign(new Campaign(GUILD, channel, nastyText(random), user, RoleId.of(1),
                        RoleId.of(2), random.nextBoolean() ? Optional.empty() : Optional.of(WebhookId.of(99)), players));
            }
            case 1 -> new RecordChange.RemoveCampaign(GUILD, channel);
            case 2 -> new RecordChange.PutCharacter(new PlayerCharacter(GUILD, user, channel, nastyText(random), avatar,
                    nastyText(random)));
            case 3 -> new RecordChange.RemoveCharacter(GUILD, user, channel);
            case 4 -> new RecordChange.PutNpc(new Npc(GUILD, channel, npc, nastyText(random), avatar, user));
            default -> new RecordChange.RemoveNpc(GUILD, channel, npc);
        };
    }

    private static byte[] line(long seq, List<RecordChange> changes) {
        byte[] line = JournalCodec.line(seq, JournalCodec.encodeBody(GUILD, changes));
        return Arrays.copyOf(line, line.length - 1); // without the newline, as the scanner hands it over
    }

    @Test
    void decodesEveryWrittenLineExactlyLikeTheGeneralDecoder() throws Exception {
        Random random = new Random(7);
        for (int i = 0; i < 5000; i++) {
            List<RecordChange> changes = new ArrayList<>();
            for (int k = random.nextInt(4); k >= 0; k--) {
                changes.add(randomChange(random));
            }
            long seq = 1 + (random.nextBoolean() ? random.nextInt(100) : random.nextLong() >>> 12);
            byte[] bytes = line(seq, changes);
            // a longer buffer with stale bytes after the line, as the journal scanner reuses one
            byte[] buffer = Arrays.copyOf(bytes, bytes.length + 64);
            Arrays.fill(buffer, bytes.length, buffer.length, (byte) ',');

            JournalCodec.Entry fast = JournalLineDecoder.decode(buffer, bytes.length);

            assertThat(fast).isNotNull();
            assertThat(fast).isEqualTo(JournalCodec.decodeGeneral(bytes, bytes.length, RecordJson.Warnings.NONE));
            assertThat(fast).isEqualTo(new JournalCodec.Entry(seq, GUILD, changes));
        }
    }

    @Test
    void leavesOtherLayoutsToTheGeneralDecoder() throws Exception {
        String character = "{\"op\":\"put_character\",\"user_id\":\"5\",\"channel_id\":\"6\",\"character\":"
                + "{\"name\":\"A\",\"avatar_url\":\"\",\"description\":\"d\"}}";
        String[] others = {
            "{\"seq\":1,\"guild\":\"42\",\"changes\":[" + character.replace("{\"name\":\"A\",", "{\"description\":\"d\",\"name\":\"A\",").replace(",\"description\":\"d\"}", "}") + "],\"crc32c\":\"0\"}",
            "{\"seq\": 1,\"guild\":\"42\",\"changes\":[],\"crc32c\":\"0\"}",
            "{\"seq\":01,\"guild\":\"42\",\"changes\":[],\"crc32c\":\"0\"}",
            "{\"seq\":0,\"guild\":\"42\",\"changes\":[],\"crc32c\":\"0\"}",
            "{\"seq\":1,\"guild\":\"x\",\"changes\":[],\"crc32c\":\"0\"}",
            "{\"seq\":1,\"guild\":\"42\",\"changes\":[{\"op\":\"rename\",\"channel_id\":\"6\"}],\"crc32c\":\"0\"}",
            "{\"seq\":1,\"guild\":\"42\",\"changes\":[" + character.replace("\"A\"", "\"\\x\"") + "],\"crc32c\":\"0\"}",
            "{\"seq\":1,\"guild\":\"42\",\"changes\":[" + character.replace("\"A\"", "\"\u0001\"") + "],\"crc32c\":\"0\"}",
            "{\"seq\":1,\"guild\":\"42\",\"changes\":[" + character.replace("\"A\"", "\"\\u12G4\"") + "],\"crc32c\":\"0\"}",
            "{\"seq\":1,\"guild\":\"42\",\"changes\":[" + character.replace("\"description\":\"d\"", "\"description\":null") + "],\"crc32c\":\"0\"}",
            "{\"seq\":1,\"guild\":\"42\",\"changes\":[" + character.replace("}}", ",\"extra\":1}}") + "],\"crc32c\":\"0\"}",
            "{\"seq\":1,\"guild\":\"42\",\"changes\":[{\"op\":\"put_campaign\",\"channel_id\":\"6\",\"campaign\":{\"name\":\"c\","
                + "\"gm_id\":\"1\",\"player_role_id\":\"2\",\"gm_role_id\":\"3\",\"players\":[\"9\",\"9\"]}}],\"crc32c\":\"0\"}",
            "{\"seq\":1,\"guild\":\"42\",\"changes\":[{\"op\":\"put_campaign\",\"channel_id\":\"6\",\"campaign\":{\"name\":\"c\","
                + "\"gm_id\":\"1\",\"player_role_id\":\"2\",\"gm_role_id\":\"3\",\"webhook_id\":\"\",\"players\":[]}}],\"crc32c\":\"0\"}",
            "{\"seq\":1,\"guild\":\"42\",\"changes\":[],\"crc32c\":\"0\"} ",
            "{\"seq\":1,\"guild\":\"42\",\"changes\":[],\"crc32c\":\"0\"",
            "{\"seq\":1,\"guild\":\"42\",\"changes\":[],\"crc32c\":\"0",
        };
        for (String other : others) {
            byte[] bytes = other.getBytes(StandardCharsets.UTF_8);
            assertThat(JournalLineDecoder.decode(bytes, bytes.length)).as(other).isNull();
        }
        String written = "{\"seq\":1,\"guild\":\"42\",\"changes\":[" + character + "],\"crc32c\":\"0\"}";
        byte[] bytes = written.getBytes(StandardCharsets.UTF_8);
        assertThat(JournalLineDecoder.decode(bytes, bytes.length))
                .isEqualTo(JournalCodec.decodeGeneral(bytes, bytes.length, RecordJson.Warnings.NONE));
    }

    @Test
    void aLayoutItDoesNotKnowStillDecodesThroughTheGeneralDecoder() throws Exception {
        String reordered = "{\"seq\":3,\"guild\":\"42\",\"changes\":[{\"op\":\"put_character\",\"user_id\":\"5\","
                + "\"channel_id\":\"6\",\"character\":{\"description\":\"d\",\"name\":\"A\",\"avatar_url\":\"\"}}],"
                + "\"crc32c\":\"0\"}";
        byte[] bytes = reordered.getBytes(StandardCharsets.UTF_8);

        JournalCodec.Entry entry = JournalCodec.decode(bytes, bytes.length);

        assertThat(entry.seq()).isEqualTo(3);
        assertThat(entry.changes()).containsExactly(new RecordChange.PutCharacter(new PlayerCharacter(GUILD,
                UserId.of(5), ChannelId.of(6), "A", Optional.empty(), "d")));
    }

    @Test
    void aWrittenCampaignLineWithARepeatedPlayerIsLeftToTheGeneralDecoder() throws Exception {
        Campaign campaign = new Campaign(GUILD, ChannelId.of(6), "c", UserId.of(1), RoleId.of(2), RoleId.of(3),
                Optional.of(WebhookId.of(99)), List.of(UserId.of(701), UserId.of(702)));
        String written = new String(line(1, List.of(new RecordChange.PutCampaign(campaign))), StandardCharsets.UTF_8);
        assertThat(written).contains("\"701\",\"702\"");
        byte[] repeated = written.replace("\"702\"", "\"701\"").getBytes(StandardCharsets.UTF_8);
        byte[] single = written.replace(",\"702\"", "").getBytes(StandardCharsets.UTF_8);

        assertThat(JournalLineDecoder.decode(repeated, repeated.length)).isNull();
        assertThat(JournalLineDecoder.decode(single, single.length)).isNotNull();
        assertThat(JournalCodec.decode(repeated, repeated.length).changes()).singleElement()
                .satisfies(change -> assertThat(((RecordChange.PutCampaign) change).campaign().players())
                        .containsExactly(UserId.of(701)));
    }
}
