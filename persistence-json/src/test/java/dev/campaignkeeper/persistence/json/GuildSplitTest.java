package dev.campaignkeeper.persistence.json;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.CRC32C;
import org.junit.jupiter.api.Test;

/** {@link GuildSplit}: a file in the store's layout split into its top-level entries, the whole file summed. */
class GuildSplitTest {

    private static final String FILE = "{\n"
            + "  \"11\": {\n    \"1\": {\n      \"name\": \"\\\"x\\\": {\"\n    }\n  },\n"
            + "  \"2\": {},\n"
            + "  \"3\": {\n    \"7\": [\n      \"1\"\n    ]\n  }\n"
            + "}";

    private static List<String> split(String text, int chunk, boolean[] unsure, SeedFormat.FileSum[] sum)
            throws Exception {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        GuildSplit split = new GuildSplit(new ByteArrayInputStream(bytes), bytes.length, chunk);
        List<String> entries = new ArrayList<>();
        for (GuildSplit.Entry entry = split.next(); entry != null; entry = split.next()) {
            entries.add(entry.key() + "=" + new String(entry.value(), StandardCharsets.UTF_8));
        }
        split.drain();
        unsure[0] = split.unsure();
        sum[0] = split.sum();
        return entries;
    }

    @Test
    void everyEntryIsSplitOffWithoutItsSeparatorWhateverTheReadSize() throws Exception {
        byte[] bytes = FILE.getBytes(StandardCharsets.UTF_8);
        CRC32C crc = new CRC32C();
        crc.update(bytes);
        for (int chunk : new int[] {1, 2, 3, 7, 16, 1 << 16}) {
            boolean[] unsure = new boolean[1];
            SeedFormat.FileSum[] sum = new SeedFormat.FileSum[1];

            List<String> entries = split(FILE, chunk, unsure, sum);

            assertThat(entries).as("chunk %d", chunk).containsExactly(
                    "11= {\n    \"1\": {\n      \"name\": \"\\\"x\\\": {\"\n    }\n  }",
                    "2= {}",
                    "3= {\n    \"7\": [\n      \"1\"\n    ]\n  }");
            assertThat(unsure[0]).isFalse();
            assertThat(sum[0]).isEqualTo(new SeedFormat.FileSum(bytes.length, crc.getValue()));
        }
    }

    @Test
    void anEntryReadsTheSameLastOrNot() throws Exception {
        boolean[] unsure = new boolean[1];
        SeedFormat.FileSum[] sum = new SeedFormat.FileSum[1];
        List<String> first = split("{\n  \"1\": {\n    \"a\": 1\n  },\n  \"2\": {}\n}", 4, unsure, sum);
        List<String> last = split("{\n  \"2\": {},\n  \"1\": {\n    \"a\": 1\n  }\n}", 4, unsure, sum);

        assertThat(first.get(0)).isEqualTo(last.get(1));
        assertThat(first.get(1)).isEqualTo(last.get(0));
    }

    @Test
    void anotherLayoutAKeyWithAnEscapeOrACutFileIsUnsureAndStillSummedWhole() throws Exception {
        for (String other : new String[] {"{\"1\":{}}", "{\n  \"\\u0031\": {}\n}", "{\n  \"1\": {\n    \"a\": 1",
                "{\n  \"1\": {}\n}x"}) {
            boolean[] unsure = new boolean[1];
            SeedFormat.FileSum[] sum = new SeedFormat.FileSum[1];

            split(other, 3, unsure, sum);

            assertThat(unsure[0]).as(other).isTrue();
            assertThat(sum[0].size()).as(other).isEqualTo(other.getBytes(StandardCharsets.UTF_8).length);
        }
    }

