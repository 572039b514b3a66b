-- Campaign Keeper's PostgreSQL schema, version 1. Snowflakes (guild, channel, user, role, webhook and
-- message ids) are text holding the decimal digits exactly as the JSON files keep them.
-- Order columns (seq, user_seq, channel_seq, position) keep the order the seed's JSON files list
-- records in, so a database exported back to a data directory lists them as before.

CREATE SEQUENCE record_seq;

-- One row per guild that was ever written: its row lock serialises the guild's transactions across
-- processes, and version (bumped by every committed change) lets a process trust its cache.
CREATE TABLE guilds (
    guild_id text PRIMARY KEY,
    version  bigint NOT NULL
);

CREATE TABLE campaigns (
    guild_id       text   NOT NULL REFERENCES guilds (guild_id),
    channel_id     text   NOT NULL,
    seq            bigint NOT NULL,
    name           text   NOT NULL,
    gm_id          text   NOT NULL,
    player_role_id text   NOT NULL,
    gm_role_id     text   NOT NULL,
    webhook_id     text,
    PRIMARY KEY (guild_id, channel_id)
);

CREATE TABLE campaign_players (
    guild_id   text    NOT NULL,
    channel_id text    NOT NULL,
    position   integer NOT NULL,
    user_id    text    NOT NULL,
    PRIMARY KEY (guild_id, channel_id, position),
    UNIQUE (guild_id, channel_id, user_id),
    FOREIGN KEY (guild_id, channel_id) REFERENCES campaigns (guild_id, channel_id) ON DELETE CASCADE
);

-- Characters and NPCs do not reference campaigns: removing a campaign record is a change of its own,
-- as in the JSON store.
CREATE TABLE characters (
    guild_id    text   NOT NULL REFERENCES guilds (guild_id),
    user_id     text   NOT NULL,
    channel_id  text   NOT NULL,
    user_seq    bigint NOT NULL,
    seq         bigint NOT NULL,
    name        text   NOT NULL,
    avatar_url  text,
    description text   NOT NULL,
    PRIMARY KEY (guild_id, user_id, channel_id)
);

CREATE TABLE npcs (
    guild_id    text   NOT NULL REFERENCES guilds (guild_id),
    channel_id  text   NOT NULL,
    npc_id      text   NOT NULL,
    channel_seq bigint NOT NULL,
    seq         bigint NOT NULL,
    name        text   NOT NULL,
    avatar_url  text,
    creator_id  text   NOT NULL,
    PRIMARY KEY (guild_id, channel_id, npc_id)
);

-- The post log: one row per post the bot made as a character or NPC, its messages in post_messages.
CREATE SEQUENCE post_seq;

CREATE TABLE posts (
    guild_id          text    NOT NULL,
    post_id           text    NOT NULL,
    seq               bigint  NOT NULL,
    campaign_id       text    NOT NULL,
    webhook_id        text    NOT NULL,
    thread_id         text,
    author_id         text    NOT NULL,
    npc_id            text,
    speaker           text    NOT NULL,
    posted_at_seconds bigint  NOT NULL,
    posted_at_nanos   integer NOT NULL,
    body              text    NOT NULL,
    PRIMARY KEY (guild_id, post_id)
);

CREATE INDEX posts_by_campaign ON posts (guild_id, campaign_id, seq);
CREATE INDEX posts_by_author ON posts (guild_id, campaign_id, author_id, seq);

CREATE TABLE post_messages (
    guild_id   text    NOT NULL,
    message_id text    NOT NULL,
    post_id    text    NOT NULL,
    position   integer NOT NULL,
    PRIMARY KEY (guild_id, message_id),
    FOREIGN KEY (guild_id, post_id) REFERENCES posts (guild_id, post_id) ON DELETE CASCADE
);

CREATE INDEX post_messages_by_post ON post_messages (guild_id, post_id);
