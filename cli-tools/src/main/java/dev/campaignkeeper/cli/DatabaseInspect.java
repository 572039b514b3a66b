package dev.campaignkeeper.cli;

import dev.campaignkeeper.core.model.GuildState;
import dev.campaignkeeper.persistence.postgres.PostgresCampaignStore;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@code inspect --database-url URL}: counts and the biggest guilds of a PostgreSQL store. Read-only. */
final class DatabaseInspect {

    private DatabaseInspect() {
    }

    static int run(CampaignAdmin admin, DatabaseOption database, int limit, boolean json) {
        List<GuildState> bySize = new ArrayList<>();
        PostgresCampaignStore.Counts counts;
        String where;
        try (Progress progress = admin.progress("inspect");
             PostgresCampaignStore store = database.open(admin)) {
            where = store.config().describe();
            progress.phase("counting the records");
            counts = store.counts();
            progress.phase("reading the guilds");
            store.guilds().forEach(guild -> bySize.add(store.guild(guild)));
        }
        bySize.sort(Comparator.comparingInt(GuildState::recordCount).reversed()
                .thenComparing(GuildState::guild, Records.GUILD_ORDER));
        List<GuildState> top = bySize.subList(0, Math.min(limit, bySize.size()));
        if (json) {
            Map<String, Object> document = new LinkedHashMap<>();
            document.put("database", where);
            document.put("guilds", counts.guilds());
            document.put("campaigns", counts.campaigns());
            document.put("characters", counts.characters());
            document.put("npcs", counts.npcs());
            document.put("posts", counts.posts());
            List<Map<String, Object>> rows = new ArrayList<>();
            top.forEach(state -> rows.add(InspectCommand.guildRow(state)));
            document.put("top_guilds", rows);
            admin.printJson(document);
            return ExitCodes.OK;
        }
        PrintWriter out = admin.out();
        out.println("Database: " + where);
        out.println();
        new Table("guilds", "campaigns", "characters", "npcs", "posts")
                .row(counts.guilds(), counts.campaigns(), counts.characters(), counts.npcs(), counts.posts()).print(out);
        if (!top.isEmpty()) {
            out.println();
            InspectCommand.printBiggest(out, top, bySize.size());
        }
        out.println();
        out.println("Backups: made with PostgreSQL's tools (pg_dump, WAL archiving), not listed here.");
        out.flush();
        return ExitCodes.OK;
    }
}
