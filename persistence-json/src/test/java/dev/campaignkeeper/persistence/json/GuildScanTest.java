package dev.campaignkeeper.persistence.json;

import static org.assertj.core.api.Assertions.assertThat;

import dev.campaignkeeper.core.model.GuildId;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32C;
import org.junit.jupiter.api.Test;

/** {@link GuildScan}: one guild's top-level entries found at the byte level, the whole file summed. */
class GuildScanTest {

    private static GuildScan scan(String json, String guild) throws Exception {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        return GuildScan.scan(new ByteArrayInputStream(bytes), GuildId.of(guild), bytes.length);
    }

    private static String document(GuildScan scan) {
        return new String(scan.document(), StandardCharsets.UTF_8);
    }

    @Test
    void keepsOnlyTheGuildsEntriesAndSumsTheWholeFile() throws Exception {
        String json = "{\n  \"11\": {\"a\": \"}\\\"{,\"},\n  \"1\": {\"x\": [1, {\"y\": \"1\"}]},\n  \"111\": {}\n}\n";
        GuildScan scan = scan(json, "1");

        assertThat(document(scan)).isEqualTo("{\"1\": {\"x\": [1, {\"y\": \"1\"}]}}");
        assertThat(scan.unsure()).isFalse();
        CRC32C crc = new CRC32C();
        crc.update(json.getBytes(StandardCharsets.UTF_8));
        assertThat(scan.sum()).isEqualTo(new SeedFormat.FileSum(json.getBytes(StandardCharsets.UTF_8).length,
                crc.getValue()));
    }

    @Test
    void theLastEntryAndARepeatedGuildAreKeptWhole() throws Exception {
        assertThat(document(scan("{\"2\":{\"c\":{}},\"1\":{\"a\":1},\"1\":{\"b\":\"x\"}}", "1")))
                .isEqualTo("{\"1\":{\"a\":1},\"1\":{\"b\":\"x\"}}");
    }

    @Test
    void aGuildThatIsNotThereGivesAnEmptyObject() throws Exception {
        GuildScan scan = scan("{\"2\": {}}", "1");

        assertThat(document(scan)).isEqualTo("{}");
        assertThat(scan.unsure()).isFalse();
    }

    @Test
    void anEntryLongerThanTheReadBufferIsKeptWhole() throws Exception {
        String big = "x".repeat(150_000);
        String entry = "{\"a\": \"" + big + "\", \"b\": [1, 2]}";
        String json = "{\"2\": {\"c\": \"" + big + "\"}, \"1\": " + entry + ", \"3\": {}}";

        GuildScan scan = scan(json, "1");

        assertThat(document(scan)).isEqualTo("{\"1\": " + entry + "}");
        assertThat(scan.unsure()).isFalse();
        assertThat(scan.sum().size()).isEqualTo(json.getBytes(StandardCharsets.UTF_8).length);
    }

    @Test
    void aFileLongerThanTheLimitIsReadOnlyOneBytePastIt() throws Exception {
        byte[] bytes = ("{\"1\": \"" + "x".repeat(200_000) + "\"}").getBytes(StandardCharsets.UTF_8);
        long limit = 70_000;

        GuildScan scan = GuildScan.scan(new ByteArrayInputStream(bytes), GuildId.of("1"), limit);

        assertThat(scan.sum().size()).as("bytes read").isEqualTo(limit + 1);
        assertThat(scan.unsure()).isTrue();
    }

    @Test
    void aKeyWithAnEscapeOrAnUnclosedNestingIsUnsure() throws Exception {
        assertThat(scan("{\"\\u0031\": {}}", "1").unsure()).isTrue();
        assertThat(scan("{\"1\": {\"a\": [}", "1").unsure()).isTrue();
    }

    /** A file as the store lays it out: two-space indent, one-line and multi-line values, the last one too. */
    private static final String INDENTED = "{\n"
            + "  \"11\": {\n    \"1\": {\n      \"name\": \"\\\"1\\\": {\"\n    }\n  },\n"
            + "  \"1\": {\n    \"7\": [\n      \"1\"\n    ],\n    \"8\": {}\n  },\n"
            + "  \"2\": {},\n"
            + "  \"1\": {},\n"
            + "  \"3\": {\n    \"1\": \"x\"\n  },\n"
            + "  \"1\": {\n    \"9\": \"last\"\n  }\n"
            + "}";

    @Test
    void theStoresLayoutIsSearchedByItsKeyLinesWhateverTheReadSize() throws Exception {
        byte[] bytes = INDENTED.getBytes(StandardCharsets.UTF_8);
        CRC32C crc = new CRC32C();
        crc.update(bytes);
        for (int chunk : new int[] {1, 2, 3, 4, 5, 7, 8, 13, 64, 1 << 20}) {
            GuildScan scan = GuildScan.scan(new ByteArrayInputStream(bytes), GuildId.of("1"), bytes.length, chunk);

            assertThat(document(scan)).as("chunk %d", chunk).isEqualTo("{\"1\": {\n    \"7\": [\n      \"1\"\n    ],\n"
                    + "    \"8\": {}\n  },\"1\": {},\"1\": {\n    \"9\": \"last\"\n  }}");
            assertThat(scan.unsure()).isFalse();
            assertThat(scan.sum()).isEqualTo(new SeedFormat.FileSum(bytes.length, crc.getValue()));
        }
    }

    @Test
    void inTheStoresLayoutAOneLineLastValueAndAMissingGuildAreFound() throws Exception {
        String json = "{\n  \"2\": {\n    \"5\": 1\n  },\n  \"1\": {}\n}";
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        for (int chunk : new int[] {1, 3, 6, 1 << 16}) {
            assertThat(document(GuildScan.scan(new ByteArrayInputStream(bytes), GuildId.of("1"), bytes.length, chunk)))
                    .as("chunk %d", chunk).isEqualTo("{\"1\": {}}");
            assertThat(document(GuildScan.scan(new ByteArrayInputStream(bytes), GuildId.of("5"), bytes.length, chunk)))
                    .as("chunk %d", chunk).isEqualTo("{}");
        }
    }

    @Test
    void inTheStoresLayoutAFileCutInsideTheGuildsEntryIsUnsureAndALongerFileIsSummedOneBytePastTheLimit()
            throws Exception {
        String cut = "{\n  \"1\": {\n    \"5\": 1";
        assertThat(scan(cut, "1").unsure()).isTrue();

        byte[] bytes = INDENTED.getBytes(StandardCharsets.UTF_8);
        GuildScan longer = GuildScan.scan(new ByteArrayInputStream(bytes), GuildId.of("1"), bytes.length - 10, 4);
        assertThat(longer.sum().size()).isEqualTo(bytes.length - 9);
    }

    @Test
    void theStoresLayoutReadsAsTheByteLevelScanOfTheSameEntriesWritten() throws Exception {
        // the same entries compact (tracked byte by byte) and indented (searched by key lines) parse alike
        String compact = "{\"11\":{\"1\":{\"name\":\"\\\"1\\\": {\"}},\"1\":{\"7\":[\"1\"],\"8\":{}},\"2\":{},\"1\":{},"
                + "\"3\":{\"1\":\"x\"},\"1\":{\"9\":\"last\"}}";
        com.google.gson.JsonElement fromCompact = com.google.gson.JsonParser.parseString(document(scan(compact, "1")));
        com.google.gson.JsonElement fromIndented = com.google.gson.JsonParser.parseString(document(scan(INDENTED, "1")));

        assertThat(fromIndented).isEqualTo(fromCompact);
    }
}
