package dev.campaignkeeper.persistence.json.docs;

// tag::example[]
import dev.campaignkeeper.core.error.NotPermittedException;
import dev.campaignkeeper.core.memory.InMemoryChatPlatform;
import dev.campaignkeeper.core.model.Actor;
import dev.campaignkeeper.core.model.CampaignExport;
import dev.campaignkeeper.core.model.ChannelId;
import dev.campaignkeeper.core.model.GuildId;
import dev.campaignkeeper.core.model.UserId;
import dev.campaignkeeper.core.rules.Limits;
import dev.campaignkeeper.core.usecase.CampaignKeeper;
import dev.campaignkeeper.core.usecase.Spoken;
import dev.campaignkeeper.persistence.json.ExportJson;
import dev.campaignkeeper.persistence.json.JsonCampaignStore;
import dev.campaignkeeper.persistence.json.JsonStoreConfig;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;

/** Plays a short campaign against a JSON data directory, as in docs/library-guide.md. */
public final class LibraryGuideExample {

    private static final GuildId GUILD = GuildId.of("111111111111111111");
    private static final ChannelId CHANNEL = ChannelId.of("222222222222222222");
    private static final Actor GM = Actor.member(UserId.of("333333333333333333"));
    private static final Actor PLAYER = Actor.member(UserId.of("444444444444444444"));

    private LibraryGuideExample() {
    }

    /**
     * Opens the store, runs a few use cases, closes the store.
     *
     * @param dataDir the data directory (created if missing)
     * @param platform where roles, webhooks and posts go; your own {@code ChatPlatform} in real use
     * @return the campaign's export document (what {@code /campaign export} hands the GM), as JSON
     */
    public static String play(Path dataDir, InMemoryChatPlatform platform) {
        // Opening takes the directory's lock and recovers the newest durable state.
        try (JsonCampaignStore store = JsonCampaignStore.open(JsonStoreConfig.defaults(dataDir))) {
            CampaignKeeper keeper = CampaignKeeper.create(store, platform, Limits.defaults(), Clock.systemUTC());

            // Each call that changes something is one atomic store update, durable when it returns.
            keeper.campaigns().create(GM, GUILD, CHANNEL, "lost-mine", Optional.of("The Lost Mine"));
            keeper.campaigns().join(PLAYER, GUILD, CHANNEL);
            keeper.characters().create(PLAYER, GUILD, CHANNEL, "Mira Tealeaf",
                    Optional.of("https://example.com/mira.png"), Optional.of("A halfling rogue"));
            keeper.npcs().create(GM, GUILD, CHANNEL, "Sildar Hallwinter", Optional.empty());

            Spoken said = keeper.speech().sayAsCharacter(PLAYER, GUILD, CHANNEL, "Is anyone there?");
            keeper.speech().sayAsNpc(GM, GUILD, CHANNEL, "sildar hallwinter", // NPC id or name
                    "Welcome to Phandalin, " + said.displayName() + ".");

            // Rule violations are exceptions whose message tells the user what to change.
            try {
                keeper.npcs().create(PLAYER, GUILD, CHANNEL, "Glasstaff", Optional.empty());
            } catch (NotPermittedException refused) {
                System.out.println("refused: " + refused.getMessage());
            }

            CampaignExport export = keeper.campaigns().export(GM, GUILD, CHANNEL);
            return ExportJson.write(export);
        } // close(): final checkpoint, lock released
    }

    /**
     * Runs the example on {@code ./example-data} (or the directory given as the first argument).
     *
     * @param args optional data directory
     */
    public static void main(String[] args) {
        Path dataDir = Path.of(args.length > 0 ? args[0] : "example-data");
        InMemoryChatPlatform platform = new InMemoryChatPlatform(
                post -> System.out.println("[" + post.displayName() + "] " + post.text()));
        System.out.println(play(dataDir, platform));
    }
}
// end::example[]
