-- returnsync PostgreSQL case store, schema version 4: drops the index on the links of a case, which no statement of
-- the store reads (numbers are found by their key or their value), so that linking a number writes one index entry
-- fewer. Runs after version 3, in the store's schema. Existing rows are kept.
DROP INDEX number_links_case;

INSERT INTO schema_version (version, script) VALUES (4, 'V4__unread_index.sql');
