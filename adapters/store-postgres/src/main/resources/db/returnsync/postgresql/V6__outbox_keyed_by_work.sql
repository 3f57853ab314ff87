-- returnsync PostgreSQL case store, schema version 6: an outbox entry is keyed by its work (tenant, case, version,
-- effect, target), from which its id is derived, instead of by a stored id. The primary key, ordered (tenant, case_id,
-- target, version, effect), also serves what the index of the outbox by case and target served: outboxOf and
-- retryParked read it by its prefix (tenant, case_id), a claim's wait for an earlier ordered send by (tenant, case_id,
-- target) and a version range, lease, renew, complete and fail by the whole work. So an outbox entry writes two index
-- entries, not three, and no id. Runs after version 5, in the store's schema. Existing rows are kept, but for rows of
-- the same work under different ids (written before ids were derived from the work): of those, the row whose id is
-- the least in binary order is kept and the others are deleted.
DELETE FROM outbox o
 USING outbox k
 WHERE k.tenant = o.tenant AND k.case_id = o.case_id AND k.target = o.target AND k.version = o.version
   AND k.effect = o.effect AND k.id COLLATE "C" < o.id COLLATE "C";

DROP INDEX outbox_case_target;
DROP INDEX outbox_claimable;
ALTER TABLE outbox DROP CONSTRAINT outbox_pkey;
ALTER TABLE outbox DROP COLUMN id;
ALTER TABLE outbox ADD CONSTRAINT outbox_pkey PRIMARY KEY (tenant, case_id, target, version, effect);

-- The claimable entries in claim order: next attempt time, then the work (a deterministic order for equal times).
CREATE INDEX outbox_claimable ON outbox (next_attempt_at, tenant, case_id, target, version, effect) WHERE NOT parked;

INSERT INTO schema_version (version, script) VALUES (6, 'V6__outbox_keyed_by_work.sql');
