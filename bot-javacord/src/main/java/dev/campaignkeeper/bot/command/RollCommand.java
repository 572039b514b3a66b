package dev.campaignkeeper.bot.command;

import dev.campaignkeeper.core.usecase.RollService;
import dev.campaignkeeper.core.usecase.Rolled;
import java.util.Objects;

/**
 * {@code /roll expression:… [secret:true] [as:NPC]}: rolls through {@link RollService} and says
 * where the result went. Posted as a character or NPC, the roller gets a private confirmation;
 * otherwise the result is the bot's public reply; a secret roll's result is a private reply (the
 * GM has been sent a copy by direct message).
 */
final class RollCommand {

    private final RollService rolls;
    private final UserDisplay users;

    RollCommand(RollService rolls, UserDisplay users) {
        this.rolls = Objects.requireNonNull(rolls, "rolls");
        this.users = Objects.requireNonNull(users, "users");
    }

    Reply roll(CommandRequest r, CommandOptions options) {
        String roller = users.show(r.actor().user());
        Rolled rolled = rolls.roll(r.actor(), r.guild(), r.place(), options.requiredString("expression"),
                options.bool("secret").orElse(false), options.string(CommandCatalog.AS_OPTION), roller);
        String as = rolled.speaker().map(name -> " as **" + Markdown.escape(name) + "**").orElse("");
        return switch (rolled.delivery()) {
            case CHARACTER, NPC -> Reply.ephemeral("Rolled" + as + ".");
            case BOT -> Reply.visibleToAll(roller + " rolls:\n" + rolled.text());
            case SECRET -> Reply.ephemeral("Secret roll" + switch (rolled.gmCopy()) {
                case SENT -> as + ", seen only by you and the GM (sent a copy by direct message)";
                case ROLLER_IS_GM -> as + ", seen only by you";
                case NO_CAMPAIGN -> ", seen only by you (there is no campaign here, so no GM to send a copy to)";
                case FAILED -> as + ", seen only by you: the GM could not be sent a copy (they may not accept"
                        + " direct messages from this server's members)";
                case NOT_SECRET -> throw new IllegalStateException("a secret roll has a GM copy state");
            } + ":\n" + rolled.text());
        };
    }
}
