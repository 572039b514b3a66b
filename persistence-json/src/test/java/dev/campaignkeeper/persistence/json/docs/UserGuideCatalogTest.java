package dev.campaignkeeper.persistence.json.docs;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Keeps docs/user-guide.md in step with the bot's command catalog: every command and every option
 * description in {@code CommandCatalog.java} must appear in the guide. The catalog is read as text
 * (this module cannot depend on the bot), so the test also insists that it found the commands.
 */
class UserGuideCatalogTest {

    private static final Path CATALOG = Path.of("bot-javacord", "src", "main", "java", "dev", "campaignkeeper", "bot",
            "command", "CommandCatalog.java");

    @Test
    void everyCommandAndOptionOfTheCatalogIsInTheUserGuide() {
        String catalog = DocsFiles.read(DocsFiles.root().resolve(CATALOG));
        String guide = DocsFiles.read(DocsFiles.docs("user-guide.md"));

        List<String> commands = new ArrayList<>();
        Matcher sub = Pattern.compile("sub\\(\"([a-z]+)\", \"([a-z]+)\"").matcher(catalog);
        while (sub.find()) {
            commands.add("/" + sub.group(1) + " " + sub.group(2));
        }
        Matcher top = Pattern.compile("top\\(\"([a-z]+)\"").matcher(catalog);
        while (top.find()) {
            commands.add("/" + top.group(1));
        }
        Map<String, String> constants = new HashMap<>();
        Matcher constant = Pattern.compile("String ([A-Z_]+) = \"([^\"]+)\"").matcher(catalog);
        while (constant.find()) {
            constants.put(constant.group(1), constant.group(2));
        }
        List<String> options = new ArrayList<>();
        Matcher option = Pattern.compile("(?:required|optional)\\((\"[a-z]+\"|[A-Z_]+_OPTION), [A-Z]+, \"([^\"]+)\"\\)")
                .matcher(catalog);
        while (option.find()) {
            String name = option.group(1).startsWith("\"") ? option.group(1).replace("\"", "")
                    : constants.get(option.group(1));
            options.add("`" + name + "`: " + option.group(2));
        }
        List<String> messageCommands = new ArrayList<>();
        Matcher messageCommand = Pattern.compile("String [A-Z_]+_POST = \"([^\"]+)\"").matcher(catalog);
        while (messageCommand.find()) {
            messageCommands.add("**" + messageCommand.group(1) + "**");
        }

        assertThat(commands).as("commands found in " + CATALOG).hasSizeGreaterThanOrEqualTo(19);
        assertThat(options).as("options found in " + CATALOG).hasSizeGreaterThanOrEqualTo(20)
                .contains("`text`: What to say (leave out to write several lines in a form)");
        assertThat(messageCommands).as("message commands found in " + CATALOG).hasSize(2);
        assertThat(guide).as("docs/user-guide.md must show every message command").contains(messageCommands);
        assertThat(guide).as("docs/user-guide.md must show every command of the catalog")
                .contains(commands.stream().map(c -> "`" + c).toList());
        assertThat(guide).as("docs/user-guide.md must show every option with the catalog's description")
                .contains(options);
    }
}
