package dev.campaignkeeper.core.usecase;

import dev.campaignkeeper.core.error.ConflictException;
import dev.campaignkeeper.core.error.InvalidInputException;
import dev.campaignkeeper.core.error.NotFoundException;
import dev.campaignkeeper.core.error.NotPermittedException;
import dev.campaignkeeper.core.error.ReasonCode;
import dev.campaignkeeper.core.model.Actor;
import dev.campaignkeeper.core.model.Campaign;
import dev.campaignkeeper.core.model.ChannelId;
import dev.campaignkeeper.core.model.ChannelKind;
import dev.campaignkeeper.core.model.GuildState;
import dev.campaignkeeper.core.model.Npc;
import dev.campaignkeeper.core.model.NpcId;
import dev.campaignkeeper.core.model.Place;
import dev.campaignkeeper.core.model.PlayerCharacter;
import dev.campaignkeeper.core.model.ProxyTag;
import dev.campaignkeeper.core.model.UserId;
import dev.campaignkeeper.core.rules.InputRules;
import java.text.Normalizer;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Shared lookups and permission rules of the use cases: the campaign of a channel, who counts as
 * its GM, and an NPC named by id or name.
 */
final class CampaignAccess {

    /** Message part naming everyone who counts as GM. */
    static final String GM_WHO = "the campaign's GM (or a co-GM holding its GM role, or a server admin)";

    private CampaignAccess() {
    }

    /**
     * The campaign of a channel.
     *
     * @throws NotFoundException if the channel has none
     */
    static Campaign requireCampaign(GuildState state, ChannelId channel) {
        return state.campaign(channel).orElseThrow(() -> new NotFoundException(ReasonCode.NO_CAMPAIGN_HERE, Map.of()));
    }

    /** Why a command cannot run in a channel of another kind. */
    static final String WRONG_KIND = "Campaign Keeper works in text channels, their threads, forum channels and "
            + "forum posts, not in this kind of channel.";

    /**
     * The campaign covering a place: a text or forum channel's own, or a thread's or forum post's
     * parent's.
     *
     * @throws InvalidInputException if no campaign can live in this kind of channel
     * @throws NotFoundException if there is none, saying where one would be started
     */
    static Campaign requireCampaign(GuildState state, Place place) {
        Objects.requireNonNull(place, "place");
        if (place.kind() == ChannelKind.OTHER) {
            throw new InvalidInputException(WRONG_KIND);
        }
        Optional<Campaign> found = state.campaign(place.campaignChannel());
        if (found.isPresent()) {
            return found.get();
        }
        throw switch (place.kind()) {
            case THREAD -> new NotFoundException(ReasonCode.NO_CAMPAIGN_IN_THREADS_CHANNEL, Map.of());
            case FORUM_POST, FORUM -> new NotFoundException(ReasonCode.NO_CAMPAIGN_IN_FORUM, Map.of());
            default -> new NotFoundException(ReasonCode.NO_CAMPAIGN_HERE, Map.of());
        };
    }

    /**
     * Refuses posting into a locked thread (an archived one is reopened by posting).
     *
     * @throws NotPermittedException if the thread is locked
     */
    static void requirePostable(Place place) {
        if (place.locked()) {
            throw new NotPermittedException("This thread is locked, so nothing can be posted in it. "
                    + "A moderator can unlock it; then post again.");
        }
    }

    /**
     * Who counts as GM: the campaign's GM user, any holder of its GM role (co-GMs), or a guild
     * administrator.
     */
    static boolean isGm(Actor actor, Campaign campaign) {
        return actor.administrator()
                || actor.user().equals(campaign.gm())
                || actor.holds(campaign.gmRole());
    }

    /**
     * Refuses unless the actor counts as GM.
     *
     * @param doing what the actor tried, completing "Only ... can ...", e.g. "create NPCs"
     * @throws NotPermittedException if the actor is not a GM
     */
    static void requireGm(Actor actor, Campaign campaign, String doing) {
        if (!isGm(actor, campaign)) {
            throw new NotPermittedException("Only " + GM_WHO + " can " + doing + ".");
        }
    }

    /**
     * The key NPC names are compared by: NFC, lower case.
     */
    static String nameKey(String name) {
        return Normalizer.normalize(name, Normalizer.Form.NFC).toLowerCase(Locale.ROOT);
    }

