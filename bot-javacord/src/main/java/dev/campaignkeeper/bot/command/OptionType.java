package dev.campaignkeeper.bot.command;

/** The kinds of value a command option takes. */
public enum OptionType {
    /** Free text. */
    STRING,
    /** A member of the guild. */
    USER,
    /** True or false. */
    BOOLEAN,
    /** An uploaded file (an image). */
    ATTACHMENT,
    /** An uploaded data file (an export of another bot to import); an attachment on Discord, a path in the console. */
    FILE
}
