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
}
