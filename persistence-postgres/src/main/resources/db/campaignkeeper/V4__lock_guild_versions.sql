-- Version 4: one call that locks a batch of guilds, checks that each is still at the version the
-- writing process read it at, and bumps it; it fails with serialization_failure (40001) if any guild
-- moved on (or, for a guild read as never written, was created meanwhile), so a process can run its
-- transactions on its cached state and send the check, the writes and the COMMIT in one round trip.
-- Callers pass the ids sorted, so two batches with guilds in common lock them in the same order and
-- cannot deadlock; each guild is one primary-key lookup.
CREATE FUNCTION lock_guild_versions(ids text[], expected bigint[]) RETURNS void
LANGUAGE plpgsql AS $$
DECLARE
    found integer;
BEGIN
    FOR i IN 1 .. cardinality(ids) LOOP
        IF expected[i] = 0 THEN
            INSERT INTO guilds (guild_id, version) VALUES (ids[i], 1) ON CONFLICT (guild_id) DO NOTHING;
        ELSE
            UPDATE guilds SET version = version + 1 WHERE guild_id = ids[i] AND version = expected[i];
        END IF;
        GET DIAGNOSTICS found = ROW_COUNT;
        IF found = 0 THEN
            RAISE EXCEPTION 'guild % was changed by another process since this one read it', ids[i]
                USING ERRCODE = 'serialization_failure';
        END IF;
    END LOOP;
END
$$;
