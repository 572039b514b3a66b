package dev.campaignkeeper.bot.command;

import dev.campaignkeeper.core.error.InvalidInputException;
import dev.campaignkeeper.core.imports.ImportedCharacter;
import dev.campaignkeeper.core.imports.ImportedFile;
import dev.campaignkeeper.core.model.Npc;
import dev.campaignkeeper.core.model.PlayerCharacter;
import dev.campaignkeeper.core.port.Upload;
import dev.campaignkeeper.core.rules.InputRules;
import dev.campaignkeeper.core.usecase.CharacterImports;
import dev.campaignkeeper.core.usecase.ImportOutcome;
import dev.campaignkeeper.imports.CharacterFiles;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * {@code /character import file:… [name:…]} and {@code /npc import file:… [name:…]}: reads the
 * attached export file ({@link CharacterFiles}) and imports it through {@link CharacterImports},
 * then says what was imported and what was left out.
 *
 * <p>A file with several entries is remembered for the user in the campaign channel
 * ({@link RecentImportFiles}), so that {@code name:} autocompletes its entries when the command is
 * typed again: Discord does not promise to hand the bot an attached file during autocomplete, and
 * the three seconds an autocomplete answer may take are too little to download and read one. A
 * file with several entries and no {@code name:} gets a reply listing them.
 */
final class ImportCommands {

    /** Most names listed in one reply. */
    private static final int MAX_LISTED = 25;

    private final CharacterImports imports;
    private final RecentImportFiles recent;

    ImportCommands(CharacterImports imports, RecentImportFiles recent) {
        this.imports = Objects.requireNonNull(imports, "imports");
        this.recent = Objects.requireNonNull(recent, "recent");
    }

    Reply character(CommandRequest r, CommandOptions options) {
        ImportedFile file = read(r, options);
        Optional<String> name = options.string("name").filter(value -> !value.isBlank());
        if (name.isEmpty() && file.entries().size() > 1) {
            return Reply.error("Your " + file.format() + " file has " + file.entries().size() + " characters: "
                    + names(file.entries()) + ".\nRun `/character import` again with the same file and `name:` set to"
                    + " the one to import: the `name` option now suggests them as you type (for the next "
                    + RecentImportFiles.LIFETIME.toMinutes() + " minutes).");
        }
        ImportOutcome<PlayerCharacter> outcome = imports.importCharacter(r.actor(), r.guild(), r.channel(), file, name);
        PlayerCharacter character = outcome.imported();
        String tags = character.proxyTags().isEmpty() ? "" : " Proxy tags: " + character.proxyTags().stream()
                .map(tag -> "`" + tag.display() + "`").collect(java.util.stream.Collectors.joining(", ")) + ".";
        return Reply.ephemeral("Imported **" + Markdown.escape(character.name()) + "** from your "
                + file.format() + " file as your character in this campaign. Speak as them with `/say`." + tags
                + notes(outcome));
    }

    Reply npcs(CommandRequest r, CommandOptions options) {
        ImportedFile file = read(r, options);
        Optional<String> name = options.string("name").filter(value -> !value.isBlank());
        ImportOutcome<List<Npc>> outcome = imports.importNpcs(r.actor(), r.guild(), r.channel(), file, name);
        List<Npc> npcs = outcome.imported();
        StringBuilder text = new StringBuilder("Imported ").append(npcs.size() == 1 ? "the NPC " : npcs.size() + " NPCs ");
        for (int i = 0; i < Math.min(npcs.size(), MAX_LISTED); i++) {
            text.append(i == 0 ? "" : ", ").append("**").append(Markdown.escape(npcs.get(i).name())).append("**");
        }
        if (npcs.size() > MAX_LISTED) {
            text.append(" and ").append(npcs.size() - MAX_LISTED).append(" more");
        }
        text.append(" from the ").append(file.format()).append(" file. Speak as them with `/npc say`.");
        return Reply.ephemeral(text + notes(outcome));
    }

    /**
     * Reads the attached file; one with several entries is remembered for the user in the campaign
     * channel, so that {@code name:} suggests them next time.
     */
    private ImportedFile read(CommandRequest r, CommandOptions options) {
        Upload upload = options.upload(CommandCatalog.FILE_OPTION).orElseThrow(() -> new InvalidInputException(
                "Attach the export file: tuppers.json from Tupperbox or system.json from PluralKit."));
        ImportedFile file = CharacterFiles.parse(upload.fileName(), upload.content());
        if (file.entries().size() > 1) {
            recent.remember(r.guild(), r.channel(), r.actor().user(), new AttachedFile(upload.fileName(),
                    upload.size()), file);
        }
        return file;
    }

    private static String names(List<ImportedCharacter> entries) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < Math.min(entries.size(), MAX_LISTED); i++) {
            text.append(i == 0 ? "" : ", ").append("**")
                    .append(Markdown.escape(InputRules.clean(entries.get(i).name(), false))).append("**");
        }
        if (entries.size() > MAX_LISTED) {
            text.append(" and ").append(entries.size() - MAX_LISTED).append(" more");
        }
        return text.toString();
    }

    private static String notes(ImportOutcome<?> outcome) {
        StringBuilder text = new StringBuilder();
        for (String note : outcome.notes()) {
            text.append("\n- ").append(note);
        }
        return text.toString();
    }
}
