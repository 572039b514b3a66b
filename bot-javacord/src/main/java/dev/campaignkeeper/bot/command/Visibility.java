package dev.campaignkeeper.bot.command;

/** Who sees a reply. */
public enum Visibility {
    /** Only the user who ran the command. */
    EPHEMERAL,
    /** Everyone in the channel. */
    PUBLIC
}
