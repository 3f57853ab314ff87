-- returnsync MySQL / MariaDB case store, schema version 3: an outbox entry is keyed by its work (tenant, case,
-- version, effect, target), from which its id is derived, instead of by a stored id. The primary key, ordered
-- (tenant, case_id, target, version, effect), also serves what returnsync_outbox_ordered_sends served: outboxOf and
-- retryParked read it by its prefix (tenant, case_id), a claim's wait for an earlier ordered send by (tenant, case_id,
-- target) and a version range, lease, renew, complete and fail by the whole work. So an outbox entry writes two index
-- entries, not three, and no id. Runs after version 2, in the store's database. Existing rows are kept, but for rows
-- of the same work under different ids (written before ids were derived from the work): of those, the row whose id
-- is the least (binary collation) is kept and the others are deleted.
-- MySQL commits each statement by itself: both run only while the id column exists, so the file can run again after
-- a failure halfway; the table is changed in one ALTER TABLE, which InnoDB applies whole or not at all.

SET @returnsync_has_id = EXISTS (SELECT 1 FROM information_schema.columns WHERE table_schema = DATABASE()
    AND table_name = 'returnsync_outbox' AND column_name = 'id');

SET @returnsync_step = IF(@returnsync_has_id,
    'DELETE o FROM returnsync_outbox o JOIN returnsync_outbox k ON k.tenant = o.tenant AND k.case_id = o.case_id
     AND k.target = o.target AND k.version = o.version AND k.effect = o.effect AND k.id < o.id', 'DO 0');
PREPARE returnsync_step FROM @returnsync_step;
EXECUTE returnsync_step;
DEALLOCATE PREPARE returnsync_step;

-- The claimable entries in claim order: parked or not, next attempt time, then the work (a deterministic order).
SET @returnsync_step = IF(@returnsync_has_id,
    'ALTER TABLE returnsync_outbox DROP PRIMARY KEY, DROP COLUMN id,
     ADD CONSTRAINT returnsync_outbox_pkey PRIMARY KEY (tenant, case_id, target, version, effect),
     DROP INDEX returnsync_outbox_ordered_sends, DROP INDEX returnsync_outbox_claimable,
     ADD INDEX returnsync_outbox_claimable (parked, next_attempt_at, tenant, case_id, target, version, effect)', 'DO 0');
PREPARE returnsync_step FROM @returnsync_step;
EXECUTE returnsync_step;
DEALLOCATE PREPARE returnsync_step;

INSERT INTO returnsync_schema_version (version, script) VALUES (3, 'V3__outbox_keyed_by_work.sql');
