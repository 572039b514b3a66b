package dev.campaignkeeper.persistence.json;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import com.google.gson.JsonPrimitive;
import com.google.gson.Strictness;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonToken;
import com.google.gson.stream.JsonWriter;
import dev.campaignkeeper.core.error.InvalidInputException;
import dev.campaignkeeper.core.model.Campaign;
import dev.campaignkeeper.core.model.CampaignExport;
import dev.campaignkeeper.core.model.ChannelId;
import dev.campaignkeeper.core.model.GuildId;
import dev.campaignkeeper.core.model.Npc;
import dev.campaignkeeper.core.model.NpcId;
import dev.campaignkeeper.core.model.PlayerCharacter;
import dev.campaignkeeper.core.model.UserId;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The portable, versioned export document of one campaign (what "end campaign" hands the GM and
 * what {@code campaign-admin export/import} read and write):
 *
 * <pre>{@code
 * {
 *   "format": "campaign-keeper-export",
 *   "format_version": 1,
 *   "exported_at": "2026-11-25T20:00:00Z",
 *   "guild_id": "123",
 *   "channel_id": "456",
 *   "campaign": {"name": ..., "gm_id": ..., "player_role_id": ..., "gm_role_id": ..., "webhook_id": ..., "players": [...]},
 *   "characters": {"<user_id>": {"name": ..., "avatar_url": ..., "description": ...}},
 *   "npcs": {"<npc_id>": {"name": ..., "avatar_url": ..., "creator_id": ...}}
 * }
 * }</pre>
 *
 * Record objects use exactly the seed's field names ({@code webhook_id} omitted when absent; an
 * absent avatar written as {@code ""}). UTF-8, pretty-printed, non-ASCII not escaped.
 */
public final class ExportJson {

    /** The value of the {@code format} field. */
    public static final String FORMAT = "campaign-keeper-export";

    private ExportJson() {
    }

