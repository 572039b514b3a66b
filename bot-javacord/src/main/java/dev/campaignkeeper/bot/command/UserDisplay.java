package dev.campaignkeeper.bot.command;

import dev.campaignkeeper.core.model.UserId;

/** How replies refer to a user: a Discord mention, or the console's name for them. */
@FunctionalInterface
public interface UserDisplay {

    /** Discord's mention syntax, {@code <@id>}; replies never ping, since mentions are disabled. */
    UserDisplay DISCORD_MENTION = user -> "<@" + user.value() + ">";

    /**
     * Refers to a user.
     *
     * @param user the user
     * @return how the reply shows them
     */
    String show(UserId user);
}
