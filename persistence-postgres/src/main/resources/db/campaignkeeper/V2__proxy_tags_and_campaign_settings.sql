-- Version 2: campaign settings (GM switches) and proxy tags of characters and NPCs.
-- Every new column has the default an older row means: switches off, no tags.
-- A character's or NPC's proxy tags are two arrays of equal length, position by position one tag's
-- prefix and suffix ('' for a missing part), in the order the owner gave them.

ALTER TABLE campaigns
    ADD COLUMN proxy_tags      boolean NOT NULL DEFAULT false,
    ADD COLUMN players_may_log boolean NOT NULL DEFAULT false;

ALTER TABLE characters
    ADD COLUMN proxy_prefixes text[]  NOT NULL DEFAULT '{}',
    ADD COLUMN proxy_suffixes text[]  NOT NULL DEFAULT '{}',
    ADD COLUMN autoproxy      boolean NOT NULL DEFAULT false,
    ADD CONSTRAINT characters_proxy_tags_paired
        CHECK (cardinality(proxy_prefixes) = cardinality(proxy_suffixes));

ALTER TABLE npcs
    ADD COLUMN proxy_prefixes text[] NOT NULL DEFAULT '{}',
    ADD COLUMN proxy_suffixes text[] NOT NULL DEFAULT '{}',
    ADD CONSTRAINT npcs_proxy_tags_paired
        CHECK (cardinality(proxy_prefixes) = cardinality(proxy_suffixes));
