package dev.campaignkeeper.persistence.json.docs;

import static org.assertj.core.api.Assertions.assertThat;

import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import dev.campaignkeeper.core.memory.InMemoryChatPlatform;
import dev.campaignkeeper.core.model.Actor;
import dev.campaignkeeper.core.model.CampaignExport;
import dev.campaignkeeper.core.model.ChannelId;
import dev.campaignkeeper.core.model.GuildId;
import dev.campaignkeeper.core.model.UserId;
import dev.campaignkeeper.core.rules.Limits;
import dev.campaignkeeper.core.usecase.CampaignKeeper;
import dev.campaignkeeper.persistence.json.ExportJson;
import dev.campaignkeeper.persistence.json.JsonCampaignStore;
import dev.campaignkeeper.persistence.json.JsonStoreConfig;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Validates real files against the JSON Schemas in {@code docs/schema/}: the files the store
 * writes (snapshot, manifest, backups, journal lines), files in the seed's Python bot's format, and
 * export documents. Also shows that each schema rejects documents that break the format, so a
 * schema that accepted anything would fail here.
 */
class DataFormatSchemaTest {

    static final List<String> SCHEMAS = List.of("campaigns.schema.json", "characters.schema.json",
            "npcs.schema.json", "export.schema.json", "manifest.schema.json", "journal-line.schema.json",
            "post-line.schema.json");

