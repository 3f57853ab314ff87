-- returnsync PostgreSQL case store, schema version 7: an idempotency record is kept on the row of the first event
-- its command appended, instead of in a table of its own. The partial unique index events_idempotency on
-- (tenant, idempotency_key) is the key check the idempotency table's primary key was, and findIdempotency reads it.
-- So an append writes one row fewer (the record shares the first event's row) and opens one table fewer; the index
-- entries are as many as before. Runs after version 6, in the store's schema. Every record is carried onto the
-- event row of its case at its first version; a record that has no such row (never written by the store's appends)
-- stops the migration, which then changes nothing, rather than lose it.
ALTER TABLE events
    ADD COLUMN idempotency_key           varchar(64),
    ADD COLUMN idempotency_fingerprint   text,
    ADD COLUMN idempotency_first_version bigint,
    ADD COLUMN idempotency_last_version  bigint;

UPDATE events e
   SET idempotency_key = i.key, idempotency_fingerprint = i.fingerprint,
       idempotency_first_version = i.first_version, idempotency_last_version = i.last_version
  FROM idempotency i
 WHERE e.tenant = i.tenant AND e.case_id = i.case_id AND e.version = i.first_version;

DO $$ BEGIN
    IF EXISTS (SELECT 1 FROM idempotency i WHERE NOT EXISTS (SELECT 1 FROM events e
            WHERE e.tenant = i.tenant AND e.case_id = i.case_id AND e.version = i.first_version
              AND e.idempotency_key = i.key))
    THEN RAISE EXCEPTION 'returnsync schema version 7: an idempotency record has no event row of its own at its case and first version to be kept on'; END IF; END $$;

-- The key check, and findIdempotency's look-up: only the rows that carry a record have an entry.
CREATE UNIQUE INDEX events_idempotency ON events (tenant, idempotency_key) WHERE idempotency_key IS NOT NULL;

DROP TABLE idempotency;

INSERT INTO schema_version (version, script) VALUES (7, 'V7__idempotency_on_events.sql');
