-- returnsync MySQL / MariaDB case store, schema version 2: drops two indexes no statement needs, so that linking a
-- number and adding an outbox entry each write one index entry fewer. Runs after version 1, in the store's database.
-- Existing rows are kept. MySQL commits each DROP INDEX by itself, and has no DROP INDEX IF EXISTS: each drop runs
-- only while its index exists, so the file can run again after a failure halfway.

-- The links of a case: no statement of the store reads them by case (numbers are found by their key or their value).
SET @returnsync_drop = IF(EXISTS (SELECT 1 FROM information_schema.statistics WHERE table_schema = DATABASE()
    AND table_name = 'returnsync_number_links' AND index_name = 'returnsync_number_links_case'),
    'DROP INDEX returnsync_number_links_case ON returnsync_number_links', 'DO 0');
PREPARE returnsync_drop FROM @returnsync_drop;
EXECUTE returnsync_drop;
DEALLOCATE PREPARE returnsync_drop;

-- The outbox of a case: returnsync_outbox_ordered_sends (tenant, case_id, target, version) serves the same look-ups.
SET @returnsync_drop = IF(EXISTS (SELECT 1 FROM information_schema.statistics WHERE table_schema = DATABASE()
    AND table_name = 'returnsync_outbox' AND index_name = 'returnsync_outbox_case'),
    'DROP INDEX returnsync_outbox_case ON returnsync_outbox', 'DO 0');
PREPARE returnsync_drop FROM @returnsync_drop;
EXECUTE returnsync_drop;
DEALLOCATE PREPARE returnsync_drop;

INSERT INTO returnsync_schema_version (version, script) VALUES (2, 'V2__unread_indexes.sql');
