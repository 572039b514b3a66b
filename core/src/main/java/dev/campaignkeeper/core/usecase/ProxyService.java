package dev.campaignkeeper.core.usecase;

import dev.campaignkeeper.core.model.Actor;
import dev.campaignkeeper.core.model.Campaign;
import dev.campaignkeeper.core.model.ChannelId;
import dev.campaignkeeper.core.model.GuildId;
import dev.campaignkeeper.core.model.GuildState;
import dev.campaignkeeper.core.model.Npc;
import dev.campaignkeeper.core.model.PlayerCharacter;
import dev.campaignkeeper.core.port.CampaignStore;
import dev.campaignkeeper.core.rules.ProxyMatcher;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Decides whether an ordinary message in a campaign's channel (or one of its threads) is reposted as
 * a character or NPC: only when the campaign's GM switched proxy tags on, and only as the author's own
 * character or, for whoever counts as GM, the campaign's NPCs. The matching itself (escape, longest
 * tag, autoproxy) is {@link ProxyMatcher}'s. The adapter then deletes the original and posts the
 * decision's text through {@link SpeakService}.
 */
public final class ProxyService {

    private final CampaignStore store;

    /**
     * Creates the service.
     *
     * @param store the campaign store
     */
    public ProxyService(CampaignStore store) {
        this.store = Objects.requireNonNull(store, "store");
    }

    /**
     * What to repost, if anything.
     *
     * @param character the author's character to speak as, if the decision is a character
     * @param npc the NPC to speak as, if the decision is an NPC
     * @param text the text to post, exactly as written between the tags
     */
    public record Decision(Optional<PlayerCharacter> character, Optional<Npc> npc, String text) {

        /**
         * Validates the fields: exactly one speaker.
         *
         * @param character the author's character to speak as, if the decision is a character
         * @param npc the NPC to speak as, if the decision is an NPC
         * @param text the text to post
         */
        public Decision {
            Objects.requireNonNull(character, "character");
            Objects.requireNonNull(npc, "npc");
            Objects.requireNonNull(text, "text");
            if (character.isPresent() == npc.isPresent()) {
                throw new IllegalArgumentException("a proxy decision has exactly one speaker");
            }
        }
    }

    /**
     * Decides about one message.
     *
     * @param actor the message's author (never a bot or webhook: the adapter drops those first)
     * @param guild the guild
     * @param channel the campaign's channel (a thread's parent for a message in a thread)
     * @param text the message's text as sent
     * @param hasAttachments whether it carries files
     * @return what to post, or empty to leave the message alone
     */
    public Optional<Decision> decide(Actor actor, GuildId guild, ChannelId channel, String text,
                                     boolean hasAttachments) {
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(text, "text");
        GuildState state = store.guild(guild);
        Optional<Campaign> campaign = state.campaign(channel);
        if (campaign.isEmpty() || !campaign.get().settings().proxyTags()) {
            return Optional.empty();
        }
        List<ProxyMatcher.Candidate<Object>> candidates = new ArrayList<>();
        Optional<PlayerCharacter> own = state.character(channel, actor.user());
        own.ifPresent(character -> candidates.add(new ProxyMatcher.Candidate<>(character, character.proxyTags())));
        if (CampaignAccess.isGm(actor, campaign.get())) {
            for (Npc npc : state.npcsIn(channel)) {
                candidates.add(new ProxyMatcher.Candidate<>(npc, npc.proxyTags()));
            }
        }
        Optional<Object> autoproxy = own.filter(PlayerCharacter::autoproxy).map(character -> character);
        return ProxyMatcher.match(text, hasAttachments, candidates, autoproxy).map(match ->
                match.speaker() instanceof Npc npc
                        ? new Decision(Optional.empty(), Optional.of(npc), match.text())
                        : new Decision(Optional.of((PlayerCharacter) match.speaker()), Optional.empty(), match.text()));
    }
}