    /**
     * Finds an NPC of a campaign by its id or, failing that, by its name ignoring case.
     *
     * @param reference an NPC id or name, as typed
     * @throws NotFoundException if no NPC matches
     * @throws ConflictException if the name matches several NPCs (possible only in old data)
     */
    static Npc resolveNpc(GuildState state, ChannelId channel, String reference) {
        Objects.requireNonNull(reference, "npc");
        String raw = reference.strip();
        if (!raw.isEmpty()) {
            Optional<Npc> byId = idOf(raw).flatMap(id -> state.npc(channel, id));
            if (byId.isPresent()) {
                return byId.get();
            }
        }
        String key = nameKey(InputRules.clean(reference, false));
        List<Npc> byName = state.npcsIn(channel).stream()
                .filter(npc -> nameKey(npc.name()).equals(key))
                .toList();
        if (byName.size() > 1) {
            throw new ConflictException(ReasonCode.NPC_NAME_AMBIGUOUS, Map.of("name", byName.get(0).name(),
                    "first", byName.get(0).id().toString(), "second", byName.get(1).id().toString()));
        }
        if (byName.isEmpty()) {
            throw new NotFoundException(ReasonCode.NO_NPC_NAMED,
                    Map.of("name", shorten(InputRules.clean(reference, false))));
        }
        return byName.get(0);
    }

    /** Tells whether another NPC of the channel than {@code except} already has this name. */
    static Optional<Npc> sameName(GuildState state, ChannelId channel, String name, Optional<NpcId> except) {
        String key = nameKey(name);
        return state.npcsIn(channel).stream()
                .filter(npc -> except.map(id -> !id.equals(npc.id())).orElse(true))
                .filter(npc -> nameKey(npc.name()).equals(key))
                .findFirst();
    }

    /**
     * Refuses proxy tags that another character or NPC of the campaign already has (exactly: same
     * prefix and same suffix), so each tag of a campaign names one speaker.
     *
     * @param state the guild
     * @param channel the campaign's channel
     * @param tags the new tags
     * @param ownerCharacter the character whose tags these are (its own old tags do not count), if a character's
     * @param ownerNpc the NPC whose tags these are, if an NPC's
     * @throws ConflictException naming the first tag already taken and by whom
     */
    static void requireTagsFree(GuildState state, ChannelId channel, List<ProxyTag> tags,
                                Optional<UserId> ownerCharacter, Optional<NpcId> ownerNpc) {
        if (tags.isEmpty()) {
            return;
        }
        Map<ProxyTag, String> taken = tagOwners(state, channel, ownerCharacter, ownerNpc);
        for (ProxyTag tag : tags) {
            String owner = taken.get(tag);
            if (owner != null) {
                throw new ConflictException(ReasonCode.PROXY_TAG_TAKEN, Map.of("tag", tag.display(),
                        "name", shorten(owner)));
            }
        }
    }

    /**
     * Who has each proxy tag of a campaign, as {@code the character "Name"} or {@code the NPC "Name"}.
     *
     * @param state the guild
     * @param channel the campaign's channel
     * @param exceptCharacter a character whose tags are left out, if any
     * @param exceptNpc an NPC whose tags are left out, if any
     * @return each tag with its (first) owner, modifiable
     */
    static Map<ProxyTag, String> tagOwners(GuildState state, ChannelId channel, Optional<UserId> exceptCharacter,
                                           Optional<NpcId> exceptNpc) {
        Map<ProxyTag, String> taken = new HashMap<>();
        for (PlayerCharacter character : state.charactersIn(channel)) {
            if (exceptCharacter.map(user -> !user.equals(character.user())).orElse(true)) {
                character.proxyTags().forEach(tag -> taken.putIfAbsent(tag, "the character \"" + character.name()
                        + "\""));
            }
        }
        for (Npc npc : state.npcsIn(channel)) {
            if (exceptNpc.map(id -> !id.equals(npc.id())).orElse(true)) {
                npc.proxyTags().forEach(tag -> taken.putIfAbsent(tag, "the NPC \"" + npc.name() + "\""));
            }
        }
        return taken;
    }

    /** Quotes user text in a message without letting it flood the message. */
    static String shorten(String text) {
        int max = 80;
        return text.codePointCount(0, text.length()) <= max
                ? text
                : text.substring(0, text.offsetByCodePoints(0, max)) + "...";
    }

    private static Optional<NpcId> idOf(String raw) {
        try {
            return Optional.of(NpcId.of(raw));
        } catch (IllegalArgumentException notAnId) {
            return Optional.empty();
        }
    }
}
