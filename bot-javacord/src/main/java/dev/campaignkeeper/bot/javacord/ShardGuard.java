package dev.campaignkeeper.bot.javacord;

import java.util.Objects;
import java.util.Optional;
import org.javacord.api.DiscordApi;
import org.javacord.api.entity.server.Server;
import org.javacord.api.event.interaction.AutocompleteCreateEvent;
import org.javacord.api.event.interaction.MessageContextMenuCommandEvent;
import org.javacord.api.event.interaction.ModalSubmitEvent;
import org.javacord.api.event.interaction.SlashCommandCreateEvent;
import org.javacord.api.event.message.reaction.ReactionAddEvent;
import org.javacord.api.listener.interaction.AutocompleteCreateListener;
import org.javacord.api.listener.interaction.MessageContextMenuCommandListener;
import org.javacord.api.listener.interaction.ModalSubmitListener;
import org.javacord.api.listener.interaction.SlashCommandCreateListener;
import org.javacord.api.listener.message.reaction.ReactionAddListener;

/**
 * Passes an event to the interaction listener only if it arrived on the shard its guild belongs to
 * ({@code (guild_id >> 22) % total}); events outside a guild (direct messages) belong to shard 0.
 * Discord sends a guild's events only to its shard, so this changes nothing there; it makes sure a
 * guild's commands run in exactly one process even if an event reaches another shard.
 */
final class ShardGuard implements SlashCommandCreateListener, AutocompleteCreateListener, ModalSubmitListener,
        MessageContextMenuCommandListener, ReactionAddListener {

    private final InteractionListener delegate;

    ShardGuard(InteractionListener delegate) {
        this.delegate = Objects.requireNonNull(delegate, "delegate");
    }

    /**
     * Whether an event of this guild belongs to the shard it arrived on.
     *
     * @param api the shard's API
     * @param server the event's guild, empty outside one
     * @return whether to handle it
     */
    static boolean belongsHere(DiscordApi api, Optional<Server> server) {
        int shard = server.map(found -> ShardPlan.shardOf(found.getId(), api.getTotalShards())).orElse(0);
        return shard == api.getCurrentShard();
    }

    @Override
    public void onSlashCommandCreate(SlashCommandCreateEvent event) {
        if (belongsHere(event.getApi(), event.getInteraction().getServer())) {
            delegate.onSlashCommandCreate(event);
        }
    }

    @Override
    public void onAutocompleteCreate(AutocompleteCreateEvent event) {
        if (belongsHere(event.getApi(), event.getInteraction().getServer())) {
            delegate.onAutocompleteCreate(event);
        }
    }

    @Override
    public void onModalSubmit(ModalSubmitEvent event) {
        if (belongsHere(event.getApi(), event.getInteraction().getServer())) {
            delegate.onModalSubmit(event);
        }
    }

    @Override
    public void onMessageContextMenuCommand(MessageContextMenuCommandEvent event) {
        if (belongsHere(event.getApi(), event.getInteraction().getServer())) {
            delegate.onMessageContextMenuCommand(event);
        }
    }

    @Override
    public void onReactionAdd(ReactionAddEvent event) {
        if (belongsHere(event.getApi(), event.getServer())) {
            delegate.onReactionAdd(event);
        }
    }
}
