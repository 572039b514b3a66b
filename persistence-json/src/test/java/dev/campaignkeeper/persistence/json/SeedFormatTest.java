package dev.campaignkeeper.persistence.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.campaignkeeper.core.model.ChannelId;
import dev.campaignkeeper.core.model.GuildId;
import dev.campaignkeeper.core.model.GuildState;
import dev.campaignkeeper.core.model.RecordChange;
import dev.campaignkeeper.core.model.UserId;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.zip.CRC32C;
import org.junit.jupiter.api.Test;

class SeedFormatTest {

    private static final GuildId G1 = Fixtures.guild(1);
    private static final GuildId G2 = Fixtures.guild(2);

    private static GuildState state(GuildId guild) {
        return GuildState.empty(guild).apply(List.of(
                new RecordChange.PutCampaign(Fixtures.campaign(guild, 10, "Quest of " + guild, 7, List.of(UserId.of(8)))),
                new RecordChange.PutCharacter(Fixtures.character(guild, 8, 10, "Aria")),
                new RecordChange.PutCharacter(Fixtures.character(guild, 8, 11, "Aria again")),
                new RecordChange.PutNpc(Fixtures.npc(guild, 10, "n1", "Old Tom"))));
    }

    private static byte[] written(String file, List<GuildState> guilds) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        SeedFormat.write(file, guilds, bytes);
        return bytes.toByteArray();
    }

    private static long crc(byte[] bytes) {
        CRC32C crc = new CRC32C();
        crc.update(bytes, 0, bytes.length);
        return crc.getValue();
    }

    private static SeedFormat.FileSum read(String file, String json, Map<GuildId, List<RecordChange>> changes,
                                           List<LoadWarning> warnings) throws Exception {
        return SeedFormat.readChanges(file, new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)), changes,
                warnings);
    }

    @Test
    void guildsAreOrderedNumerically() {
        List<GuildId> ids = Stream.of("100", "9", "10", "2", "11").map(GuildId::of).sorted(SeedFormat.GUILD_ORDER)
                .toList();

        assertThat(ids).extracting(GuildId::value).containsExactly("2", "9", "10", "11", "100");
    }

    @Test
    void checksumsAreWrittenAsEightLowerCaseHexDigits() {
        assertThat(SeedFormat.hex(0)).isEqualTo("00000000");
        assertThat(SeedFormat.hex(0xABCL)).isEqualTo("00000abc");
        assertThat(new SeedFormat.FileSum(3, 0xFFFFFFFFL).crcHex()).isEqualTo("ffffffff");
    }

    @Test
    void summingInputStreamCountsAndSumsEveryByteHoweverItIsRead() throws IOException {
        byte[] bytes = "{\"a\": [1, 2, 3]} and the rest".getBytes(StandardCharsets.UTF_8);
        SeedFormat.SummingInputStream in = new SeedFormat.SummingInputStream(new ByteArrayInputStream(bytes));

        assertThat(in.read()).isEqualTo('{');
        byte[] buffer = new byte[4];
        assertThat(in.read(buffer, 1, 3)).isEqualTo(3);
        assertThat(in.count()).isEqualTo(4);

        assertThat(in.drain()).isEqualTo(new SeedFormat.FileSum(bytes.length, crc(bytes)));
        assertThat(in.read()).isEqualTo(-1);
        assertThat(in.count()).isEqualTo(bytes.length);
    }

    @Test
    void summingOutputStreamCountsAndSumsEveryByteAndPassesThemOn() throws IOException {
        byte[] bytes = "hello, world".getBytes(StandardCharsets.UTF_8);
        boolean[] flushedAndClosed = new boolean[2];
        ByteArrayOutputStream target = new ByteArrayOutputStream() {
            @Override
            public void flush() {
                flushedAndClosed[0] = true;
            }

            @Override
            public void close() {
                flushedAndClosed[1] = true;
            }
        };
        SeedFormat.SummingOutputStream out = new SeedFormat.SummingOutputStream(target);

        out.write(bytes[0]);
        out.write(bytes, 1, bytes.length - 1);
        out.flush();
        out.close();

        assertThat(target.toByteArray()).isEqualTo(bytes);
        assertThat(out.sum()).isEqualTo(new SeedFormat.FileSum(bytes.length, crc(bytes)));
        assertThat(flushedAndClosed).containsExactly(true, true);
    }

    @Test
    void everyFileRoundTripsWithTheSameSumAsWritten() throws Exception {
        List<GuildState> guilds = List.of(state(G1), state(G2));
        Map<GuildId, GuildState> states = new HashMap<>();
        for (String file : SeedFormat.FILES) {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            SeedFormat.SummingOutputStream summing = new SeedFormat.SummingOutputStream(bytes);
            SeedFormat.write(file, guilds, summing);
            List<LoadWarning> warnings = new ArrayList<>();

            SeedFormat.FileSum sum = SeedFormat.read(file, new ByteArrayInputStream(bytes.toByteArray()), states,
                    warnings);

            assertThat(sum).as(file).isEqualTo(summing.sum());
            assertThat(warnings).as(file).isEmpty();
        }
        assertThat(states).containsOnly(Map.entry(G1, state(G1)), Map.entry(G2, state(G2)));
    }

    @Test
    void writesTheSeedsPrettyPrintedLayout() throws IOException {
        String campaigns = new String(written(SeedFormat.CAMPAIGNS, List.of(state(G1))), StandardCharsets.UTF_8);

        assertThat(campaigns).startsWith("{\n  \"1001\": {\n    \"10\": {\n      \"name\": \"Quest of 1001\",");
        assertThat(new String(written(SeedFormat.CHARACTERS, List.of(state(G1))), StandardCharsets.UTF_8))
                .startsWith("{\n  \"1001\": {\n    \"8\": {\n      \"10\": {\n");
        assertThat(new String(written(SeedFormat.NPCS, List.of(state(G1))), StandardCharsets.UTF_8))
                .startsWith("{\n  \"1001\": {\n    \"10\": {\n      \"n1\": {\n");
    }

    @Test
    void guildsWithoutRecordsOfAFileAreLeftOutOfIt() throws IOException {
        GuildState campaignOnly = GuildState.empty(G2).apply(List.of(
                new RecordChange.PutCampaign(Fixtures.campaign(G2, 10, "Alone", 7, List.of()))));

        assertThat(new String(written(SeedFormat.CHARACTERS, List.of(campaignOnly)), StandardCharsets.UTF_8))
                .isEqualTo("{}");
        assertThat(new String(written(SeedFormat.NPCS, List.of(campaignOnly)), StandardCharsets.UTF_8))
                .isEqualTo("{}");
        assertThat(new String(written(SeedFormat.CAMPAIGNS, List.of(state(G1), campaignOnly)), StandardCharsets.UTF_8))
                .contains("\"1001\"", "\"1002\"");
        assertThat(new String(written(SeedFormat.CHARACTERS, List.of(state(G1), campaignOnly)), StandardCharsets.UTF_8))
                .contains("\"1001\"").doesNotContain("\"1002\"");
    }

    @Test
    void aGuildListedTwiceIsMergedWithAWarning() throws Exception {
        String json = "{\"1001\": {\"10\": {\"name\": \"A\", \"gm_id\": \"7\", \"player_role_id\": \"8\","
                + " \"gm_role_id\": \"9\", \"players\": []}},"
                + " \"1001\": {\"11\": {\"name\": \"B\", \"gm_id\": \"7\", \"player_role_id\": \"8\","
                + " \"gm_role_id\": \"9\", \"players\": []}}}";
        Map<GuildId, List<RecordChange>> changes = new LinkedHashMap<>();
        List<LoadWarning> warnings = new ArrayList<>();

        read(SeedFormat.CAMPAIGNS, json, changes, warnings);

        assertThat(changes.get(G1)).hasSize(2);
        assertThat(warnings).singleElement().satisfies(warning -> {
            assertThat(warning.file()).isEqualTo(SeedFormat.CAMPAIGNS);
            assertThat(warning.message()).isEqualTo("guild 1001 appears twice; entries merged");
        });
    }

    @Test
    void guildsWithoutRecordsAreNotListedAndWarningsMayBeDropped() throws Exception {
        Map<GuildId, List<RecordChange>> changes = new LinkedHashMap<>();

        read(SeedFormat.NPCS, "{\"1001\": {}, \"1002\": {\"10\": {}}, \"1003\": {\"10\": {\"n\": {\"name\": \"T\","
                + " \"creator_id\": \"7\", \"odd\": 1}}}}", changes, null);

        assertThat(changes).containsOnlyKeys(Fixtures.guild(3));
    }

    @Test
    void sumCoversTheWholeFileIncludingTrailingWhitespace() throws Exception {
        String json = "{}\n\n   ";
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);

        assertThat(read(SeedFormat.CHARACTERS, json, new HashMap<>(), new ArrayList<>()))
                .isEqualTo(new SeedFormat.FileSum(bytes.length, crc(bytes)));
    }

    @Test
    void damagedFilesAreFormatErrorsNamingWhatIsWrong() {
        Map<GuildId, List<RecordChange>> changes = new HashMap<>();
        List<LoadWarning> warnings = new ArrayList<>();

        assertThatThrownBy(() -> read(SeedFormat.CAMPAIGNS, "{} {}", changes, warnings))
                .isInstanceOf(FormatException.class);
        assertThatThrownBy(() -> read(SeedFormat.CAMPAIGNS, "[]", changes, warnings))
                .isInstanceOf(FormatException.class)
                .hasMessageContaining("the top level of campaigns.json must be a JSON object");
        assertThatThrownBy(() -> read(SeedFormat.CAMPAIGNS, "{\"guild\": {}}", changes, warnings))
                .isInstanceOf(FormatException.class)
                .hasMessageContaining("guild id is not valid");
        assertThatThrownBy(() -> read(SeedFormat.CHARACTERS, "{\"1001\": []}", changes, warnings))
                .isInstanceOf(FormatException.class)
                .hasMessageContaining("a guild's characters must be a JSON object");
        assertThatThrownBy(() -> read(SeedFormat.CHARACTERS, "{\"1001\": {\"8\": 5}}", changes, warnings))
                .isInstanceOf(FormatException.class)
                .hasMessageContaining("a user's characters must be a JSON object");
        assertThatThrownBy(() -> read(SeedFormat.NPCS, "{\"1001\": {\"10\": []}}", changes, warnings))
                .isInstanceOf(FormatException.class)
                .hasMessageContaining("a channel's NPCs must be a JSON object");
        assertThatThrownBy(() -> read(SeedFormat.NPCS, "{\"1001\": \"x\"}", changes, warnings))
                .isInstanceOf(FormatException.class)
                .hasMessageContaining("a guild's NPCs must be a JSON object");
        assertThatThrownBy(() -> read(SeedFormat.CAMPAIGNS, "{\"1001\": {\"c\": {}}}", changes, warnings))
                .isInstanceOf(FormatException.class)
                .hasMessageContaining("channel id is not valid");
        assertThatThrownBy(() -> read(SeedFormat.CAMPAIGNS, "{\"1001\": ", changes, warnings))
                .isInstanceOf(FormatException.class);
    }

    @Test
    void invalidUtf8IsAFormatError() {
        byte[] bytes = {'{', '"', (byte) 0xC3, '"', ':', '{', '}', '}'};

        assertThatThrownBy(() -> SeedFormat.readChanges(SeedFormat.CAMPAIGNS, new ByteArrayInputStream(bytes),
                new HashMap<>(), new ArrayList<>()))
                .isInstanceOf(FormatException.class)
                .hasMessageContaining("UTF-8");
    }

    @Test
    void anUnknownFileNameIsAProgrammingError() {
        assertThatThrownBy(() -> read("other.json", "{\"1001\": {}}", new HashMap<>(), new ArrayList<>()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SeedFormat.write("other.json", List.of(state(G1)), OutputStream.nullOutputStream()))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void buildMergesThePartsOfEveryFileIntoOneStatePerGuild() throws IOException {
        Map<GuildId, List<RecordChange>> campaigns = new HashMap<>();
        Map<GuildId, List<RecordChange>> characters = new HashMap<>();
        for (GuildId guild : List.of(G1, G2)) {
            List<RecordChange> all = new ArrayList<>();
            state(guild).campaigns().forEach(c -> all.add(new RecordChange.PutCampaign(c)));
            campaigns.put(guild, all);
            List<RecordChange> puts = new ArrayList<>();
            state(guild).characters().forEach(c -> puts.add(new RecordChange.PutCharacter(c)));
            state(guild).npcsByChannel().values().forEach(m -> m.values().forEach(n -> puts.add(new RecordChange.PutNpc(n))));
            characters.put(guild, puts);
        }
        Map<GuildId, List<RecordChange>> removalOnly = Map.of(Fixtures.guild(3),
                List.of(new RecordChange.RemoveCampaign(Fixtures.guild(3), ChannelId.of(1))));

        Map<GuildId, GuildState> built = SeedFormat.build(List.of(campaigns, characters, removalOnly));

        assertThat(built).containsOnly(Map.entry(G1, state(G1)), Map.entry(G2, state(G2)));
    }

    @Test
    void buildOfManyGuildsSplitBetweenThreadsBuildsEveryOne() throws IOException {
        Map<GuildId, List<RecordChange>> part = new HashMap<>();
        for (int i = 0; i < 3_500; i++) {
            GuildId guild = GuildId.of(10_000 + i);
            part.put(guild, List.of(new RecordChange.PutCampaign(Fixtures.campaign(guild, 10, "Q" + i, 7, List.of()))));
        }

        Map<GuildId, GuildState> built = SeedFormat.build(List.of(part));

        assertThat(built).hasSize(3_500);
        assertThat(built.entrySet()).allSatisfy(entry -> assertThat(entry.getValue().campaigns()).singleElement()
                .satisfies(campaign -> assertThat(campaign.guild()).isEqualTo(entry.getKey())));
        assertThat(built.values().stream().map(s -> s.campaigns().iterator().next().name()).collect(Collectors.toSet()))
                .hasSize(3_500);
    }

    @Test
    void lenientJsonIsADamagedFile() {
        assertThatThrownBy(() -> read(SeedFormat.CAMPAIGNS, "{'1001': {}}", new HashMap<>(), new ArrayList<>()))
                .isInstanceOf(FormatException.class);
        assertThatThrownBy(() -> read(SeedFormat.CAMPAIGNS, "{\"1001\": {}} // saved", new HashMap<>(),
                new ArrayList<>()))
                .isInstanceOf(FormatException.class);
    }

    @Test
    void htmlCharactersAreWrittenAsThemselves() throws IOException {
        GuildState state = GuildState.empty(G1).apply(List.of(new RecordChange.PutCampaign(
                Fixtures.campaign(G1, 10, "<Dungeons> & 'Dragons' = fun", 7, List.of()))));

        assertThat(new String(written(SeedFormat.CAMPAIGNS, List.of(state)), StandardCharsets.UTF_8))
                .contains("\"name\": \"<Dungeons> & 'Dragons' = fun\"");
    }

    @Test
    void zeroBytesReadOneByOneAreCounted() throws IOException {
        SeedFormat.SummingInputStream in = new SeedFormat.SummingInputStream(new ByteArrayInputStream(new byte[3]));

        assertThat(in.read()).isZero();
        assertThat(in.read()).isZero();
        assertThat(in.count()).isEqualTo(2);
        assertThat(in.drain()).isEqualTo(new SeedFormat.FileSum(3, crc(new byte[3])));
    }
}