    private static final SchemaRegistry REGISTRY = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);
    private static final Map<String, Schema> LOADED = new ConcurrentHashMap<>();

    private static final GuildId GUILD = GuildId.of("111111111111111111");
    private static final GuildId OTHER_GUILD = GuildId.of("999999999999999999");
    private static final ChannelId MINE = ChannelId.of("222222222222222222");
    private static final ChannelId TAVERN = ChannelId.of("222222222222222223");
    private static final Actor GM = Actor.member(UserId.of("333333333333333333"));
    private static final Actor PAT = Actor.member(UserId.of("444444444444444444"));
    private static final Actor QUINN = Actor.member(UserId.of("555555555555555555"));

    static Schema schema(String name) {
        return LOADED.computeIfAbsent(name, n -> REGISTRY.getSchema(DocsFiles.read(DocsFiles.docs("schema/" + n)),
                InputFormat.JSON));
    }

    static List<Error> errors(String schemaName, String json) {
        return schema(schemaName).validate(json, InputFormat.JSON);
    }

    static void assertValid(String schemaName, String json, String what) {
        assertThat(errors(schemaName, json)).as(what + " against " + schemaName).isEmpty();
    }

    // ---------------------------------------------------------------- the schemas themselves

    @ParameterizedTest
    @ValueSource(strings = {"campaigns.schema.json", "characters.schema.json", "npcs.schema.json",
            "export.schema.json", "manifest.schema.json", "journal-line.schema.json", "post-line.schema.json"})
    void schemaIsAValidDraft2020SchemaAndDocumentedInDataFormat(String name) {
        Schema meta = REGISTRY.getSchema(SchemaLocation.of("https://json-schema.org/draft/2020-12/schema"));
        String text = DocsFiles.read(DocsFiles.docs("schema/" + name));

        assertThat(meta.validate(text, InputFormat.JSON)).as(name + " against the 2020-12 meta-schema").isEmpty();
        assertThat(DocsFiles.read(DocsFiles.docs("data-format.md"))).contains("schema/" + name);
    }

    @Test
    void metaSchemaCheckRejectsABrokenSchema() {
        Schema meta = REGISTRY.getSchema(SchemaLocation.of("https://json-schema.org/draft/2020-12/schema"));

        assertThat(meta.validate("{\"type\": 12, \"required\": \"name\"}", InputFormat.JSON)).isNotEmpty();
    }

    @Test
    void everySchemaFileIsTested() throws IOException {
        try (Stream<Path> files = Files.list(DocsFiles.docs("schema"))) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactlyInAnyOrderElementsOf(SCHEMAS);
        }
    }

    // ---------------------------------------------------------------- files the store writes

    @Test
    void filesTheStoreWritesMatchTheirSchemas(@TempDir Path dir) throws IOException {
        Path data = dir.resolve("data");
        JsonStoreConfig config = JsonStoreConfig.defaults(data)
                .withCheckpointTriggers(Long.MAX_VALUE, Long.MAX_VALUE, Duration.ofDays(1))
                .withCheckpointOnClose(false);
        try (JsonCampaignStore store = JsonCampaignStore.open(config)) {
            CampaignKeeper keeper = CampaignKeeper.create(store, new InMemoryChatPlatform(), Limits.defaults(),
                    Clock.systemUTC());
            play(keeper);
            store.checkpoint(); // snapshot + backup of everything so far; the journal goes on below
            keeper.npcs().create(GM, GUILD, MINE, "Nezznar the Black Spider", Optional.empty());
            keeper.characters().edit(PAT, GUILD, MINE, Optional.empty(), Optional.of(""), Optional.of("Zoë\nline 2"));
            keeper.npcs().delete(GM, GUILD, MINE, "Nezznar the Black Spider");
            keeper.campaigns().leave(QUINN, GUILD, MINE);
            keeper.campaigns().end(GM, GUILD, TAVERN);
        }

        for (String file : List.of("campaigns.json", "characters.json", "npcs.json")) {
            String text = Files.readString(data.resolve(file));
            assertThat(text).as(file).contains("111111111111111111");
            assertValid(file.replace(".json", ".schema.json"), text, "live " + file);
        }
        assertValid("manifest.schema.json", Files.readString(data.resolve("manifest.json")), "manifest.json");

        List<Path> backups;
        try (Stream<Path> list = Files.list(data.resolve("backups"))) {
            backups = list.filter(Files::isDirectory).toList();
        }
        assertThat(backups).hasSizeGreaterThanOrEqualTo(2);
        for (Path backup : backups) {
            assertValid("manifest.schema.json", Files.readString(backup.resolve("backup.json")),
                    backup.getFileName() + "/backup.json");
            for (String file : List.of("campaigns.json", "characters.json", "npcs.json")) {
                assertValid(file.replace(".json", ".schema.json"), gunzip(backup.resolve(file + ".gz")),
                        backup.getFileName() + "/" + file + ".gz");
            }
        }

        Set<String> ops = new TreeSet<>();
        int lines = 0;
        try (Stream<Path> list = Files.list(data)) {
            for (Path journal : list.filter(p -> p.getFileName().toString().matches("journal-\\d{10}\\.log")).toList()) {
                for (String line : journalLines(journal)) {
                    assertValid("journal-line.schema.json", line, journal.getFileName() + " line " + (++lines));
                    Matcher op = Pattern.compile("\"op\":\"([a-z_]+)\"").matcher(line);
                    while (op.find()) {
                        ops.add(op.group(1));
                    }
                }
            }
        }
        assertThat(ops).as("every kind of change was written to a journal and validated").containsExactly(
                "put_campaign", "put_character", "put_npc", "remove_campaign", "remove_character", "remove_npc");
    }

    /** Two guilds, three campaigns (one without players), characters, NPCs, Unicode. */
    private static void play(CampaignKeeper keeper) {
        keeper.campaigns().create(GM, GUILD, MINE, "lost-mine", Optional.of("The Lost Mine"));
        keeper.campaigns().create(GM, GUILD, TAVERN, "tavern", Optional.empty());
        keeper.campaigns().create(GM, OTHER_GUILD, MINE, "x", Optional.of("Ælfwyn's Saga 🐉"));
        for (ChannelId channel : List.of(MINE, TAVERN)) {
            keeper.campaigns().join(PAT, GUILD, channel);
            keeper.campaigns().join(QUINN, GUILD, channel);
        }
        keeper.characters().create(PAT, GUILD, MINE, "Mira Tealeaf", Optional.of("https://example.com/mira.png"),
                Optional.of("A halfling rogue"));
        keeper.characters().create(QUINN, GUILD, MINE, "Toblen Stonehill", Optional.empty(), Optional.empty());
        keeper.characters().create(PAT, GUILD, TAVERN, "Zoë", Optional.empty(), Optional.of("Bard"));
        keeper.npcs().create(GM, GUILD, MINE, "Sildar Hallwinter", Optional.of("https://example.com/sildar.png"));
        keeper.npcs().create(GM, GUILD, TAVERN, "Barkeep", Optional.empty());
    }

    // ---------------------------------------------------------------- files in the seed's format

    /** campaigns.json as the seed's create_campaign writes it: no webhook_id; an empty guild map. */
    static final String SEED_CAMPAIGNS = """
            {
              "111111111111111111": {
                "222222222222222222": {
                  "name": "lost-mine",
                  "gm_id": "333333333333333333",
                  "player_role_id": "777777777777777771",
                  "gm_role_id": "777777777777777772",
                  "players": ["444444444444444444"]
                },
                "222222222222222223": {
                  "name": "Ærø — the café",
                  "gm_id": "333333333333333333",
                  "player_role_id": "777777777777777773",
                  "gm_role_id": "777777777777777774",
                  "webhook_id": "888888888888888881",
                  "players": []
                }
              },
              "999999999999999999": {}
            }
            """;

    /** characters.json: avatar_url null (Python None), empty strings, a user who is not a player. */
    static final String SEED_CHARACTERS = """
            {
              "111111111111111111": {
                "444444444444444444": {
                  "222222222222222222": {
                    "name": "Mira",
                    "avatar_url": null,
                    "description": ""
                  }
                },
                "666666666666666666": {
                  "222222222222222223": {
                    "name": "",
                    "avatar_url": "https://example.com/a.png",
                    "description": "Ünïcödé ✓"
                  }
                }
              }
            }
            """;

    /** npcs.json: arbitrary NPC id strings, as the seed allowed. */
    static final String SEED_NPCS = """
            {
              "111111111111111111": {
                "222222222222222222": {
                  "npc_1": {
                    "name": "Sildar",
                    "avatar_url": "",
                    "creator_id": "333333333333333333"
                  },
                  "Old Gate-Keeper #2": {
                    "name": "Gatekeeper",
                    "avatar_url": null,
                    "creator_id": "333333333333333333"
                  }
                }
              }
            }
            """;

    @Test
    void filesInTheSeedsFormatMatchTheSchemasAndTheStoreOpensThem(@TempDir Path dir) throws IOException {
        Path data = dir.resolve("data");
        Files.createDirectories(data.resolve("backups"));
        Files.writeString(data.resolve("campaigns.json"), SEED_CAMPAIGNS);
        Files.writeString(data.resolve("characters.json"), SEED_CHARACTERS);
        Files.writeString(data.resolve("npcs.json"), SEED_NPCS);
        Files.writeString(data.resolve("backups").resolve("campaigns.json.20240101120000"), SEED_CAMPAIGNS);

        assertValid("campaigns.schema.json", SEED_CAMPAIGNS, "seed campaigns.json");
        assertValid("characters.schema.json", SEED_CHARACTERS, "seed characters.json");
        assertValid("npcs.schema.json", SEED_NPCS, "seed npcs.json");
        assertValid("campaigns.schema.json",
                Files.readString(data.resolve("backups").resolve("campaigns.json.20240101120000")),
                "seed-style backup");

        // The samples are real seed data: the store opens them as they are...
        try (JsonCampaignStore store = JsonCampaignStore.open(JsonStoreConfig.defaults(data))) {
            assertThat(store.guild(GUILD).campaigns()).hasSize(2);
            assertThat(store.guild(GUILD).characters()).hasSize(2);
            assertThat(store.guild(GUILD).npcsIn(MINE)).hasSize(2);
        }
        // ...and what it writes back still matches the schemas.
        for (String file : List.of("campaigns.json", "characters.json", "npcs.json")) {
            assertValid(file.replace(".json", ".schema.json"), Files.readString(data.resolve(file)),
                    "rewritten " + file);
        }
    }

    // ---------------------------------------------------------------- export documents

    @Test
    void exportDocumentsMatchTheSchema(@TempDir Path dir) {
        try (JsonCampaignStore store = JsonCampaignStore.open(JsonStoreConfig.defaults(dir.resolve("data")))) {
            CampaignKeeper keeper = CampaignKeeper.create(store, new InMemoryChatPlatform(), Limits.defaults(),
                    Clock.systemUTC());
            play(keeper);

            String exported = ExportJson.write(keeper.campaigns().export(GM, GUILD, MINE));
            String ended = ExportJson.write(keeper.campaigns().end(GM, GUILD, TAVERN));
            String empty = ExportJson.write(keeper.campaigns().end(GM, OTHER_GUILD, MINE));

            assertValid("export.schema.json", exported, "/campaign export document");
            assertValid("export.schema.json", ended, "/campaign end document");
            assertValid("export.schema.json", empty, "export of a campaign without players");
            CampaignExport back = ExportJson.read(exported);
            assertThat(back.characters()).hasSize(2);
            assertThat(back.npcs()).hasSize(1);
        }
    }

    // ---------------------------------------------------------------- the schemas can fail

    static Stream<Arguments> brokenDocuments() {
        String campaign = "\"name\":\"A\",\"gm_id\":\"1\",\"player_role_id\":\"2\",\"gm_role_id\":\"3\"";
        String export = "\"format\":\"campaign-keeper-export\",\"format_version\":1,"
                + "\"exported_at\":\"2026-01-01T00:00:00Z\",\"guild_id\":\"1\",\"channel_id\":\"2\"";
        String files = "\"files\":{\"campaigns.json\":{\"size\":2,\"crc32c\":\"00000000\"},"
                + "\"characters.json\":{\"size\":2,\"crc32c\":\"00000000\"},"
                + "\"npcs.json\":{\"size\":2,\"crc32c\":\"00000000\"}}";
        String manifest = "\"format_version\":1,\"seq\":4,\"journal_from\":3,\"backup\":\"\","
                + "\"written_at\":\"2026-01-01T00:00:00Z\"," + files;
        return Stream.of(
                Arguments.of("campaigns.schema.json", "{\"1\":{\"2\":{" + campaign + "}}}", true),
                Arguments.of("campaigns.schema.json", "[]", false),
                Arguments.of("campaigns.schema.json", "{\"1\":{\"2\":{\"name\":\"A\",\"gm_id\":3,"
                        + "\"player_role_id\":\"2\",\"gm_role_id\":\"3\"}}}", false),
                Arguments.of("campaigns.schema.json", "{\"1\":{\"2\":{\"name\":\"A\",\"gm_id\":\"1\"}}}", false),
                Arguments.of("campaigns.schema.json", "{\"guild\":{}}", false),
                Arguments.of("campaigns.schema.json", "{\"1\":{\"2\":{" + campaign + ",\"players\":[\"5\",\"5\"]}}}",
                        false),
                Arguments.of("characters.schema.json", "{\"1\":{\"4\":{\"2\":{\"name\":\"Mira\"}}}}", true),
                Arguments.of("characters.schema.json", "{\"1\":{\"4\":{\"2\":{\"avatar_url\":\"\"}}}}", false),
                Arguments.of("characters.schema.json", "{\"1\":{\"4\":{\"name\":\"Mira\"}}}", false),
                Arguments.of("npcs.schema.json", "{\"1\":{\"2\":{\"n\":{\"name\":\"S\",\"creator_id\":\"3\"}}}}", true),
                Arguments.of("npcs.schema.json", "{\"1\":{\"2\":{\"n\":{\"name\":\"S\"}}}}", false),
                Arguments.of("npcs.schema.json", "{\"1\":{\"2\":{\"\":{\"name\":\"S\",\"creator_id\":\"3\"}}}}", false),
                Arguments.of("export.schema.json", "{" + export + ",\"campaign\":{" + campaign + "}}", true),
                Arguments.of("export.schema.json", "{" + export.replace("campaign-keeper-export", "other")
                        + ",\"campaign\":{" + campaign + "}}", false),
                Arguments.of("export.schema.json", "{" + export.replace("\"format_version\":1", "\"format_version\":2")
                        + ",\"campaign\":{" + campaign + "}}", false),
                Arguments.of("export.schema.json", "{" + export + "}", false),
                Arguments.of("manifest.schema.json", "{\"format\":\"campaign-keeper-backup\"," + manifest
                        + ",\"crc32c\":\"0123abcd\"}", true),
                Arguments.of("manifest.schema.json", "{\"format\":\"campaign-keeper-backup\"," + manifest
                        + ",\"crc32c\":\"XYZ\"}", false),
                Arguments.of("manifest.schema.json", "{\"format\":\"something\"," + manifest
                        + ",\"crc32c\":\"0123abcd\"}", false),
                Arguments.of("journal-line.schema.json", "{\"seq\":1,\"guild\":\"1\",\"changes\":[{\"op\":\"remove_npc\","
                        + "\"channel_id\":\"2\",\"npc_id\":\"n\"}],\"crc32c\":\"0123abcd\"}", true),
                Arguments.of("journal-line.schema.json", "{\"seq\":1,\"guild\":\"1\",\"changes\":[{\"op\":\"drop_table\","
                        + "\"channel_id\":\"2\"}],\"crc32c\":\"0123abcd\"}", false),
                Arguments.of("journal-line.schema.json", "{\"seq\":0,\"guild\":\"1\",\"changes\":[],"
                        + "\"crc32c\":\"0123abcd\"}", false),
                Arguments.of("journal-line.schema.json", "{\"seq\":1,\"guild\":\"1\",\"changes\":[]}", false));
    }

    @ParameterizedTest(name = "{0} {2}: {1}")
    @MethodSource("brokenDocuments")
    void schemaAcceptsTheFormatAndRejectsDocumentsThatBreakIt(String schema, String json, boolean valid) {
        if (valid) {
            assertThat(errors(schema, json)).as("a well-formed document").isEmpty();
        } else {
            assertThat(errors(schema, json)).as("a document breaking the format").isNotEmpty();
        }
    }

    // ---------------------------------------------------------------- helpers

    private static String gunzip(Path file) {
        try (InputStream in = new GZIPInputStream(Files.newInputStream(file))) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The lines of a journal file up to the preallocated NUL padding. */
    private static List<String> journalLines(Path journal) throws IOException {
        byte[] bytes = Files.readAllBytes(journal);
        List<String> lines = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == 0) {
                break;
            }
            if (bytes[i] == '\n') {
                lines.add(new String(bytes, start, i - start, StandardCharsets.UTF_8));
                start = i + 1;
            }
        }
        return lines;
    }
}