    @Test
    void anEmptyFileHasNoEntries() throws Exception {
        boolean[] unsure = new boolean[1];
        SeedFormat.FileSum[] sum = new SeedFormat.FileSum[1];

        assertThat(split("{}", 1, unsure, sum)).isEmpty();
        assertThat(unsure[0]).isFalse();
    }
    @Test
    void aFileNotInTheStoresLayoutIsUnsureAfterTheEntriesBeforeTheOddLineAndStillSummedWhole() throws Exception {
        // each case: the file, then the entries split off before the split gave up
        Map<String, List<String>> cases = new LinkedHashMap<>();
        cases.put("", List.of());                                        // nothing at all
        cases.put("[\n]", List.of());                                     // not an object
        cases.put("{}\n x", List.of());                                   // something after an empty object
        cases.put("{\n", List.of());                                      // ends before its closing brace
        cases.put("{\n  \"1\": 1,\n", List.of("1= 1"));                   // ends after an entry
        cases.put("{\n \"1\": 1\n}", List.of());                          // one space of indent
        cases.put("{\n  1: 1\n}", List.of());                              // key without quotes
        cases.put("{\n  \"\"\n}", List.of());                              // line too short for a key and value
        cases.put("{\n  \"a\\\"b\": 1\n}", List.of());                    // a key with an escape
        cases.put("{\n  \"1\" 1\n}", List.of());                           // no colon after the key
        cases.put("{\n  \"1\"\n}", List.of());                             // the key ends the line
        cases.put("{\n  \"1\":   \n}", List.of());                         // no value
        cases.put("{\n  \"1\": {\n", List.of());                           // a value that never closes
        cases.put("{\n  \"1\": {\n\"a\": 1\n  }\n}", List.of());            // a value line indented less
        cases.put("{\n  \"1\": {\n x\n  }\n}", List.of());                  // a value line of one space
        cases.put("{\n  \"1\": 2,\n  \"2\": {\n  x\n  }\n}", List.of("1= 2")); // a value line at the key's indent
        cases.put("{\n  \"1\": 2\n}\nx", List.of("1= 2"));                  // something after the closing brace
        for (Map.Entry<String, List<String>> c : cases.entrySet()) {
            byte[] bytes = c.getKey().getBytes(StandardCharsets.UTF_8);
            CRC32C crc = new CRC32C();
            crc.update(bytes);
            for (int chunk : new int[] {1, 5, 1 << 16}) {
                boolean[] unsure = new boolean[1];
                SeedFormat.FileSum[] sum = new SeedFormat.FileSum[1];

                List<String> entries = split(c.getKey(), chunk, unsure, sum);

                assertThat(entries).as("%s (chunk %d)", c.getKey(), chunk).isEqualTo(c.getValue());
                assertThat(unsure[0]).as("%s (chunk %d)", c.getKey(), chunk).isTrue();
                assertThat(sum[0]).as("%s (chunk %d)", c.getKey(), chunk)
                        .isEqualTo(new SeedFormat.FileSum(bytes.length, crc.getValue()));
            }
        }
    }

    @Test
    void blanksAroundLinesAndOneLineValuesAreNotPartOfTheEntries() throws Exception {
        String text = "{ \t\r\n  \"1\": 5,  \r\n  \"2\": \"a,\" , \n  \"3\": [\n    1\n  ] \t,\n  \"4\": true\r\n}  \r\n\t\n";
        for (int chunk : new int[] {1, 3, 1 << 16}) {
            boolean[] unsure = new boolean[1];
            SeedFormat.FileSum[] sum = new SeedFormat.FileSum[1];

            List<String> entries = split(text, chunk, unsure, sum);

            assertThat(entries).as("chunk %d", chunk)
                    .containsExactly("1= 5", "2= \"a,\"", "3= [\n    1\n  ]", "4= true");
            assertThat(unsure[0]).as("chunk %d", chunk).isFalse();
        }
        boolean[] unsure = new boolean[1];
        SeedFormat.FileSum[] sum = new SeedFormat.FileSum[1];
        assertThat(split("{}\n", 2, unsure, sum)).isEmpty();
        assertThat(unsure[0]).isFalse();
        assertThat(split("{\n}", 2, unsure, sum)).isEmpty();
        assertThat(unsure[0]).isFalse();
    }

