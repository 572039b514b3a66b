package dev.campaignkeeper.cli;

import dev.campaignkeeper.core.model.GuildId;
import dev.campaignkeeper.core.model.GuildState;
import dev.campaignkeeper.core.model.PlayerCharacter;
import dev.campaignkeeper.core.rules.RecordReferences;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code verify --database-url URL}: the record checks of {@code verify} on a PostgreSQL store
 * (characters or NPCs in channels without a campaign, characters of users who are not players, a GM
 * listed as a player). The files are PostgreSQL's to check. Read-only; exit 0 when healthy, 1 with
 * problems.
 */
final class DatabaseVerify {

    /** One questionable record. */
    record Problem(String where, String message) {
    }

    private DatabaseVerify() {
    }

    static int run(CampaignAdmin admin, DatabaseOption database, boolean json) {
        Map<GuildId, GuildState> guilds;
        try (Progress progress = admin.progress("verify")) {
            progress.phase("reading the records");
            guilds = database.readAll(admin);
        }
        List<Problem> problems = new ArrayList<>();
        guilds.values().forEach(state -> check(state, problems));
        String where = database.config(admin).describe();
        if (json) {
            Map<String, Object> document = new LinkedHashMap<>();
            document.put("database", where);
            document.put("healthy", problems.isEmpty());
            document.put("loadable", true);
            document.put("errors", 0);
            document.put("warnings", problems.size());
            List<Object> list = new ArrayList<>();
            for (Problem problem : problems) {
                Map<String, Object> row = new LinkedHashMap<>();
                row.put("severity", "warning");
                row.put("file", "");
                row.put("where", problem.where());
                row.put("message", problem.message());
                list.add(row);
            }
            document.put("problems", list);
            admin.printJson(document);
        } else {
            PrintWriter out = admin.out();
            if (problems.isEmpty()) {
                out.println("OK: " + where + " is healthy (" + guilds.size() + " guilds' records checked)");
            } else {
                Table table = new Table("severity", "where", "problem");
                problems.forEach(p -> table.row("warning", p.where(), p.message()));
                table.print(out);
                out.println();
                out.println(problems.size() + (problems.size() == 1 ? " warning" : " warnings") + " in " + where);
            }
            out.flush();
        }
        return problems.isEmpty() ? ExitCodes.OK : ExitCodes.PROBLEMS;
    }

    /**
     * The reference checks of one guild.
     *
     * @param state the guild's records
     * @param problems where to add what is found
     */
    static void check(GuildState state, List<Problem> problems) {
        String guild = state.guild().value();
        for (RecordReferences.Problem problem : RecordReferences.check(state)) {
            problems.add((problem instanceof RecordReferences.GmListedAsPlayer gm
                ? new Problem("guild " + guild + " campaign "
                        + gm.campaign().channel(), "the GM " + gm.campaign().gm() + " is also listed as a player")
                : problem instanceof RecordReferences.CharacterWithoutCampaign orphan
                ? new Problem(where(guild, orphan.character()),
                        "character \"" + orphan.character().name() + "\" is in channel " + orphan.character().channel()
                                + ", which has no campaign")
                : problem instanceof RecordReferences.CharacterOfNonPlayer stranger
                ? new Problem(where(guild, stranger.character()),
                        "character \"" + stranger.character().name() + "\" belongs to user "
                                + stranger.character().user() + ", who is not a player of the campaign"
                                + (stranger.ofTheGm() ? " (they are its GM)" : ""))
                : problem instanceof RecordReferences.NpcsWithoutCampaign npcs
                ? new Problem("guild " + guild + " channel "
                        + npcs.channel(), npcs.npcs().size() + " NPC(s) in channel " + npcs.channel()
                        + ", which has no campaign")
                : RecordReferences.unexpected(problem)));
        }
    }

    private static String where(String guild, PlayerCharacter character) {
        return "guild " + guild + " character of " + character.user() + " in " + character.channel();
    }
}
