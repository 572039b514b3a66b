package dev.campaignkeeper.persistence.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.campaignkeeper.core.model.ChannelId;
import dev.campaignkeeper.core.model.GuildId;
import dev.campaignkeeper.core.model.NpcId;
import dev.campaignkeeper.core.model.RecordChange;
import dev.campaignkeeper.core.model.UserId;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.zip.CRC32C;
import org.junit.jupiter.api.Test;

class JournalCodecTest {

    private static final GuildId GUILD = Fixtures.guild(1);

    private static final List<RecordChange> EVERY_KIND = List.of(
            new RecordChange.PutCampaign(Fixtures.campaign(GUILD, 10, "Dragons ✨", 7, List.of(UserId.of(8)))),
            new RecordChange.PutCharacter(Fixtures.character(GUILD, 8, 10, "Aéla \"the bold\"")),
            new RecordChange.PutNpc(Fixtures.npc(GUILD, 10, "n-1", "Old Tom")),
            new RecordChange.RemoveNpc(GUILD, ChannelId.of(10), NpcId.of("n-0")),
            new RecordChange.RemoveCharacter(GUILD, UserId.of(9), ChannelId.of(10)),
            new RecordChange.RemoveCampaign(GUILD, ChannelId.of(11)));

    private static byte[] line(long seq, List<? extends RecordChange> changes) {
        return JournalCodec.line(seq, JournalCodec.encodeBody(GUILD, changes));
    }

    private static String text(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }

    /** A line with a valid checksum for any text (as a hand-edited or foreign journal could have). */
    private static byte[] withChecksum(String prefix) {
        byte[] head = prefix.getBytes(StandardCharsets.UTF_8);
        CRC32C crc = new CRC32C();
        crc.update(head, 0, head.length);
        return (prefix + ",\"crc32c\":\"" + SeedFormat.hex(crc.getValue()) + "\"}").getBytes(StandardCharsets.UTF_8);
    }

    private static JournalCodec.Entry decodeGeneral(byte[] line) throws Exception {
        return JournalCodec.decodeGeneral(line, line.length, RecordJson.Warnings.NONE);
    }

    @Test
    void aLineIsOneJsonObjectWithSeqGuildChangesAndChecksumEndingInANewline() {
        String line = text(line(5, List.of(new RecordChange.RemoveCampaign(GUILD, ChannelId.of(10)))));

        assertThat(line).matches("\\{\"seq\":5,\"guild\":\"1001\",\"changes\":\\[\\{\"op\":\"remove_campaign\","
                + "\"channel_id\":\"10\"}],\"crc32c\":\"[0-9a-f]{8}\"}\n");
    }

    @Test
    void theChecksumCoversEveryByteBeforeIt() {
        byte[] line = line(12, EVERY_KIND);
        String text = text(line);
        int crcAt = text.lastIndexOf(",\"crc32c\":\"");
        CRC32C crc = new CRC32C();
        crc.update(line, 0, text.substring(0, crcAt).getBytes(StandardCharsets.UTF_8).length);

        assertThat(text.substring(crcAt)).isEqualTo(",\"crc32c\":\"" + SeedFormat.hex(crc.getValue()) + "\"}\n");
        assertThat(JournalCodec.checksumMatches(line, line.length - 1)).isTrue();
    }

    @Test
    void everyKindOfChangeRoundTripsThroughBothDecoders() throws Exception {
        byte[] line = line(3, EVERY_KIND);
        JournalCodec.Entry expected = new JournalCodec.Entry(3, GUILD, EVERY_KIND);

        assertThat(JournalCodec.decode(line, line.length - 1)).isEqualTo(expected);
        assertThat(JournalCodec.decodeGeneral(line, line.length - 1, RecordJson.Warnings.NONE)).isEqualTo(expected);
        assertThat(JournalCodec.decode(line, line.length - 1, new RecordJson.Loading((where, message) -> { }))).isEqualTo(expected);
    }

    @Test
    void anyChangedByteFailsTheChecksum() {
        byte[] line = line(3, EVERY_KIND);
        int length = line.length - 1;
        for (int i = 0; i < length; i++) {
            byte[] flipped = line.clone();
            flipped[i] ^= 0x01;
            assertThat(JournalCodec.checksumMatches(flipped, length)).as("byte %d flipped", i).isFalse();
        }
    }

