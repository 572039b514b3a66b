package dev.campaignkeeper.bot.command;

import dev.campaignkeeper.core.model.CampaignExport;

/** Writes a campaign export as a document to attach; the bot uses the JSON store's export format. */
@FunctionalInterface
public interface ExportFormat {

    /**
     * Writes an export.
     *
     * @param export the campaign's copy
     * @return the document's text
     */
    String write(CampaignExport export);
}
