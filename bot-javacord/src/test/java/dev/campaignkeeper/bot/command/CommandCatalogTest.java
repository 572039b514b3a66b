package dev.campaignkeeper.bot.command;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class CommandCatalogTest {

    @Test
    void theIssuesCommandsAreAllThere() {
        assertThat(CommandCatalog.commands()).containsOnlyKeys("campaign", "character", "say", "npc", "roll");
        assertThat(CommandCatalog.specs()).extracting(CommandSpec::path).containsExactly(
                "campaign create", "campaign join", "campaign leave", "campaign info", "campaign kick",
                "campaign transfer", "campaign rename", "campaign end", "campaign export", "campaign settings", "campaign log",
                "character create", "character edit", "character autoproxy", "character show", "character import",
                "character delete",
                "say",
                "npc create", "npc edit", "npc delete", "npc import", "npc list", "npc say",
                "roll");
    }

    @Test
    void theNpcOptionsAndTheImportNameOptionsAutocomplete() {
        List<String> autocompleted = CommandCatalog.specs().stream()
                .flatMap(spec -> spec.options().stream().filter(OptionSpec::autocomplete)
                        .map(option -> spec.path() + " " + option.name()))
                .toList();

        assertThat(autocompleted).containsExactly("character import name", "npc edit npc", "npc delete npc",
                "npc import name", "npc say npc", "roll as");
        assertThat(CommandCatalog.AS_OPTION).isEqualTo("as");
        assertThat(CommandCatalog.IMPORT_NAME_OPTION).isEqualTo("name");
    }

    @Test
    void createJoinAndEndArePublicAndSlowCommandsAreDeferred() {
        assertThat(CommandCatalog.specs().stream().filter(spec -> spec.successVisibility() == Visibility.PUBLIC))
                .extracting(CommandSpec::path).containsExactly("campaign create", "campaign join", "campaign end", "roll");
        assertThat(CommandCatalog.specs().stream().filter(CommandSpec::deferred)).extracting(CommandSpec::path)
                .contains("campaign create", "campaign join", "campaign end", "campaign export", "say", "npc say", "roll");
    }

    @Test
    void usageShowsRequiredAndOptionalOptions() {
        assertThat(CommandCatalog.find("character create").orElseThrow().usage())
                .isEqualTo("/character create name:<text> [avatar:<text>] [description:<text>] [avatar_file:<file>]");
        assertThat(CommandCatalog.find("campaign end").orElseThrow().usage())
                .isEqualTo("/campaign end confirm:<true|false>");
        assertThat(CommandCatalog.find("nope")).isEmpty();
    }

    @Test
    void specsFollowDiscordsRules() {
        assertThatThrownBy(() -> OptionSpec.required("Name", OptionType.STRING, "upper case"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> OptionSpec.required("name", OptionType.STRING, "x".repeat(101)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new CommandSpec("say", Optional.empty(), "Speak", List.of(
                OptionSpec.optional("avatar", OptionType.STRING, "optional first"),
                OptionSpec.required("text", OptionType.STRING, "then required")), false, Visibility.EPHEMERAL))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> OptionSpec.required("user", OptionType.USER, "who").autocompleted())
                .isInstanceOf(IllegalArgumentException.class);
    }
}