    @Test
    void readingStopsOneBytePastTheLimit() throws Exception {
        byte[] bytes = "{\n  \"1\": 1\n}\n\n\n\n\n".getBytes(StandardCharsets.UTF_8);
        GuildSplit split = new GuildSplit(new ByteArrayInputStream(bytes), 5, 2);
        while (split.next() != null) {
            // entries up to the limit
        }
        split.drain();
        assertThat(split.sum().size()).isEqualTo(6);
        assertThat(split.unsure()).isTrue();
    }

    private static SeedFormat.FileSum sumOf(byte[] bytes, int length) {
        CRC32C crc = new CRC32C();
        crc.update(bytes, 0, length);
        return new SeedFormat.FileSum(length, crc.getValue());
    }

    @Test
    void aFileCutAnywhereBeforeItsClosingBraceIsUnsureAndSummedWholeWhateverTheReadSize() throws Exception {
        byte[] whole = FILE.getBytes(StandardCharsets.UTF_8);
        for (int length = 0; length < whole.length; length++) {
            String cut = new String(whole, 0, length, StandardCharsets.UTF_8);
            for (int chunk = 1; chunk <= 12; chunk++) {
                boolean[] unsure = new boolean[1];
                SeedFormat.FileSum[] sum = new SeedFormat.FileSum[1];

                split(cut, chunk, unsure, sum);

                assertThat(unsure[0]).as("cut at %d, chunk %d", length, chunk).isTrue();
                assertThat(sum[0]).as("cut at %d, chunk %d", length, chunk).isEqualTo(sumOf(whole, length));
            }
        }
    }

    @Test
    void shortReadsSplitTheSameEntries() throws Exception {
        byte[] bytes = FILE.getBytes(StandardCharsets.UTF_8);
        for (int most = 1; most <= 9; most++) {
            for (int chunk : new int[] {1, 4, 1 << 16}) {
                GuildSplit split = new GuildSplit(new ShortReads(bytes, most), bytes.length, chunk);
                List<String> entries = new ArrayList<>();
                for (GuildSplit.Entry entry = split.next(); entry != null; entry = split.next()) {
                    entries.add(entry.key() + "=" + new String(entry.value(), StandardCharsets.UTF_8));
                }
                split.drain();

                assertThat(entries).as("reads of %d, chunk %d", most, chunk).containsExactly(
                        "11= {\n    \"1\": {\n      \"name\": \"\\\"x\\\": {\"\n    }\n  }",
                        "2= {}",
                        "3= {\n    \"7\": [\n      \"1\"\n    ]\n  }");
                assertThat(split.unsure()).isFalse();
                assertThat(split.sum()).isEqualTo(sumOf(bytes, bytes.length));
            }
        }
    }

    @Test
    void aFileOfExactlyTheLimitIsReadWholeAndALongerOneOnlyOneBytePastTheLimit() throws Exception {
        byte[] bytes = FILE.getBytes(StandardCharsets.UTF_8);
        for (int chunk : new int[] {1, 3, bytes.length - 1, bytes.length, bytes.length + 1, 1 << 16}) {
            for (int limit : new int[] {bytes.length, bytes.length - 1, bytes.length - 4, bytes.length + 2}) {
                GuildSplit split = new GuildSplit(new ByteArrayInputStream(bytes), limit, chunk);
                int entries = 0;
                while (split.next() != null) {
                    entries++;
                }
                split.drain();

                int read = Math.min(bytes.length, limit + 1);
                String as = "limit " + limit + ", chunk " + chunk;
                assertThat(split.sum()).as(as).isEqualTo(sumOf(bytes, read));
                assertThat(split.unsure()).as(as).isEqualTo(read < bytes.length);
                assertThat(entries).as(as).isEqualTo(read < bytes.length ? 2 : 3);
            }
        }
    }
}
