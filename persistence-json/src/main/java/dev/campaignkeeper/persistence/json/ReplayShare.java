package dev.campaignkeeper.persistence.json;

import dev.campaignkeeper.core.model.Campaign;
import dev.campaignkeeper.core.model.GuildState;
import dev.campaignkeeper.core.model.Npc;
import dev.campaignkeeper.core.model.PlayerCharacter;
import dev.campaignkeeper.core.model.RecordChange;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Makes replayed records share the objects of the records they replace: a journal line is decoded
 * on its own, so a replayed character edit would otherwise bring its own copy of every id, name
 * and avatar URL the snapshot already holds. The result is equal to the input, change by change.
 */
final class ReplayShare {

    private ReplayShare() {
    }

    /**
     * The changes with each put's unchanged fields taken from the record it replaces in {@code base}.
     *
     * @param base the state the changes are applied to
     * @param changes the changes, in order
     * @return equal changes sharing what they can with {@code base}
     */
    static List<RecordChange> share(GuildState base, List<RecordChange> changes) {
        List<RecordChange> shared = new ArrayList<>(changes.size());
        for (RecordChange change : changes) {
            shared.add(share(base, change));
        }
        return shared;
    }

    private static RecordChange share(GuildState base, RecordChange change) {
        if (change instanceof RecordChange.PutCharacter put) {
            PlayerCharacter c = put.character();
            PlayerCharacter old = base.character(c.channel(), c.user()).orElse(null);
            if (old == null) {
                return change;
            }
            return new RecordChange.PutCharacter(new PlayerCharacter(old.guild(), old.user(), old.channel(),
                    pick(c.name(), old.name()), pick(c.avatarUrl(), old.avatarUrl()),
                    pick(c.description(), old.description()), pick(c.proxyTags(), old.proxyTags()), c.autoproxy()));
        }
        if (change instanceof RecordChange.PutNpc put) {
            Npc n = put.npc();
            Npc old = base.npc(n.channel(), n.id()).orElse(null);
            if (old == null) {
                return change;
            }
            return new RecordChange.PutNpc(new Npc(old.guild(), old.channel(), old.id(), pick(n.name(), old.name()),
                    pick(n.avatarUrl(), old.avatarUrl()), pick(n.creator(), old.creator()),
                    pick(n.proxyTags(), old.proxyTags())));
        }
        if (change instanceof RecordChange.PutCampaign put) {
            Campaign c = put.campaign();
            Campaign old = base.campaign(c.channel()).orElse(null);
            if (old == null) {
                return change;
            }
            return new RecordChange.PutCampaign(new Campaign(old.guild(), old.channel(), pick(c.name(), old.name()),
                    pick(c.gm(), old.gm()), pick(c.playerRole(), old.playerRole()), pick(c.gmRole(), old.gmRole()),
                    pick(c.webhook(), old.webhook()), pick(c.players(), old.players()),
                    pick(c.settings(), old.settings())));
        }
        return change;
    }

    /** The old object when it equals the new one, so the new copy can be collected. */
    private static <T> T pick(T fresh, T old) {
        return Objects.equals(fresh, old) ? old : fresh;
    }
}
