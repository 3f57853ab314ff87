-- returnsync PostgreSQL case store, schema version 3: numbers found by their value alone, whatever their scope (a
-- tracking number typed without its carrier). Runs after version 2, in the store's schema.
CREATE INDEX number_links_value ON number_links (tenant, value);

INSERT INTO schema_version (version, script) VALUES (3, 'V3__number_values.sql');
