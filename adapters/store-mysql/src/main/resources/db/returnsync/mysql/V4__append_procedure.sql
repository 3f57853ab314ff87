-- returnsync MySQL / MariaDB case store, schema version 4: an append is one call of the procedure returnsync_append,
-- which writes the whole batch in one transaction. The server parses its statements once per connection and answers
-- the call with one result, where a script of the same statements was parsed anew on every append and answered with
-- a result per statement. Runs after version 3, in the store's database; no table changes.
-- The procedure is dropped first, so the file can run again after a failure halfway. It runs with the rights of the
-- caller (SQL SECURITY INVOKER), the store's user, not with those of the user that ran this file.
-- Inside the body a semicolon opens the line of the statement it ends: a migration runner may end a statement of
-- the file at a semicolon that ends a line.
--
-- The guards, as before: the first event's version is null, which its column refuses, unless the case has the
-- expected version (or none is expected): its event is found by the read before, by the primary key; a later event
-- that exists fails on the primary key; a link that exists for another case of the tenant is updated to a null case
-- id, which the column refuses; a repeated idempotency key fails on its primary key. Any error rolls the
-- transaction back and is raised again, with its own code, to the caller.
-- Parameters: the case (p_tenant, p_case_id) and the version the batch expects (0: a new case); the idempotency
-- record (p_key null: none); the first event; the later events as a JSON array of [type, at, payload] or null; the
-- links as a JSON array of [uniqueness_key, kind, scope, value, leg, superseded] or null; the next due time (null:
-- the case has none); the outbox entries as a JSON array of [version, effect, target, attempts, next_attempt_at,
-- last_error, parked, lease_owner, lease_until] or null. Times are UTC, 'YYYY-MM-DD hh:mm:ss.ffffff' in JSON.
-- Text parameters are wider than their columns: the columns' strict checks refuse a value too long. Every text
-- parameter and JSON_TABLE string column is declared utf8mb4 with utf8mb4_bin, as the columns are: undeclared, it would
-- take the database's default character set (latin1 or utf8mb3 on many servers), which cannot hold every character,
-- and compare with the columns in another collation (the store checks the parameters' collation at start). JSON_TABLE gives
-- the rows in the array's order, which is the order they are written in (the store sorts links and outbox entries,
-- so that concurrent appends lock them in one order).

DROP PROCEDURE IF EXISTS returnsync_append;

-- A procedure runs under the sql_mode it was created under, not the caller's: it is created strict, whatever the
-- session's mode, which is put back after (the store checks the procedure's mode at start). When the creation fails,
-- the line that puts it back is not reached: the store's own runner puts the mode back itself; after another tool's
-- failed run, close its connection or set the mode back.
SET @returnsync_sql_mode = @@SESSION.sql_mode;
SET SESSION sql_mode = 'STRICT_ALL_TABLES,NO_ENGINE_SUBSTITUTION';

CREATE PROCEDURE returnsync_append(
    IN p_tenant TEXT CHARACTER SET utf8mb4 COLLATE utf8mb4_bin,
    IN p_case_id TEXT CHARACTER SET utf8mb4 COLLATE utf8mb4_bin,
    IN p_expected BIGINT,
    IN p_key TEXT CHARACTER SET utf8mb4 COLLATE utf8mb4_bin,
    IN p_fingerprint TEXT CHARACTER SET utf8mb4 COLLATE utf8mb4_bin,
    IN p_first_version BIGINT, IN p_last_version BIGINT,
    IN p_type TEXT CHARACTER SET utf8mb4 COLLATE utf8mb4_bin,
    IN p_at DATETIME(6),
    IN p_payload LONGTEXT CHARACTER SET utf8mb4 COLLATE utf8mb4_bin,
    IN p_later_events LONGTEXT CHARACTER SET utf8mb4 COLLATE utf8mb4_bin,
    IN p_links LONGTEXT CHARACTER SET utf8mb4 COLLATE utf8mb4_bin,
    IN p_due_at DATETIME(6),
    IN p_outbox LONGTEXT CHARACTER SET utf8mb4 COLLATE utf8mb4_bin)
    MODIFIES SQL DATA SQL SECURITY INVOKER
