package dev.campaignkeeper.persistence.json;

import static org.assertj.core.api.Assertions.assertThat;

import dev.campaignkeeper.core.model.GuildId;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
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

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    /** The size and CRC32C of the first {@code length} bytes. */
    private static SeedFormat.FileSum sumOf(byte[] bytes, int length) {
        CRC32C crc = new CRC32C();
        crc.update(bytes, 0, length);
        return new SeedFormat.FileSum(length, crc.getValue());
    }

    private static GuildScan scan(byte[] bytes, String guild, long limit, int chunk) throws Exception {
        return GuildScan.scan(new ByteArrayInputStream(bytes), GuildId.of(guild), limit, chunk);
    }

    private static Set<GuildId> guilds(String... ids) {
        Set<GuildId> guilds = new LinkedHashSet<>();
        for (String id : ids) {
            guilds.add(GuildId.of(id));
        }
        return guilds;
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

    /** The entries of {@link #INDENTED} written compact: tracked byte by byte. */
    private static final String COMPACT = "{\"11\":{\"1\":{\"name\":\"\\\"1\\\": {\"}},\"1\":{\"7\":[\"1\"],\"8\":{}},"
            + "\"2\":{},\"1\":{},\"3\":{\"1\":\"x\"},\"1\":{\"9\":\"last\"}}";

    @Test
    void theByteLevelScanKeepsTheSameEntriesAndSumsTheWholeFileWhateverTheReadSize() throws Exception {
        byte[] bytes = utf8(COMPACT);
        String expected = "{\"1\":{\"7\":[\"1\"],\"8\":{}},\"1\":{},\"1\":{\"9\":\"last\"}}";
        for (int chunk = 1; chunk <= bytes.length + 1; chunk++) {
            GuildScan scan = scan(bytes, "1", bytes.length, chunk);

            assertThat(document(scan)).as("chunk %d", chunk).isEqualTo(expected);
            assertThat(scan.unsure()).as("chunk %d", chunk).isFalse();
            assertThat(scan.sum()).as("chunk %d", chunk).isEqualTo(sumOf(bytes, bytes.length));
        }
        for (int most = 1; most <= 9; most++) {
            GuildScan scan = GuildScan.scan(new ShortReads(bytes, most), GuildId.of("1"), bytes.length);

            assertThat(document(scan)).as("reads of %d", most).isEqualTo(expected);
            assertThat(scan.unsure()).as("reads of %d", most).isFalse();
            assertThat(scan.sum()).as("reads of %d", most).isEqualTo(sumOf(bytes, bytes.length));
        }
    }

    @Test
    void inTheStoresLayoutShortReadsFindTheSameEntries() throws Exception {
        byte[] bytes = utf8(INDENTED);
        for (int most = 1; most <= 9; most++) {
            GuildScan scan = GuildScan.scan(new ShortReads(bytes, most), GuildId.of("1"), bytes.length);

            assertThat(document(scan)).as("reads of %d", most).isEqualTo("{\"1\": {\n    \"7\": [\n      \"1\"\n    ],\n"
                    + "    \"8\": {}\n  },\"1\": {},\"1\": {\n    \"9\": \"last\"\n  }}");
            assertThat(scan.unsure()).as("reads of %d", most).isFalse();
            assertThat(scan.sum()).as("reads of %d", most).isEqualTo(sumOf(bytes, bytes.length));
        }
    }

    @Test
    void aFileOfExactlyTheLimitIsReadWholeAndALongerOneOnlyOneBytePastTheLimit() throws Exception {
        for (String[] layout : new String[][] {{"compact", COMPACT}, {"indented", INDENTED}}) {
            byte[] bytes = utf8(layout[1]);
            for (int chunk : new int[] {1, 2, 5, 6, 13, bytes.length - 1, bytes.length, bytes.length + 1, 1 << 20}) {
                String as = layout[0] + ", chunk " + chunk;
                GuildScan exact = scan(bytes, "1", bytes.length, chunk);
                assertThat(exact.sum()).as(as).isEqualTo(sumOf(bytes, bytes.length));
                assertThat(exact.unsure()).as(as).isFalse();

                // one byte short: the whole file is read (limit + 1 bytes), and its entries are found
                GuildScan oneOver = scan(bytes, "1", bytes.length - 1, chunk);
                assertThat(oneOver.sum()).as(as).isEqualTo(sumOf(bytes, bytes.length));
                assertThat(oneOver.unsure()).as(as).isFalse();
                assertThat(oneOver.document()).as(as).isEqualTo(exact.document());

                // more than one byte short: the read stops one byte past the limit, inside the last entry
                GuildScan cut = scan(bytes, "1", bytes.length - 5, chunk);
                assertThat(cut.sum()).as(as).isEqualTo(sumOf(bytes, bytes.length - 4));
                assertThat(cut.unsure()).as(as).isTrue();

                GuildScan roomy = scan(bytes, "1", bytes.length + 3, chunk);
                assertThat(roomy.sum()).as(as).isEqualTo(sumOf(bytes, bytes.length));
                assertThat(roomy.document()).as(as).isEqualTo(exact.document());
            }
        }
    }

    @Test
    void aGuildIdAsLongAsAnySnowflakeIsFoundWhateverTheReadSize() throws Exception {
        String id = "1234567890123456789";
        String json = "{\n  \"" + id + "0\": {\n    \"a\": 1\n  },\n  \"" + id + "\": {\n    \"b\": 2\n  },\n"
                + "  \"2" + id + "\": 3\n}";
        byte[] bytes = utf8(json);
        for (int chunk = 1; chunk <= bytes.length; chunk++) {
            GuildScan scan = scan(bytes, id, bytes.length, chunk);

            assertThat(document(scan)).as("chunk %d", chunk).isEqualTo("{\"" + id + "\": {\n    \"b\": 2\n  }}");
            assertThat(scan.unsure()).as("chunk %d", chunk).isFalse();
            assertThat(scan.sum()).as("chunk %d", chunk).isEqualTo(sumOf(bytes, bytes.length));
        }
    }

    @Test
    void inTheStoresLayoutAOneLineValueEndsAtTheNextKeyOrTheFilesClosingBraceWithoutItsSeparator() throws Exception {
        for (String json : new String[] {"{\n  \"2\": {},\n  \"1\": 5\n}", "{\n  \"2\": {},\n  \"1\": 5\n}\n",
                "{\n  \"2\": {},\n  \"1\": 5\n}\n\n\n", "{\n  \"1\": 5,\n  \"2\": 6\n}", "{\n  \"1\": 5,\n  \"2\": 6\n}\n",
                "{\n  \"1\": 5, \t\r\n  \"2\": {}\n}", "{\n  \"2\": 6,\n  \"1\": 5 \t\r\n}"}) {
            byte[] bytes = utf8(json);
            for (int chunk = 1; chunk <= bytes.length; chunk++) {
                GuildScan scan = scan(bytes, "1", bytes.length, chunk);

                assertThat(document(scan)).as("%s, chunk %d", json, chunk).isEqualTo("{\"1\": 5}");
                assertThat(scan.unsure()).as("%s, chunk %d", json, chunk).isFalse();
                assertThat(scan.sum()).as("%s, chunk %d", json, chunk).isEqualTo(sumOf(bytes, bytes.length));
            }
        }
    }

    @Test
    void inTheStoresLayoutALineAtTheKeysIndentThatIsNeitherKeyNorBracketIsUnsureUnlessBlank() throws Exception {
        String notAnObject = "{\n  \"1\": [\n  1\n  ]\n}";
        for (int chunk : new int[] {1, 4, 1 << 16}) {
            assertThat(scan(utf8(notAnObject), "1", notAnObject.length(), chunk).unsure()).as("chunk %d", chunk).isTrue();
        }
        for (String blank : new String[] {"\n", "\t", "\r", "\t\r"}) {
            String value = " {\n    \"a\": 1\n  " + blank + "\n  }";
            byte[] bytes = utf8("{\n  \"1\":" + value + "\n}");
            for (int chunk : new int[] {1, 4, 1 << 16}) {
                GuildScan scan = scan(bytes, "1", bytes.length, chunk);

                assertThat(document(scan)).as("chunk %d", chunk).isEqualTo("{\"1\":" + value + "}");
                assertThat(scan.unsure()).as("chunk %d", chunk).isFalse();
                assertThat(scan.sum()).isEqualTo(sumOf(bytes, bytes.length));
            }
        }
    }

    /** A file in the store's layout whose guild "1" entries end in each of the ways an entry ends. */
    private static final String ENDINGS = "{\n"
            + "  \"2\": {\n    \"a\": \"}\"\n  },\n"
            + "  \"1\": 5,\n"                                  // one line, the next key follows
            + "  \"3\": {\n    \"1\": [\n      2\n    ]\n  },\n"
            + "  \"1\": {\n    \"b\": [\n      1\n    ]\n  },\n" // several lines, a closing bracket
            + "  \"1\": \"x\"\n"                                // one line, the file's closing brace follows
            + "}\n";

    @Test
    void inTheStoresLayoutAFileCutAnywhereIsUnsureExactlyWhenCutInsideAnEntryOfTheGuild() throws Exception {
        byte[] whole = utf8(ENDINGS);
        // each entry of guild 1: where its key line ends, where the bytes that end it end, its value
        List<int[]> spans = new ArrayList<>();
        List<String> values = new ArrayList<>();
        for (int key = ENDINGS.indexOf("\n  \"1\":"); key >= 0; key = ENDINGS.indexOf("\n  \"1\":", key + 1)) {
            int from = key + 7;
            int newline = ENDINGS.indexOf('\n', from);
            int end;
            String value;
            if (ENDINGS.charAt(newline - 1) == '{') {
                int close = ENDINGS.indexOf("\n  }", from);
                end = close + 4;
                value = ENDINGS.substring(from, end);
            } else {
                end = newline + (ENDINGS.charAt(newline + 1) == '}' ? 2 : 4);
                value = ENDINGS.substring(from, ENDINGS.charAt(newline - 1) == ',' ? newline - 1 : newline);
            }
            spans.add(new int[] {from, end});
            values.add(value);
        }
        assertThat(values).containsExactly(" 5", " {\n    \"b\": [\n      1\n    ]\n  }", " \"x\"");
        for (int length = INDENTED_START; length <= whole.length; length++) {
            byte[] cut = Arrays.copyOf(whole, length);
            boolean inside = false;
            StringBuilder expected = new StringBuilder("{");
            for (int k = 0; k < spans.size(); k++) {
                inside |= length >= spans.get(k)[0] && length < spans.get(k)[1];
                if (length >= spans.get(k)[1]) {
                    expected.append(expected.length() > 1 ? "," : "").append("\"1\":").append(values.get(k));
                }
            }
            expected.append('}');
            for (int chunk = 1; chunk <= 12; chunk++) {
                GuildScan scan = scan(cut, "1", length, chunk);

                String as = "cut at " + length + ", chunk " + chunk;
                assertThat(scan.unsure()).as(as).isEqualTo(inside);
                if (!inside) {
                    assertThat(document(scan)).as(as).isEqualTo(expected.toString());
                }
                assertThat(scan.sum()).as(as).isEqualTo(sumOf(cut, length));
            }
        }
    }

    /** How many bytes it takes to tell the store's layout ({@code {\n  "}). */
    private static final int INDENTED_START = 5;

    @Test
    void severalGuildsAreKeptInTheFilesOrderAndTheWholeFileSummed() throws Exception {
        byte[] bytes = utf8(INDENTED);
        String expected = "{\"1\": {\n    \"7\": [\n      \"1\"\n    ],\n    \"8\": {}\n  },\"1\": {},"
                + "\"3\": {\n    \"1\": \"x\"\n  },\"1\": {\n    \"9\": \"last\"\n  }}";
        for (int most : new int[] {1, 3, 1 << 20}) {
            GuildScan scan = GuildScan.scan(new ShortReads(bytes, most), guilds("3", "1", "4"), bytes.length);

            assertThat(document(scan)).as("reads of %d", most).isEqualTo(expected);
            assertThat(scan.unsure()).as("reads of %d", most).isFalse();
            assertThat(scan.sum()).as("reads of %d", most).isEqualTo(sumOf(bytes, bytes.length));
        }
        GuildScan none = GuildScan.scan(new ByteArrayInputStream(bytes), guilds("4", "5"), bytes.length);
        assertThat(document(none)).isEqualTo("{}");
        assertThat(none.unsure()).isFalse();
        assertThat(none.sum()).isEqualTo(sumOf(bytes, bytes.length));
    }

    @Test
    void severalGuildsInAFileNotInTheStoresLayoutAreUnsureAndTheWholeFileIsStillSummed() throws Exception {
        for (String json : new String[] {COMPACT, "{\n \"1\": {},\n \"3\": {}\n}", "{\n  \"1\": {}\n}\nx"}) {
            byte[] bytes = utf8(json);
            for (int most : new int[] {1, 2, 1 << 20}) {
                GuildScan scan = GuildScan.scan(new ShortReads(bytes, most), guilds("1", "3"), bytes.length);

                assertThat(scan.unsure()).as("%s, reads of %d", json, most).isTrue();
                assertThat(scan.sum()).as("%s, reads of %d", json, most).isEqualTo(sumOf(bytes, bytes.length));
            }
        }
    }

    @Test
    void severalGuildsInALongerFileAreSummedOneBytePastTheLimit() throws Exception {
        byte[] bytes = utf8(INDENTED);
        GuildScan scan = GuildScan.scan(new ShortReads(bytes, 3), guilds("1", "3"), bytes.length - 10);

        assertThat(scan.sum()).isEqualTo(sumOf(bytes, bytes.length - 9));
        assertThat(scan.unsure()).isTrue();
    }
}
