package dev.campaignkeeper.bot;

import com.google.inject.AbstractModule;
import com.google.inject.Singleton;
import dev.campaignkeeper.bot.command.CommandHandlers;
import dev.campaignkeeper.bot.command.ExportFormat;
import java.util.Objects;

/** Binds the platform-neutral command handlers and the export format they attach. */
public final class CommandModule extends AbstractModule {

    private final ExportFormat exportFormat;

    /**
     * Creates the module.
     *
     * @param exportFormat writes campaign exports (the JSON store's export document)
     */
    public CommandModule(ExportFormat exportFormat) {
        this.exportFormat = Objects.requireNonNull(exportFormat, "exportFormat");
    }

    @Override
    protected void configure() {
        bind(ExportFormat.class).toInstance(exportFormat);
        bind(CommandHandlers.class).in(Singleton.class);
    }
}
