package dev.campaignkeeper.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImportCharactersCommandTest {

    @TempDir
    Path tmp;

    private final String g = NativeDirs.GUILD.value();
    private final String c = NativeDirs.CHANNEL.value();
    private final String player = NativeDirs.PLAYER.value();

    private Path systemV1() throws IOException {
        Path file = tmp.resolve("system.json");
        try (InputStream in = getClass().getResourceAsStream("/exports/system-v1.json")) {
            Files.write(file, in.readAllBytes());
        }
        return file;
    }

    private JsonObject character(Path data) {
        return Run.of("--data", data.toString(), "show", "campaign", g, c, "--json").json()
                .getAsJsonArray("characters").get(0).getAsJsonObject();
    }

    @Test
    void importsTheNamedMemberAsThePlayersCharacterReplacingTheirs() throws IOException {
        Path data = NativeDirs.healthy(tmp.resolve("data"));

        Run run = Run.of("--data", data.toString(), "import-characters", systemV1().toString(), "--guild", g,
                "--channel", c, "--user", player, "--name", "Ćira");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("Imported \"Ćira of the Marsh\" from the PluralKit (version 1) file",
                "It replaces the earlier character \"Hero\".");
        assertThat(character(data).toString()).contains("Ćira of the Marsh", "https://i.imgur.com/cIrA123.png",
                "Speaks to frogs.");
        assertThat(Run.of("--data", data.toString(), "verify").exitCode()).isZero();
    }

    @Test
    void severalMembersWithoutANameAreListedAndNothingIsImported() throws IOException {
        Path data = NativeDirs.healthy(tmp.resolve("data"));

        Run run = Run.of("--data", data.toString(), "import-characters", systemV1().toString(), "--guild", g,
                "--channel", c, "--user", player, "--json");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).contains("2 characters (\"Ćira\", \"Nyx\")", "--name", "nothing imported");
        assertThat(run.json().get("exit").getAsInt()).isEqualTo(1);
        assertThat(character(data).toString()).contains("Hero");
    }

    @Test
    void badFilesAndNonPlayersAreRefusedWithOneLine() throws IOException {
        Path data = NativeDirs.healthy(tmp.resolve("data"));
        Path notJson = tmp.resolve("notes.txt");
        Files.writeString(notJson, "hello", StandardCharsets.UTF_8);
        Path tupper = tmp.resolve("tuppers.json");
        Files.writeString(tupper, "{\"tuppers\":[{\"name\":\"Solo\"}]}", StandardCharsets.UTF_8);

        Run bad = Run.of("--data", data.toString(), "import-characters", notJson.toString(), "--guild", g,
                "--channel", c, "--user", player);
        Run stranger = Run.of("--data", data.toString(), "import-characters", tupper.toString(), "--guild", g,
                "--channel", c, "--user", "900000000000000099");
        Run gm = Run.of("--data", data.toString(), "import-characters", tupper.toString(), "--guild", g,
                "--channel", c, "--user", NativeDirs.GM.value());

        assertThat(bad.exitCode()).isEqualTo(1);
        assertThat(bad.err()).contains("\"notes.txt\" is not valid JSON").hasLineCount(1);
        assertThat(stranger.exitCode()).isEqualTo(1);
        assertThat(stranger.err()).contains("Only players of this campaign can import a character");
        assertThat(gm.exitCode()).isEqualTo(1);
        assertThat(gm.err()).contains("the GM has no character");
        assertThat(character(data).toString()).contains("Hero");
    }

    @Test
    void withNpcsEveryEntryBecomesAnNpcOfTheCampaignOrNoneDoes() throws IOException {
        Path data = NativeDirs.healthy(tmp.resolve("data"));

        Run run = Run.of("--data", data.toString(), "import-characters", systemV1().toString(), "--guild", g,
                "--channel", c, "--npcs");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("Imported 2 NPCs from the PluralKit (version 1) file", "Ćira of the Marsh",
                "Nyx");
        String npcs = Run.of("--data", data.toString(), "show", "campaign", g, c, "--json").json()
                .getAsJsonArray("npcs").toString();
        assertThat(npcs).contains("Innkeeper", "Ćira of the Marsh", "Nyx");
        assertThat(character(data).toString()).as("the player's character stays").contains("Hero");
        assertThat(Run.of("--data", data.toString(), "verify").exitCode()).isZero();

        Run again = Run.of("--data", data.toString(), "import-characters", systemV1().toString(), "--guild", g,
                "--channel", c, "--npcs", "--json");

        assertThat(again.exitCode()).isEqualTo(1);
        assertThat(again.err()).contains("already has NPCs named \"Ćira of the Marsh\", \"Nyx\"",
                "Nothing was imported");
        assertThat(Run.of("--data", data.toString(), "show", "campaign", g, c, "--json").json()
                .getAsJsonArray("npcs").size()).isEqualTo(3);
    }

    @Test
    void npcsTakeNoUserAndACharacterNeedsOne() throws IOException {
        Path data = NativeDirs.healthy(tmp.resolve("data"));

        Run both = Run.of("--data", data.toString(), "import-characters", systemV1().toString(), "--guild", g,
                "--channel", c, "--npcs", "--user", player);
        Run neither = Run.of("--data", data.toString(), "import-characters", systemV1().toString(), "--guild", g,
                "--channel", c);

        assertThat(both.exitCode()).isEqualTo(2);
        assertThat(both.err()).contains("leave out --user");
        assertThat(neither.exitCode()).isEqualTo(2);
        assertThat(neither.err()).contains("--user", "--npcs");
    }
}