    /**
     * Writes an export document.
     *
     * @param export the export
     * @return the JSON text
     */
    public static String write(CampaignExport export) {
        Objects.requireNonNull(export, "export");
        try {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            JsonWriter out = SeedFormat.prettyWriter(bytes);
            Campaign campaign = export.campaign();
            out.beginObject();
            out.name("format").value(FORMAT);
            out.name("format_version").value(CampaignExport.CURRENT_FORMAT_VERSION);
            out.name("exported_at").value(export.exportedAt().toString());
            out.name("guild_id").value(campaign.guild().value());
            out.name("channel_id").value(campaign.channel().value());
            out.name("campaign");
            RecordJson.writeCampaignFields(out, campaign);
            out.name("characters").beginObject();
            for (PlayerCharacter character : export.characters()) {
                out.name(character.user().value());
                RecordJson.writeCharacterFields(out, character);
            }
            out.endObject();
            out.name("npcs").beginObject();
            for (Npc npc : export.npcs()) {
                out.name(npc.id().value());
                RecordJson.writeNpcFields(out, npc);
            }
            out.endObject();
            out.endObject();
            out.flush();
            bytes.write('\n');
            return bytes.toString(StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Reads and validates an export document.
     *
     * @param json the document's text
     * @return the export
     * @throws InvalidInputException naming what is wrong and where, if the text is not a valid
     *         export document (or one written by a newer version)
     */
    public static CampaignExport read(String json) {
        Objects.requireNonNull(json, "json");
        JsonObject root;
        try {
            JsonReader reader = new JsonReader(new StringReader(json));
            reader.setStrictness(Strictness.STRICT);
            JsonElement element = JsonParser.parseReader(reader);
            if (reader.peek() != JsonToken.END_DOCUMENT) {
                throw invalid("there is trailing data after the document");
            }
            if (!element.isJsonObject()) {
                throw invalid("the top level must be a JSON object");
            }
            root = element.getAsJsonObject();
        } catch (JsonParseException | IOException | IllegalStateException e) {
            throw invalid("it is not valid JSON (" + RecordJson.oneLine(e) + ")");
        }
        String format = text(root, "format");
        if (!FORMAT.equals(format)) {
            throw invalid("\"format\" must be \"" + FORMAT + "\", found \"" + format + "\"");
        }
        JsonElement version = root.get("format_version");
        if (version == null || !version.isJsonPrimitive() || !version.getAsJsonPrimitive().isNumber()) {
            throw invalid("\"format_version\" must be a number");
        }
        int formatVersion;
        try {
            formatVersion = new java.math.BigDecimal(version.getAsString()).intValueExact();
        } catch (ArithmeticException | NumberFormatException e) {
            throw invalid("\"format_version\" must be a whole number");
        }
        if (formatVersion < 1) {
            throw invalid("\"format_version\" must be at least 1");
        }
        if (formatVersion > CampaignExport.CURRENT_FORMAT_VERSION) {
            throw invalid("it was written by a newer version (format_version " + formatVersion
                    + "; this version reads up to " + CampaignExport.CURRENT_FORMAT_VERSION + ")");
        }
        Instant exportedAt;
        try {
            exportedAt = Instant.parse(text(root, "exported_at"));
        } catch (DateTimeParseException e) {
            throw invalid("\"exported_at\" must be an ISO-8601 instant such as 2026-01-31T12:00:00Z");
        }
        GuildId guild = id(root, "guild_id", GuildId::of);
        ChannelId channel = id(root, "channel_id", ChannelId::of);
        try {
            Campaign campaign = RecordJson.readCampaign(sub(root, "campaign"), guild, channel, RecordJson.Warnings.NONE);
            List<PlayerCharacter> characters = new ArrayList<>();
            for (Map.Entry<String, JsonElement> entry : object(root, "characters").entrySet()) {
                UserId user = parse("characters key", entry.getKey(), UserId::of);
                characters.add(RecordJson.readCharacter(reader(entry.getValue()), guild, user, channel,
                        RecordJson.Warnings.NONE));
            }
            List<Npc> npcs = new ArrayList<>();
            for (Map.Entry<String, JsonElement> entry : object(root, "npcs").entrySet()) {
                NpcId id = parse("npcs key", entry.getKey(), NpcId::of);
                npcs.add(RecordJson.readNpc(reader(entry.getValue()), guild, channel, id, RecordJson.Warnings.NONE));
            }
            return new CampaignExport(formatVersion, exportedAt, campaign, characters, npcs);
        } catch (FormatException e) {
            throw invalid(e.getMessage());
        } catch (IOException | IllegalArgumentException | IllegalStateException e) {
            throw invalid(String.valueOf(e.getMessage()));
        }
    }

    private static InvalidInputException invalid(String why) {
        return new InvalidInputException("This is not a valid Campaign Keeper export: " + why + ".");
    }

    private static String text(JsonObject root, String field) {
        JsonElement element = root.get(field);
        if (element == null || !element.isJsonPrimitive() || !((JsonPrimitive) element).isString()) {
            throw invalid("\"" + field + "\" must be a string");
        }
        return element.getAsString();
    }

    private static <T> T id(JsonObject root, String field, java.util.function.Function<String, T> parse) {
        return parse("\"" + field + "\"", text(root, field), parse);
    }

    private static <T> T parse(String what, String value, java.util.function.Function<String, T> parse) {
        try {
            return parse.apply(value);
        } catch (IllegalArgumentException e) {
            throw invalid(what + " is not valid: " + e.getMessage());
        }
    }

    private static JsonObject object(JsonObject root, String field) {
        JsonElement element = root.get(field);
        if (element == null) {
            return new JsonObject();
        }
        if (!element.isJsonObject()) {
            throw invalid("\"" + field + "\" must be a JSON object");
        }
        return element.getAsJsonObject();
    }

    private static JsonReader sub(JsonObject root, String field) {
        JsonElement element = root.get(field);
        if (element == null || !element.isJsonObject()) {
            throw invalid("\"" + field + "\" must be a JSON object");
        }
        return reader(element);
    }

    private static JsonReader reader(JsonElement element) {
        JsonReader reader = new JsonReader(new StringReader(element.toString()));
        reader.setStrictness(Strictness.STRICT);
        return reader;
    }
}
