package dev.campaignkeeper.cli;

import com.google.gson.stream.JsonWriter;
import dev.campaignkeeper.core.model.ChannelId;
import dev.campaignkeeper.core.model.GuildId;
import dev.campaignkeeper.core.model.UserId;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.IntConsumer;

/**
 * Writes seed-shaped data straight into the seed's three JSON files, streaming, so that a data
 * directory of 10,000 guilds takes seconds rather than 550,000 durable updates.
 *
 * <p>Shape per guild (as measured in issue 3): {@value #CHANNELS} campaign channels, each with
 * {@value #PLAYERS} players who have a character there, and {@value #NPCS} NPCs per channel. Ids
 * are deterministic, so the benchmark can address any record without reading the files.
 * About 12.7 KB per guild, so 10,000 guilds make the 127 MB issue 3 measured. Files are
 * pretty-printed with two spaces and non-ASCII left unescaped, like the seed's
 * {@code json.dump(data, f, indent=2, ensure_ascii=False)}.
 */
final class SeedDataGenerator {

    /** Campaign channels per guild. */
    static final int CHANNELS = 5;
    /** Players (each with a character) per campaign. */
    static final int PLAYERS = 6;
    /** NPCs per campaign. */
    static final int NPCS = 4;

    private static final long GUILD_BASE = 700_000_000_000_000_000L;
    private static final long CHANNEL_BASE = 710_000_000_000_000_000L;
    private static final long USER_BASE = 720_000_000_000_000_000L;
    private static final long ROLE_BASE = 730_000_000_000_000_000L;
    private static final long WEBHOOK_BASE = 740_000_000_000_000_000L;

    private static final String DESCRIPTION =
            "A sellsword from the north.";
    private static final String[] NAMES = {
        "Aldric", "Brenna", "Cassius", "Dagny", "Elowen", "Fenwick", "Gwendolyn", "Hakon", "Isolde", "Jorund"};

    private SeedDataGenerator() {
    }

    static GuildId guild(int g) {
        return GuildId.of(GUILD_BASE + g);
    }

    static ChannelId channel(int g, int c) {
        return ChannelId.of(CHANNEL_BASE + (long) g * 10 + c);
    }

    static UserId player(int g, int c, int p) {
        return UserId.of(USER_BASE + (long) g * 100 + c * 10L + p);
    }

    static UserId gm(int g, int c) {
        return UserId.of(USER_BASE + (long) g * 100 + 90 + c);
    }

    static String npcId(int g, int c, int n) {
        return "npc" + Long.toString((long) g * 100 + c * 10L + n, 36);
    }

    /**
     * Writes {@code campaigns.json}, {@code characters.json} and {@code npcs.json} for guilds
     * {@code 0 .. guilds-1} into {@code dir} (created if needed).
     *
     * @param dir the data directory
     * @param guilds how many guilds
     * @param onGuild called after each guild of each file with a running count (0 .. 3*guilds)
     * @throws IOException if a file cannot be written
     */
    static void write(Path dir, int guilds, IntConsumer onGuild) throws IOException {
        Files.createDirectories(dir);
        int[] done = {0};
        try (JsonWriter json = writer(dir.resolve("campaigns.json"))) {
            json.beginObject();
            for (int g = 0; g < guilds; g++) {
                json.name(guild(g).value()).beginObject();
                for (int c = 0; c < CHANNELS; c++) {
                    json.name(channel(g, c).value()).beginObject();
                    json.name("name").value("The " + NAMES[(g + c) % NAMES.length] + " Chronicles " + c);
                    json.name("gm_id").value(gm(g, c).value());
                    json.name("player_role_id").value(Long.toString(ROLE_BASE + (long) g * 20 + c * 2L));
                    json.name("gm_role_id").value(Long.toString(ROLE_BASE + (long) g * 20 + c * 2L + 1));
                    json.name("webhook_id").value(Long.toString(WEBHOOK_BASE + (long) g * 10 + c));
                    json.name("players").beginArray();
                    for (int p = 0; p < PLAYERS; p++) {
                        json.value(player(g, c, p).value());
                    }
                    json.endArray();
                    json.endObject();
                }
                json.endObject();
                onGuild.accept(++done[0]);
            }
            json.endObject();
        }
        try (JsonWriter json = writer(dir.resolve("characters.json"))) {
            json.beginObject();
            for (int g = 0; g < guilds; g++) {
                json.name(guild(g).value()).beginObject();
                for (int c = 0; c < CHANNELS; c++) {
                    for (int p = 0; p < PLAYERS; p++) {
                        UserId user = player(g, c, p);
                        json.name(user.value()).beginObject();
                        json.name(channel(g, c).value()).beginObject();
                        json.name("name").value(NAMES[(p + c) % NAMES.length] + " the " + (p + 1));
                        json.name("avatar_url").value("https://cdn.example.com/a/" + user.value() + ".png");
                        json.name("description").value(DESCRIPTION);
                        json.endObject();
                        json.endObject();
                    }
                }
                json.endObject();
                onGuild.accept(++done[0]);
            }
            json.endObject();
        }
        try (JsonWriter json = writer(dir.resolve("npcs.json"))) {
            json.beginObject();
            for (int g = 0; g < guilds; g++) {
                json.name(guild(g).value()).beginObject();
                for (int c = 0; c < CHANNELS; c++) {
                    json.name(channel(g, c).value()).beginObject();
                    for (int n = 0; n < NPCS; n++) {
                        json.name(npcId(g, c, n)).beginObject();
                        json.name("name").value("Innkeeper " + NAMES[(n + g) % NAMES.length] + " " + n);
                        json.name("avatar_url").value("https://cdn.example.com/n/" + npcId(g, c, n) + ".png");
                        json.name("creator_id").value(gm(g, c).value());
                        json.endObject();
                    }
                    json.endObject();
                }
                json.endObject();
                onGuild.accept(++done[0]);
            }
            json.endObject();
        }
    }

    private static JsonWriter writer(Path file) throws IOException {
        BufferedWriter buffered = new BufferedWriter(
                new OutputStreamWriter(Files.newOutputStream(file), StandardCharsets.UTF_8), 1 << 16);
        JsonWriter json = new JsonWriter(buffered);
        json.setIndent("  ");
        json.setHtmlSafe(false);
        return json;
    }
}