    @Test
    void aTruncatedLineFailsTheChecksum() {
        byte[] line = line(3, EVERY_KIND);
        for (int length = 0; length < line.length - 1; length++) {
            assertThat(JournalCodec.checksumMatches(line, length)).as("length %d", length).isFalse();
        }
        assertThat(JournalCodec.checksumMatches("{}".getBytes(StandardCharsets.US_ASCII), 2)).isFalse();
    }

    @Test
    void theShortestPossibleLineIsCheckedNotRejectedForItsLength() {
        byte[] shortest = withChecksum("{");

        assertThat(shortest).hasSize(JournalCodec.CRC_SUFFIX_LENGTH + 1);
        assertThat(JournalCodec.checksumMatches(shortest, shortest.length)).isFalse();
        byte[] two = withChecksum("{}");
        assertThat(JournalCodec.checksumMatches(two, two.length)).isTrue();
    }

    @Test
    void sequenceNumbersBelowOneAreRefused() {
        byte[] line = withChecksum("{\"seq\":0,\"guild\":\"1001\",\"changes\":[]");

        assertThat(JournalCodec.checksumMatches(line, line.length)).isTrue();
        assertThatThrownBy(() -> decodeGeneral(line))
                .isInstanceOf(FormatException.class)
                .hasMessageContaining("sequence number 0 out of range");
    }

    @Test
    void fieldsOutOfOrderAreRefusedNamingWhatWasExpected() {
        assertThatThrownBy(() -> decodeGeneral(withChecksum("{\"guild\":\"1001\",\"seq\":1,\"changes\":[]")))
                .isInstanceOf(FormatException.class)
                .hasMessageContaining("expected \"seq\" but found \"guild\"");
    }

    @Test
    void unknownOpsAndExtraFieldsInAChangeAreRefused() {
        assertThatThrownBy(() -> decodeGeneral(withChecksum(
                "{\"seq\":1,\"guild\":\"1001\",\"changes\":[{\"op\":\"rename_guild\"}]")))
                .isInstanceOf(FormatException.class)
                .hasMessageContaining("unknown op \"rename_guild\"");
        assertThatThrownBy(() -> decodeGeneral(withChecksum(
                "{\"seq\":1,\"guild\":\"1001\",\"changes\":[{\"op\":\"remove_campaign\",\"channel_id\":\"10\",\"x\":1}]")))
                .isInstanceOf(FormatException.class)
                .hasMessageContaining("unexpected field in change");
    }

    @Test
    void invalidIdsAreRefused() {
        assertThatThrownBy(() -> decodeGeneral(withChecksum(
                "{\"seq\":1,\"guild\":\"G\",\"changes\":[]")))
                .isInstanceOf(FormatException.class)
                .hasMessageContaining("guild id");
        assertThatThrownBy(() -> decodeGeneral(withChecksum(
                "{\"seq\":1,\"guild\":\"1001\",\"changes\":[{\"op\":\"remove_character\",\"user_id\":\"u\","
                        + "\"channel_id\":\"10\"}]")))
                .isInstanceOf(FormatException.class)
                .hasMessageContaining("user id");
    }

    @Test
    void aNonNumericSequenceIsAFormatError() {
        assertThatThrownBy(() -> decodeGeneral(withChecksum("{\"seq\":\"one\",\"guild\":\"1001\",\"changes\":[]")))
                .isInstanceOf(FormatException.class);
    }

    @Test
    void htmlCharactersAreWrittenAsThemselves() {
        byte[] line = line(1, List.of(new RecordChange.PutNpc(Fixtures.npc(GUILD, 10, "n", "<Tom> & 'Jerry' = pals"))));

        assertThat(text(line)).contains("\"name\":\"<Tom> & 'Jerry' = pals\"");
    }

    @Test
    void aChecksumValidLineInLenientJsonIsRefused() {
        byte[] lenient = withChecksum("{seq:1,guild:'1001',changes:[]");

        assertThat(JournalCodec.checksumMatches(lenient, lenient.length)).isTrue();
        assertThatThrownBy(() -> JournalCodec.decode(lenient, lenient.length)).isInstanceOf(Exception.class);
    }

    @Test
    void theHeaderOfALineThisCodeWroteGivesItsSequenceAndGuildWithoutTheChanges() throws Exception {
        byte[] line = line(42, EVERY_KIND);
        JournalCodec.Entry full = JournalCodec.decode(line, line.length);

        JournalCodec.Entry header = JournalCodec.header(line, line.length);

        assertThat(header).isEqualTo(new JournalCodec.Entry(42, GUILD, List.of()));
        assertThat(header.seq()).isEqualTo(full.seq());
        assertThat(header.guild()).isEqualTo(full.guild());
    }

