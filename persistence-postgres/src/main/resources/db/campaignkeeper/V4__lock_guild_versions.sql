-- Version 4: one call that locks a batch of guilds, checks that each is still at the version the
-- writing process read it at, and bumps it; it fails with serialization_failure (40001) if any guild
-- moved on (or, for a guild read as never written, was created meanwhile), so a process can run its
-- transactions on its cached state and send the check, the writes and the COMMIT in one round trip.
CREATE FUNCTION lock_guild_versions(ids text[], expected bigint[]) RETURNS void
LANGUAGE plpgsql AS $$
DECLARE
    bumped  integer;
    created integer;
BEGIN
    -- existing rows are locked in id order, so overlapping batches of two processes cannot deadlock
    PERFORM 1 FROM guilds WHERE guild_id = ANY (ids) ORDER BY guild_id FOR UPDATE;
    UPDATE guilds g SET version = g.version + 1
      FROM unnest(ids, expected) AS t(id, v)
     WHERE g.guild_id = t.id AND t.v > 0 AND g.version = t.v;
    GET DIAGNOSTICS bumped = ROW_COUNT;
    INSERT INTO guilds (guild_id, version)
      SELECT t.id, 1 FROM unnest(ids, expected) AS t(id, v) WHERE t.v = 0 ORDER BY t.id
      ON CONFLICT (guild_id) DO NOTHING;
    GET DIAGNOSTICS created = ROW_COUNT;
    IF bumped + created <> cardinality(ids) THEN
        RAISE EXCEPTION 'a guild was changed by another process since this one read it'
            USING ERRCODE = 'serialization_failure';
    END IF;
END
$$;