BEGIN
    DECLARE v_found INT
    ; DECLARE EXIT HANDLER FOR SQLEXCEPTION BEGIN ROLLBACK; RESIGNAL; END
    ; SET TRANSACTION ISOLATION LEVEL READ COMMITTED
    ; START TRANSACTION
    ; IF p_key IS NOT NULL THEN
        INSERT INTO returnsync_idempotency (tenant, `key`, fingerprint, case_id, first_version, last_version)
        VALUES (p_tenant, p_key, p_fingerprint, p_case_id, p_first_version, p_last_version)
    ; END IF
    ; SELECT count(*) INTO v_found FROM returnsync_events
        WHERE tenant = p_tenant AND case_id = p_case_id AND version = p_expected
    ; INSERT INTO returnsync_events (tenant, case_id, version, type, at, payload)
        VALUES (p_tenant, p_case_id, IF(p_expected = 0 OR v_found = 1, p_expected + 1, NULL), p_type, p_at, p_payload)
    ; IF p_later_events IS NOT NULL THEN
        INSERT INTO returnsync_events (tenant, case_id, version, type, at, payload)
        SELECT p_tenant, p_case_id, p_expected + 1 + e.j_n, e.j_type, e.j_at, e.j_payload
        FROM JSON_TABLE(p_later_events, '$[*]' COLUMNS (j_n FOR ORDINALITY,
            j_type TEXT CHARACTER SET utf8mb4 COLLATE utf8mb4_bin PATH '$[0]',
            j_at VARCHAR(32) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin PATH '$[1]',
            j_payload LONGTEXT CHARACTER SET utf8mb4 COLLATE utf8mb4_bin PATH '$[2]')) e
    ; END IF
    ; IF p_links IS NOT NULL THEN
        INSERT INTO returnsync_number_links (tenant, uniqueness_key, kind, scope, value, case_id, leg, superseded)
        SELECT p_tenant, l.j_key, l.j_kind, l.j_scope, l.j_value, p_case_id, l.j_leg, l.j_superseded
        FROM JSON_TABLE(p_links, '$[*]' COLUMNS (
            j_key TEXT CHARACTER SET utf8mb4 COLLATE utf8mb4_bin PATH '$[0]',
            j_kind TEXT CHARACTER SET utf8mb4 COLLATE utf8mb4_bin PATH '$[1]',
            j_scope TEXT CHARACTER SET utf8mb4 COLLATE utf8mb4_bin PATH '$[2]',
            j_value TEXT CHARACTER SET utf8mb4 COLLATE utf8mb4_bin PATH '$[3]',
            j_leg TEXT CHARACTER SET utf8mb4 COLLATE utf8mb4_bin PATH '$[4]',
            j_superseded INT PATH '$[5]')) l
        ON DUPLICATE KEY UPDATE
            case_id = IF(returnsync_number_links.case_id = VALUES(case_id), returnsync_number_links.case_id, NULL),
            kind = VALUES(kind), scope = VALUES(scope), value = VALUES(value), leg = VALUES(leg),
            superseded = VALUES(superseded)
    ; END IF
    ; IF p_due_at IS NULL THEN
        DELETE FROM returnsync_due_cases WHERE tenant = p_tenant AND case_id = p_case_id
    ; ELSE
        INSERT INTO returnsync_due_cases (tenant, case_id, due_at) VALUES (p_tenant, p_case_id, p_due_at)
        ON DUPLICATE KEY UPDATE due_at = VALUES(due_at)
    ; END IF
    ; IF p_outbox IS NOT NULL THEN
        INSERT INTO returnsync_outbox (tenant, case_id, version, effect, target, attempts, next_attempt_at, last_error,
            parked, lease_owner, lease_until)
        SELECT p_tenant, p_case_id, o.j_version, o.j_effect, o.j_target, o.j_attempts, o.j_next_attempt_at,
            o.j_last_error, o.j_parked, o.j_lease_owner, o.j_lease_until
        FROM JSON_TABLE(p_outbox, '$[*]' COLUMNS (
            j_version BIGINT PATH '$[0]',
            j_effect TEXT CHARACTER SET utf8mb4 COLLATE utf8mb4_bin PATH '$[1]',
            j_target TEXT CHARACTER SET utf8mb4 COLLATE utf8mb4_bin PATH '$[2]',
            j_attempts INT PATH '$[3]',
            j_next_attempt_at VARCHAR(32) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin PATH '$[4]',
            j_last_error LONGTEXT CHARACTER SET utf8mb4 COLLATE utf8mb4_bin PATH '$[5]',
            j_parked INT PATH '$[6]',
            j_lease_owner TEXT CHARACTER SET utf8mb4 COLLATE utf8mb4_bin PATH '$[7]',
            j_lease_until VARCHAR(32) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin PATH '$[8]')) o
        ON DUPLICATE KEY UPDATE version = returnsync_outbox.version
    ; END IF
    ; COMMIT
; END;

SET SESSION sql_mode = @returnsync_sql_mode;

INSERT INTO returnsync_schema_version (version, script) VALUES (4, 'V4__append_procedure.sql');
