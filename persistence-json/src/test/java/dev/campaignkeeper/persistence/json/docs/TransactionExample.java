package dev.campaignkeeper.persistence.json.docs;

import dev.campaignkeeper.core.error.NotFoundException;
import dev.campaignkeeper.core.model.Campaign;
import dev.campaignkeeper.core.model.ChannelId;
import dev.campaignkeeper.core.model.GuildId;
import dev.campaignkeeper.core.model.RecordChange;
import dev.campaignkeeper.core.port.CampaignStore;
import dev.campaignkeeper.core.port.Update;

/** The library guide's raw-transaction example. */
final class TransactionExample {

    private TransactionExample() {
    }

    static Campaign rename(CampaignStore store, GuildId guild, ChannelId channel) {
// tag::example[]
Campaign renamed = store.update(guild, current -> {
    Campaign campaign = current.campaign(channel)
            .orElseThrow(() -> new NotFoundException("There is no campaign in this channel."));
    Campaign next = new Campaign(campaign.guild(), campaign.channel(), "The Lost Mine of Phandelver",
            campaign.gm(), campaign.playerRole(), campaign.gmRole(), campaign.webhook(), campaign.players());
    return Update.of(next, new RecordChange.PutCampaign(next)); // the result, then the changes
});
// end::example[]
        return renamed;
    }
}
