package dev.campaignkeeper.core.model;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A campaign played in one channel of a guild.
 *
 * <p>Structural invariants only (non-null fields, no duplicate players). Content rules for new
 * input (name length and so on) live in {@link dev.campaignkeeper.core.rules.InputRules}, so data
 * written under older rules still loads.
 *
 * @param guild the guild
 * @param channel the channel the campaign is played in; one campaign per channel
 * @param name the campaign's name
 * @param gm the game master
 * @param playerRole the role given to players
 * @param gmRole the role given to the GM and co-GMs
 * @param webhook the channel webhook characters speak through, if one was created
 * @param players the players in the order they joined, without duplicates
 * @param settings the GM's switches for the campaign
 */
public record Campaign(
        GuildId guild,
        ChannelId channel,
        String name,
        UserId gm,
        RoleId playerRole,
        RoleId gmRole,
        Optional<WebhookId> webhook,
        List<UserId> players,
        CampaignSettings settings) {

    /**
     * Validates and copies the fields.
     *
     * @param guild the guild
     * @param channel the channel the campaign is played in; one campaign per channel
     * @param name the campaign's name
     * @param gm the game master
     * @param playerRole the role given to players
     * @param gmRole the role given to the GM and co-GMs
     * @param webhook the channel webhook characters speak through, if one was created
     * @param players the players in the order they joined, without duplicates
     * @param settings the GM's switches for the campaign
     */
    public Campaign {
        Objects.requireNonNull(guild, "guild");
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(gm, "gm");
        Objects.requireNonNull(playerRole, "playerRole");
        Objects.requireNonNull(gmRole, "gmRole");
        Objects.requireNonNull(webhook, "webhook");
        Objects.requireNonNull(settings, "settings");
        players = List.copyOf(players);
        if (new LinkedHashSet<>(players).size() != players.size()) {
            throw new IllegalArgumentException("campaign " + channel + " lists a player twice");
        }
    }

    /**
     * A campaign with the default settings (every switch off).
     *
     * @param guild the guild
     * @param channel the channel the campaign is played in; one campaign per channel
     * @param name the campaign's name
     * @param gm the game master
     * @param playerRole the role given to players
     * @param gmRole the role given to the GM and co-GMs
     * @param webhook the channel webhook characters speak through, if one was created
     * @param players the players in the order they joined, without duplicates
     */
    public Campaign(GuildId guild, ChannelId channel, String name, UserId gm, RoleId playerRole, RoleId gmRole,
                    Optional<WebhookId> webhook, List<UserId> players) {
        this(guild, channel, name, gm, playerRole, gmRole, webhook, players, CampaignSettings.DEFAULT);
    }

    /**
     * Tells whether a user is a player of this campaign.
     *
     * @param user the user
     * @return true if the user joined as a player
     */
    public boolean hasPlayer(UserId user) {
        return players.contains(user);
    }

    /**
     * Returns this campaign with a player added at the end.
     *
     * @param user the new player, not yet a player
     * @return the changed campaign
     */
    public Campaign withPlayer(UserId user) {
        List<UserId> changed = new ArrayList<>(players);
        changed.add(user);
        return new Campaign(guild, channel, name, gm, playerRole, gmRole, webhook, changed, settings);
    }

    /**
     * Returns this campaign without a player.
     *
     * @param user the player to remove
     * @return the changed campaign
     */
    public Campaign withoutPlayer(UserId user) {
        List<UserId> changed = new ArrayList<>(players);
        changed.remove(user);
        return new Campaign(guild, channel, name, gm, playerRole, gmRole, webhook, changed, settings);
    }

    /**
     * Returns this campaign with a new name.
     *
     * @param newName the name
     * @return the changed campaign
     */
    public Campaign withName(String newName) {
        return new Campaign(guild, channel, newName, gm, playerRole, gmRole, webhook, players, settings);
    }

    /**
     * Returns this campaign with another GM.
     *
     * @param newGm the new game master
     * @return the changed campaign
     */
    public Campaign withGm(UserId newGm) {
        return new Campaign(guild, channel, name, newGm, playerRole, gmRole, webhook, players, settings);
    }

    /**
     * Returns this campaign with another player role.
     *
     * @param newPlayerRole the role
     * @return the changed campaign
     */
    public Campaign withPlayerRole(RoleId newPlayerRole) {
        return new Campaign(guild, channel, name, gm, newPlayerRole, gmRole, webhook, players, settings);
    }

    /**
     * Returns this campaign with another webhook.
     *
     * @param newWebhook the webhook
     * @return the changed campaign
     */
    public Campaign withWebhook(WebhookId newWebhook) {
        return new Campaign(guild, channel, name, gm, playerRole, gmRole, Optional.of(newWebhook), players, settings);
    }

    /**
     * Returns this campaign with other settings.
     *
     * @param newSettings the settings
     * @return the changed campaign
     */
    public Campaign withSettings(CampaignSettings newSettings) {
        return new Campaign(guild, channel, name, gm, playerRole, gmRole, webhook, players, newSettings);
    }
}
