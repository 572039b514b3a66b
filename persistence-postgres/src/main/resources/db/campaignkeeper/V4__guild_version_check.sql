-- One round trip per update: a process that knows a guild's committed state (its version) sends the
-- version check, the writes and the COMMIT in one message. campaign_keeper_bump locks the guild's
-- row, checks that it still has the version the process computed the writes from and bumps it; if
-- another process committed in between, it raises serialization_failure (40001), so the writes that
-- follow in the same message are never applied and the process runs the transaction again under the
-- lock on the state it then reads.
CREATE FUNCTION campaign_keeper_bump(guild text, expected bigint) RETURNS bigint
    LANGUAGE plpgsql AS $$
DECLARE
    bumped bigint;
BEGIN
    UPDATE guilds SET version = version + 1 WHERE guild_id = guild AND version = expected
        RETURNING version INTO bumped;
    IF bumped IS NULL THEN
        RAISE EXCEPTION 'guild % is no longer at version %', guild, expected USING ERRCODE = '40001';
    END IF;
    RETURN bumped;
END
$$;
