package dev.campaignkeeper.persistence.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.campaignkeeper.core.error.InvalidInputException;
import dev.campaignkeeper.core.model.Campaign;
import dev.campaignkeeper.core.model.CampaignExport;
import dev.campaignkeeper.core.model.GuildId;
import dev.campaignkeeper.core.model.UserId;
import dev.campaignkeeper.core.model.WebhookId;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class ExportJsonTest {

    private final GuildId guild = GuildId.of(42);

    private CampaignExport export() {
        Campaign campaign = Fixtures.campaign(guild, 10, "Ünder the Mountain 🏔", 7, List.of(UserId.of(8)))
                .withWebhook(WebhookId.of(99));
        return new CampaignExport(1, Instant.parse("2026-11-25T20:00:00Z"), campaign,
                List.of(Fixtures.character(guild, 8, 10, "Brí")), List.of(Fixtures.npc(guild, 10, "Goblin King!", "Gob")));
    }

    @Test
    void exportRoundTripsAndUsesTheDocumentedLayout() {
        String json = ExportJson.write(export());
        assertThat(json).contains("\"format\": \"campaign-keeper-export\"", "\"format_version\": 1",
                "\"exported_at\": \"2026-11-25T20:00:00Z\"", "\"guild_id\": \"42\"", "\"channel_id\": \"10\"",
                "\"webhook_id\": \"99\"", "🏔", "\"Goblin King!\": {");
        assertThat(ExportJson.read(json)).isEqualTo(export());
    }

    @Test
    void invalidDocumentsAreRejectedWithClearMessages() {
        String json = ExportJson.write(export());
        assertThatThrownBy(() -> ExportJson.read("not json")).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("not valid JSON");
        assertThatThrownBy(() -> ExportJson.read("[]")).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("JSON object");
        assertThatThrownBy(() -> ExportJson.read(json.replace("campaign-keeper-export", "something-else")))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("\"format\"");
        assertThatThrownBy(() -> ExportJson.read(json.replace("\"format_version\": 1", "\"format_version\": 2")))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("newer version");
        assertThatThrownBy(() -> ExportJson.read(json.replace("\"gm_id\": \"7\"", "\"gm_id\": 7")))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("gm_id");
        assertThatThrownBy(() -> ExportJson.read(json.replace("\"guild_id\": \"42\"", "\"guild_id\": \"abc\"")))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("guild_id");
        assertThatThrownBy(() -> ExportJson.read(json + "{}")).isInstanceOf(InvalidInputException.class);
    }

    private static String replaced(String json, String from, String to) {
        assertThat(json).containsOnlyOnce(from);
        return json.replace(from, to);
    }

    @Test
    void documentIsPrettyPrintedUtf8EndingInANewlineWithRecordsInOrder() {
        Campaign campaign = Fixtures.campaign(guild, 10, "Zoë", 7, List.of(UserId.of(8), UserId.of(9)));
        CampaignExport export = new CampaignExport(1, Instant.parse("2026-11-25T20:00:00Z"), campaign,
                List.of(Fixtures.character(guild, 9, 10, "Second"), Fixtures.character(guild, 8, 10, "First")),
                List.of(Fixtures.npc(guild, 10, "b", "Bee"), Fixtures.npc(guild, 10, "a", "Ay")));

        String json = ExportJson.write(export);

        assertThat(json).startsWith("{\n").endsWith("}\n").contains("\"name\": \"Zoë\"");
        assertThat(json.indexOf("\"9\": {")).isLessThan(json.indexOf("\"8\": {"));
        assertThat(json.indexOf("\"b\": {")).isLessThan(json.indexOf("\"a\": {"));
        assertThat(ExportJson.read(json)).isEqualTo(export);
    }

    @Test
    void campaignWithoutWebhookOrRecordsRoundTripsWithoutAWebhookId() {
        CampaignExport bare = new CampaignExport(1, Instant.parse("2026-11-25T20:00:00Z"),
                Fixtures.campaign(guild, 10, "Bare", 7, List.of()), List.of(), List.of());

        String json = ExportJson.write(bare);

        assertThat(json).doesNotContain("webhook_id").contains("\"characters\": {}", "\"npcs\": {}");
        assertThat(ExportJson.read(json)).isEqualTo(bare);
    }

    @Test
    void missingCharactersAndNpcsReadAsNone() {
        String json = ExportJson.write(new CampaignExport(1, Instant.parse("2026-11-25T20:00:00Z"),
                Fixtures.campaign(guild, 10, "Bare", 7, List.of()), List.of(), List.of()));
        String without = replaced(replaced(json, ",\n  \"characters\": {}", ""), ",\n  \"npcs\": {}", "");

        CampaignExport read = ExportJson.read(without);

        assertThat(read.characters()).isEmpty();
        assertThat(read.npcs()).isEmpty();
    }

    @Test
    void formatVersionMustBeAWholeNumberFromOneToTheCurrentOne() {
        String json = ExportJson.write(export());

        assertThat(ExportJson.read(replaced(json, "\"format_version\": 1", "\"format_version\": 1.0")))
                .isEqualTo(export());
        assertThatThrownBy(() -> ExportJson.read(replaced(json, "\"format_version\": 1", "\"format_version\": \"1\"")))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("\"format_version\" must be a number");
        assertThatThrownBy(() -> ExportJson.read(replaced(json, "\"format_version\": 1,", "")))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("\"format_version\" must be a number");
        assertThatThrownBy(() -> ExportJson.read(replaced(json, "\"format_version\": 1", "\"format_version\": 1.5")))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("must be a whole number");
        assertThatThrownBy(() -> ExportJson.read(replaced(json, "\"format_version\": 1", "\"format_version\": 0")))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("must be at least 1");
        assertThatThrownBy(() -> ExportJson.read(replaced(json, "\"format_version\": 1", "\"format_version\": 2")))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("format_version 2; this version reads up to 1");
    }

    @Test
    void exportedAtMustBeAnInstant() {
        String json = ExportJson.write(export());

        assertThatThrownBy(() -> ExportJson.read(replaced(json, "2026-11-25T20:00:00Z", "yesterday")))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("ISO-8601");
        assertThatThrownBy(() -> ExportJson.read(replaced(json, "\"2026-11-25T20:00:00Z\"", "20261125")))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("\"exported_at\" must be a string");
    }

    @Test
    void campaignCharactersAndNpcsMustBeObjects() {
        String json = ExportJson.write(export());
        String noCampaign = json.replaceFirst("\"campaign\": \\{[^}]*}", "\"campaign\": []");
        assertThat(noCampaign).isNotEqualTo(json);

        assertThatThrownBy(() -> ExportJson.read(noCampaign))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("\"campaign\" must be a JSON object");
        assertThatThrownBy(() -> ExportJson.read(replaced(json, "\"characters\": {", "\"characters\": [], \"x\": {")))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("\"characters\" must be a JSON object");
        assertThatThrownBy(() -> ExportJson.read(replaced(json, "\"npcs\": {", "\"npcs\": 5, \"x\": {")))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("\"npcs\" must be a JSON object");
    }

    @Test
    void recordKeysMustBeValidIds() {
        String json = ExportJson.write(export());

        assertThatThrownBy(() -> ExportJson.read(replaced(json, "\"8\": {", "\"eight\": {")))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("characters key is not valid");
        assertThatThrownBy(() -> ExportJson.read(replaced(json, "\"Goblin King!\": {", "\"\": {")))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("npcs key is not valid");
        assertThatThrownBy(() -> ExportJson.read(replaced(json, "\"channel_id\": \"10\"", "\"channel_id\": \"x\"")))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("\"channel_id\" is not valid");
    }

    @Test
    void everyRejectionSaysItIsNoValidExport() {
        assertThatThrownBy(() -> ExportJson.read("{\"format\": \"campaign-keeper-export\"} 5"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageStartingWith("This is not a valid Campaign Keeper export: ")
                .hasMessageEndingWith(".");
        assertThatThrownBy(() -> ExportJson.read("{}"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("This is not a valid Campaign Keeper export: \"format\" must be a string.");
    }

    @Test
    void lenientJsonIsNoExport() {
        String json = ExportJson.write(export());

        assertThatThrownBy(() -> ExportJson.read(replaced(json, "\"format\": \"campaign-keeper-export\"",
                "format: 'campaign-keeper-export'")))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("not valid JSON");
        assertThatThrownBy(() -> ExportJson.read(replaced(json, "\"gm_id\": \"7\"", "'gm_id': '7'")))
                .isInstanceOf(InvalidInputException.class);
    }
}
