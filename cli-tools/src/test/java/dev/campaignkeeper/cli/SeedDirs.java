package dev.campaignkeeper.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Test helper: data directories as the seed's Python bot leaves them, written by hand from the
 * structures in the seed's data-persistence design (json.dump with indent=2, ensure_ascii=False).
 */
final class SeedDirs {

    static final String GUILD = "111111111111111111";
    static final String EMPTY_GUILD = "222222222222222222";
    static final String CHANNEL = "333333333333333333";
    static final String OTHER_CHANNEL = "333333333333333334";
    static final String GM = "444444444444444444";
    static final String PLAYER = "555555555555555555";
    static final String STRANGER = "666666666666666666";
    static final String BACKUP_STAMP = "20260101120000";

    /** The current state: a campaign with a player, two characters (one of a non-player), NPCs with odd ids. */
    static final String CAMPAIGNS = """
            {
              "111111111111111111": {
                "333333333333333333": {
                  "name": "La Tour de l'Éther ✨",
                  "gm_id": "444444444444444444",
                  "player_role_id": "777777777777777771",
                  "gm_role_id": "777777777777777772",
                  "webhook_id": "888888888888888888",
                  "players": ["555555555555555555"]
                },
                "333333333333333334": {
                  "name": "second-campaign",
                  "gm_id": "444444444444444444",
                  "player_role_id": "777777777777777773",
                  "gm_role_id": "777777777777777774",
                  "players": []
                }
              },
              "222222222222222222": {}
            }
            """;

    static final String CHARACTERS = """
            {
              "111111111111111111": {
                "555555555555555555": {
                  "333333333333333333": {
                    "name": "Aëlys",
                    "avatar_url": "https://example.com/aelys.png",
                    "description": "Elfe des brumes 🌫️"
                  }
                },
                "666666666666666666": {
                  "333333333333333333": {
                    "name": "Wanderer",
                    "avatar_url": "",
                    "description": ""
                  }
                }
              },
              "222222222222222222": {}
            }
            """;

    static final String NPCS = """
            {
              "111111111111111111": {
                "333333333333333333": {
                  "npc_1": {
                    "name": "Barkeep",
                    "avatar_url": "https://example.com/barkeep.png",
                    "creator_id": "444444444444444444"
                  },
                  "a b c": {
                    "name": "Старый маг",
                    "avatar_url": "",
                    "creator_id": "444444444444444444"
                  }
                }
              }
            }
            """;

    /** The older state the seed's backups hold: the campaign before the second player's character and NPCs. */
    static final String OLD_CAMPAIGNS = """
            {
              "111111111111111111": {
                "333333333333333333": {
                  "name": "La Tour de l'Éther",
                  "gm_id": "444444444444444444",
                  "player_role_id": "777777777777777771",
                  "gm_role_id": "777777777777777772",
                  "players": ["555555555555555555"]
                }
              }
            }
            """;

    static final String OLD_CHARACTERS = """
            {
              "111111111111111111": {
                "555555555555555555": {
                  "333333333333333333": {
                    "name": "Aëlys",
                    "avatar_url": "https://example.com/aelys.png",
                    "description": ""
                  }
                }
              }
            }
            """;

    static final String OLD_NPCS = "{}\n";

    private SeedDirs() {
    }

    /** A healthy seed-written directory with one set of seed-style backups of an older state. */
    static Path seedWritten(Path dir) {
        write(dir.resolve("campaigns.json"), CAMPAIGNS);
        write(dir.resolve("characters.json"), CHARACTERS);
        write(dir.resolve("npcs.json"), NPCS);
        write(dir.resolve("backups").resolve("campaigns.json." + BACKUP_STAMP), OLD_CAMPAIGNS);
        write(dir.resolve("backups").resolve("characters.json." + BACKUP_STAMP), OLD_CHARACTERS);
        write(dir.resolve("backups").resolve("npcs.json." + BACKUP_STAMP), OLD_NPCS);
        return dir;
    }

    /** A seed-written directory whose campaigns.json was torn by a crash mid-write (the seed writes in place). */
    static Path torn(Path dir) {
        seedWritten(dir);
        byte[] full = CAMPAIGNS.getBytes(StandardCharsets.UTF_8);
        try {
            Files.write(dir.resolve("campaigns.json"), java.util.Arrays.copyOf(full, full.length / 2));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return dir;
    }

    static void write(Path file, String text) {
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
