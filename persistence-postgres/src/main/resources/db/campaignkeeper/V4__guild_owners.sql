-- A guild's rows are owned by the process that last took the guild under its row lock (owner: that
-- store's random token). While it owns the guild, its commits check ownership with a read instead of
-- writing the guilds row each time; another process takes a guild over under the row lock and the
-- owner's advisory lock (see PostgresCampaignStore). epoch is bumped by every transaction that takes
-- the row lock, so a cached state is trusted only at the epoch it was read or written at.
--
-- version is renamed, not kept: a process of an earlier release still running against this schema
-- would trust its cache on a version that owners no longer bump, so its writes must fail (undefined
-- column) rather than lose an update. Upgrade every process together.
ALTER TABLE guilds RENAME COLUMN version TO epoch;
ALTER TABLE guilds ADD COLUMN owner bigint;
