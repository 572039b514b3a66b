package dev.campaignkeeper.persistence.json.docs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.campaignkeeper.core.error.NotFoundException;
import dev.campaignkeeper.core.memory.InMemoryChatPlatform;
import dev.campaignkeeper.core.model.CampaignExport;
import dev.campaignkeeper.core.model.ChannelId;
import dev.campaignkeeper.core.model.GuildId;
import dev.campaignkeeper.core.model.GuildState;
import dev.campaignkeeper.persistence.json.ExportJson;
import dev.campaignkeeper.persistence.json.JsonCampaignStore;
import dev.campaignkeeper.persistence.json.JsonStoreConfig;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Runs the library guide's example and checks that docs/library-guide.md shows exactly its code,
 * so the guide cannot rot.
 */
class LibraryGuideExampleTest {

    static final Path EXAMPLES = Path.of("persistence-json", "src", "test", "java", "dev", "campaignkeeper",
            "persistence", "json", "docs");

    @Test
    void exampleRunsTheUseCasesAndTheirEffectsSurviveReopening(@TempDir Path dir) {
        Path dataDir = dir.resolve("data");
        InMemoryChatPlatform platform = new InMemoryChatPlatform();

        String exportJson = LibraryGuideExample.play(dataDir, platform);

        assertThat(platform.posts()).extracting(InMemoryChatPlatform.Post::displayName)
                .containsExactly("Mira Tealeaf", "Sildar Hallwinter");
        assertThat(platform.posts().get(1).text()).isEqualTo("Welcome to Phandalin, Mira Tealeaf.");
        CampaignExport export = ExportJson.read(exportJson);
        assertThat(export.campaign().name()).isEqualTo("The Lost Mine");
        assertThat(export.characters()).extracting(c -> c.name()).containsExactly("Mira Tealeaf");
        assertThat(export.npcs()).extracting(n -> n.name()).containsExactly("Sildar Hallwinter");
        assertThat(dataDir.resolve("campaigns.json")).content().contains("The Lost Mine");

        try (JsonCampaignStore reopened = JsonCampaignStore.open(JsonStoreConfig.defaults(dataDir))) {
            GuildState guild = reopened.guild(GuildId.of("111111111111111111"));
            ChannelId channel = ChannelId.of("222222222222222222");
            assertThat(guild.campaign(channel)).hasValueSatisfying(c -> assertThat(c.players()).hasSize(1));
            assertThat(guild.charactersIn(channel)).hasSize(1);
            assertThat(guild.npcsIn(channel)).hasSize(1);
        }
    }

    @Test
    void transactionExampleRenamesAtomically(@TempDir Path dir) {
        Path dataDir = dir.resolve("data");
        LibraryGuideExample.play(dataDir, new InMemoryChatPlatform());
        GuildId guild = GuildId.of("111111111111111111");
        ChannelId channel = ChannelId.of("222222222222222222");

        try (JsonCampaignStore store = JsonCampaignStore.open(JsonStoreConfig.defaults(dataDir))) {
            assertThat(TransactionExample.rename(store, guild, channel).name()).isEqualTo("The Lost Mine of Phandelver");
            assertThat(store.guild(guild).campaign(channel)).hasValueSatisfying(
                    c -> assertThat(c.name()).isEqualTo("The Lost Mine of Phandelver"));
            assertThatThrownBy(() -> TransactionExample.rename(store, guild, ChannelId.of("999")))
                    .isInstanceOf(NotFoundException.class);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"LibraryGuideExample.java", "TransactionExample.java"})
    void libraryGuideShowsExactlyTheCompiledCode(String file) {
        String source = DocsFiles.read(DocsFiles.root().resolve(EXAMPLES).resolve(file));
        String guide = DocsFiles.read(DocsFiles.docs("library-guide.md"));

        assertThat(snippetIn(guide, file))
                .as("the java block after <!-- snippet: " + file + " --> in docs/library-guide.md "
                        + "must equal the tag::example[] region of " + EXAMPLES.resolve(file))
                .isEqualTo(taggedRegion(source));
    }

    @Test
    void snippetCheckNoticesADifference() {
        String source = "a\n// tag::example[]\nint x = 1;\n// end::example[]\n";
        String guide = "<!-- snippet: X.java -->\n```java\nint x = 2;\n```\n";

        assertThat(snippetIn(guide, "X.java")).isNotEqualTo(taggedRegion(source));
        assertThat(snippetIn(guide.replace("2", "1"), "X.java")).isEqualTo(taggedRegion(source));
    }

    /** The lines strictly between {@code // tag::example[]} and {@code // end::example[]}. */
    static String taggedRegion(String source) {
        List<String> lines = source.lines().toList();
        int start = lines.indexOf("// tag::example[]");
        int end = lines.indexOf("// end::example[]");
        assertThat(start).as("tag::example[] marker").isNotNegative();
        assertThat(end).as("end::example[] marker").isGreaterThan(start);
        return String.join("\n", lines.subList(start + 1, end));
    }

    /** The body of the first {@code ```java} block after {@code <!-- snippet: NAME -->}. */
    static String snippetIn(String markdown, String name) {
        Matcher matcher = Pattern.compile("<!-- snippet: " + Pattern.quote(name) + " -->\\s*```java\\n(.*?)\\n```",
                Pattern.DOTALL).matcher(markdown);
        assertThat(matcher.find()).as("snippet marker for " + name).isTrue();
        return matcher.group(1);
    }
}