    @Test
    void aLineOfAnotherShapeHasNoHeaderSoItIsDecodedInFull() {
        for (String text : List.of("{\"seq\": 1,\"guild\":\"5\"", "{\"guild\":\"5\",\"seq\":1",
                "{\"seq\":0,\"guild\":\"5\"", "{\"seq\":1,\"guild\":\"x\"", "{\"seq\":1,\"guild\":\"5")) {
            byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
            assertThat(JournalCodec.header(bytes, bytes.length)).as(text).isNull();
        }
    }
    @Test
    void theHeaderAgreesWithTheFullDecoderOnEveryTrickyLine() throws Exception {
        List<String> lines = new java.util.ArrayList<>();
        for (String seq : List.of("1", "9", "10", "123456789012345678", "999999999999999999",
                "1234567890123456789", "9999999999999999999", "0", "01")) {
            for (String guild : List.of("1", "9", "10", "05", "0", "123456789012345678", "1234567890123456789",
                    "9999999999999999999", "12345678901234567890")) {
                lines.add("{\"seq\":" + seq + ",\"guild\":\"" + guild + "\",\"changes\":[]");
            }
        }
        for (String text : lines) {
            byte[] line = withChecksum(text);
            JournalCodec.Entry header = JournalCodec.header(line, line.length);
            JournalCodec.Entry full;
            try {
                full = decodeGeneral(line);
            } catch (FormatException e) {
                full = null;
            }
            if (full == null) {
                assertThat(header).as(text).isNull();
            } else if (header != null) {
                assertThat(header.seq()).as(text).isEqualTo(full.seq());
                assertThat(header.guild()).as(text).isEqualTo(full.guild());
                assertThat(header.guild().value()).as(text).isEqualTo(full.guild().value());
                assertThat(header.changes()).isEmpty();
            }
        }
        // the lines the store writes always have a header: 18-digit sequence numbers, 19-digit ids, kept text
        for (String text : List.of("{\"seq\":999999999999999999,\"guild\":\"1234567890123456789\",\"changes\":[]",
                "{\"seq\":7,\"guild\":\"05\",\"changes\":[]", "{\"seq\":10,\"guild\":\"9\",\"changes\":[]")) {
            byte[] line = withChecksum(text);
            JournalCodec.Entry full = decodeGeneral(line);
            JournalCodec.Entry header = JournalCodec.header(line, line.length);
            assertThat(header).as(text).isEqualTo(new JournalCodec.Entry(full.seq(), full.guild(), List.of()));
            assertThat(header.guild().value()).as(text).isEqualTo(full.guild().value());
        }
    }

    @Test
    void theHeaderNeedsTheBytesUpToTheGuildsClosingQuoteAndNoMore() throws Exception {
        for (String guild : List.of("7", "123456789012345678", "1234567890123456789", "05")) {
            byte[] line = JournalCodec.line(31, JournalCodec.encodeBody(GuildId.of(guild), EVERY_KIND));
            int quote = text(line).indexOf('"', text(line).indexOf(guild));
            JournalCodec.Entry expected = new JournalCodec.Entry(31, GuildId.of(guild), List.of());
            for (int length = 0; length <= line.length; length++) {
                JournalCodec.Entry header = JournalCodec.header(line, length);
                if (length <= quote) {
                    assertThat(header).as(guild + " cut at " + length).isNull();
                } else {
                    assertThat(header).as(guild + " cut at " + length).isEqualTo(expected);
                    assertThat(header.guild().value()).isEqualTo(guild);
                }
            }
        }
    }

    @Test
    void whatGsonsLegacyModeWouldLetThroughIsRefused() throws Exception {
        String written = text(line(1, List.of(new RecordChange.PutNpc(Fixtures.npc(GUILD, 10, "n", "Placeholder")))));
        String prefix = written.substring(0, written.lastIndexOf(",\"crc32c\""));
        assertThat(decodeGeneral(withChecksum(prefix)).changes()).hasSize(1); // the line itself is sound
        // an escaped apostrophe and a raw control character: both accepted by Gson's legacy strictness
        for (String name : List.of("O\\'Neil", "tab\there")) {
            byte[] line = withChecksum(prefix.replace("Placeholder", name));
            assertThatThrownBy(() -> decodeGeneral(line)).as(name).isInstanceOf(FormatException.class);
        }
    }
}
