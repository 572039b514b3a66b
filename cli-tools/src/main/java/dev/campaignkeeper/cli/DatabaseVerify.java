package dev.campaignkeeper.cli;

import dev.campaignkeeper.core.model.Campaign;
import dev.campaignkeeper.core.model.ChannelId;
import dev.campaignkeeper.core.model.GuildId;
import dev.campaignkeeper.core.model.GuildState;
import dev.campaignkeeper.core.model.Npc;
import dev.campaignkeeper.core.model.NpcId;
import dev.campaignkeeper.core.model.PlayerCharacter;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

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
        for (Campaign campaign : state.campaigns()) {
            if (campaign.hasPlayer(campaign.gm())) {
                problems.add(new Problem("guild " + guild + " campaign " + campaign.channel(),
                        "the GM " + campaign.gm() + " is also listed as a player"));
            }
        }
        for (PlayerCharacter character : state.characters()) {
            String where = "guild " + guild + " character of " + character.user() + " in " + character.channel();
            Optional<Campaign> campaign = state.campaign(character.channel());
            if (campaign.isEmpty()) {
                problems.add(new Problem(where, "character \"" + character.name() + "\" is in channel "
                        + character.channel() + ", which has no campaign"));
            } else if (!campaign.get().hasPlayer(character.user())) {
                problems.add(new Problem(where, "character \"" + character.name() + "\" belongs to user "
                        + character.user() + ", who is not a player of the campaign"
                        + (campaign.get().gm().equals(character.user()) ? " (they are its GM)" : "")));
            }
        }
        for (Map.Entry<ChannelId, Map<NpcId, Npc>> byChannel : state.npcsByChannel().entrySet()) {
            if (state.campaign(byChannel.getKey()).isEmpty()) {
                problems.add(new Problem("guild " + guild + " channel " + byChannel.getKey(),
                        byChannel.getValue().size() + " NPC(s) in channel " + byChannel.getKey()
                                + ", which has no campaign"));
            }
        }
    }
}
