package dev.campaignkeeper.bot.e2e;

/** The Discord REST endpoints the fake understands; used to classify recorded calls and to inject faults. */
public enum Endpoint {
    GET_GATEWAY,
    GET_GATEWAY_BOT,
    GET_APPLICATION_INFO,
    GET_CURRENT_USER,
    GET_USER,
    GET_MEMBER,
    GET_GLOBAL_COMMANDS,
    OVERWRITE_GLOBAL_COMMANDS,
    GET_GUILD_COMMANDS,
    OVERWRITE_GUILD_COMMANDS,
    INTERACTION_CALLBACK,
    EDIT_ORIGINAL_RESPONSE,
    DELETE_ORIGINAL_RESPONSE,
    FOLLOWUP_MESSAGE,
    CREATE_ROLE,
    MODIFY_ROLE,
    DELETE_ROLE,
    ADD_MEMBER_ROLE,
    REMOVE_MEMBER_ROLE,
    CREATE_WEBHOOK,
    LIST_CHANNEL_WEBHOOKS,
    LIST_GUILD_WEBHOOKS,
    GET_WEBHOOK,
    MODIFY_WEBHOOK,
    DELETE_WEBHOOK,
    EXECUTE_WEBHOOK,
    EDIT_WEBHOOK_MESSAGE,
    /** A file attached to an interaction, fetched from Discord's CDN. */
    CDN_ATTACHMENT,
    DELETE_WEBHOOK_MESSAGE,
    /** {@code POST /users/@me/channels}: open (or reuse) the DM channel with a user. */
    OPEN_DM_CHANNEL,
    /** {@code POST /channels/{id}/messages}; the fake implements it for DM channels only. */
    CREATE_MESSAGE,
    /** {@code GET /channels/{c}/messages/{m}}: read one message. */
    GET_CHANNEL_MESSAGE,
    /** {@code DELETE /channels/{c}/messages/{m}}: delete a member's message (Manage Messages). */
    DELETE_CHANNEL_MESSAGE,
    /** {@code POST /attachments/refresh-urls}: sign attachment links anew. */
    REFRESH_ATTACHMENT_URLS,
    /** Anything the fake does not implement; answered with 404 and listed by {@code unhandledCalls()}. */
    UNHANDLED
}
