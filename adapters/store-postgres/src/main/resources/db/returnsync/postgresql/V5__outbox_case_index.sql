-- returnsync PostgreSQL case store, schema version 5: one index of the outbox by case and target instead of two
-- (the outbox of a case by version, and the partial index of its unfinished ordered sends), so that an outbox entry
-- writes three index entries, never four. outboxOf and retryParked read it by its prefix (tenant, case_id); a claim's
-- wait for an earlier ordered send reads it by (tenant, case_id, target, version) and filters the few entries of one
-- case and target. Runs after version 4, in the store's schema. Existing rows are kept.
CREATE INDEX outbox_case_target ON outbox (tenant, case_id, target, version);
DROP INDEX outbox_case;
DROP INDEX outbox_ordered_sends;

INSERT INTO schema_version (version, script) VALUES (5, 'V5__outbox_case_index.sql');
