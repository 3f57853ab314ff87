-- returnsync PostgreSQL case store, schema version 2: every key includes the tenant, and ordered supplier sends
-- are indexed. Runs after version 1, in the store's schema (names are unqualified). Existing rows are kept.

-- 1. Carry the data. Before version 2 a case id was global, and a batch of another tenant could be appended into
--    a case; its rows carried that other tenant. They belong to the case they were appended to: every row of a case
--    takes the tenant of the case's first event, so each existing case stays whole (no gap in its versions) under
--    its owner. Links and outbox entries follow their case the same way; due rows already carry the owner.
UPDATE events e SET tenant = f.tenant
  FROM events f
 WHERE f.case_id = e.case_id AND f.version = 1 AND e.tenant <> f.tenant;
UPDATE number_links l SET tenant = f.tenant
  FROM events f
 WHERE f.case_id = l.case_id AND f.version = 1 AND l.tenant <> f.tenant;
UPDATE outbox o SET tenant = f.tenant
  FROM events f
 WHERE f.case_id = o.case_id AND f.version = 1 AND o.tenant <> f.tenant;
UPDATE due_cases d SET tenant = f.tenant
  FROM events f
 WHERE f.case_id = d.case_id AND f.version = 1 AND d.tenant <> f.tenant;

-- 2. A case is (tenant, case_id): the events' primary key, still the optimistic-concurrency guard.
ALTER TABLE events DROP CONSTRAINT events_pkey;
ALTER TABLE events ADD CONSTRAINT events_pkey PRIMARY KEY (tenant, case_id, version);

-- 3. A number is unique in its tenant: (tenant, uniqueness_key).
ALTER TABLE number_links DROP CONSTRAINT number_links_uniqueness_key;
ALTER TABLE number_links ADD CONSTRAINT number_links_uniqueness_key UNIQUE (tenant, uniqueness_key);
DROP INDEX number_links_case;
CREATE INDEX number_links_case ON number_links (tenant, case_id);

-- 4. One due row per case; findDue reads the due_at index.
ALTER TABLE due_cases DROP CONSTRAINT due_cases_pkey;
ALTER TABLE due_cases ADD CONSTRAINT due_cases_pkey PRIMARY KEY (tenant, case_id);
DROP INDEX due_cases_due_at;
CREATE INDEX due_cases_due_at ON due_cases (due_at, tenant, case_id);

-- 5. The outbox of a case; outbox ids stay unique store-wide.
DROP INDEX outbox_case;
CREATE INDEX outbox_case ON outbox (tenant, case_id, version);

-- 6. The unfinished ordered sends (Effect.isOrderedSend) of each case and target: a claim looks here for an earlier
--    send that must go first. The effect list must match the claim's (Effect.isOrderedSend), or it cannot use the index.
CREATE INDEX outbox_ordered_sends ON outbox (tenant, case_id, target, version)
 WHERE NOT parked AND effect IN ('REQUEST_RETURN', 'SHARE_TRACKING', 'CANCEL_AT_SUPPLIER');

INSERT INTO schema_version (version, script) VALUES (2, 'V2__tenant_scoped_keys.sql');
