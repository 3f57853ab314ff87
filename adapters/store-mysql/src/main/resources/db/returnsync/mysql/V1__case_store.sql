-- returnsync MySQL / MariaDB case store, schema version 1.
-- Names are unqualified: run in the database the store uses (the data source's; Flyway runs in the URL's database).
-- Every table is InnoDB, utf8mb4 with the binary collation utf8mb4_bin, so that ids and numbers compare by their
-- exact characters (the library normalizes them; no collation folds case or accents behind its back).
-- MySQL commits each CREATE TABLE by itself: every statement can run again (IF NOT EXISTS) after a failure halfway.
-- The last statement records the version in returnsync_schema_version, which the store reads at start.

-- The versions applied, one row per file.
CREATE TABLE IF NOT EXISTS returnsync_schema_version (
    version    INT          NOT NULL,
    script     VARCHAR(255) NOT NULL,
    applied_at DATETIME(6)  NOT NULL DEFAULT CURRENT_TIMESTAMP(6),
    CONSTRAINT returnsync_schema_version_pkey PRIMARY KEY (version)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

-- Every event of every case. The primary key (tenant, case_id, version) is the optimistic-concurrency guard:
-- of two appends expecting the same version, the second insert of version n+1 fails on it.
CREATE TABLE IF NOT EXISTS returnsync_events (
    tenant  VARCHAR(64) NOT NULL,
    case_id VARCHAR(64) NOT NULL,
    version BIGINT      NOT NULL,
    type    VARCHAR(64) NOT NULL,
    at      DATETIME(6) NOT NULL,
    payload LONGTEXT    NOT NULL,
    CONSTRAINT returnsync_events_pkey PRIMARY KEY (tenant, case_id, version),
    CONSTRAINT returnsync_events_version CHECK (version >= 1)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

-- Every number linked to a case; a number (its uniqueness key kind|scope|value) is unique in its tenant. The value
-- index finds a number typed without its scope (a tracking number without its carrier).
CREATE TABLE IF NOT EXISTS returnsync_number_links (
    tenant         VARCHAR(64)  NOT NULL,
    uniqueness_key VARCHAR(160) NOT NULL,
    kind           VARCHAR(32)  NOT NULL,
    scope          VARCHAR(64)  NOT NULL,
    value          VARCHAR(64)  NOT NULL,
    case_id        VARCHAR(64)  NOT NULL,
    leg            VARCHAR(64),
    superseded     BOOLEAN      NOT NULL,
    CONSTRAINT returnsync_number_links_pkey PRIMARY KEY (tenant, uniqueness_key),
    INDEX returnsync_number_links_case (tenant, case_id),
    INDEX returnsync_number_links_value (tenant, value)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

-- The remembered outcome of each tenant's idempotency keys.
CREATE TABLE IF NOT EXISTS returnsync_idempotency (
    tenant        VARCHAR(64) NOT NULL,
    `key`         VARCHAR(64) NOT NULL,
    fingerprint   TEXT        NOT NULL,
    case_id       VARCHAR(64) NOT NULL,
    first_version BIGINT      NOT NULL,
    last_version  BIGINT      NOT NULL,
    CONSTRAINT returnsync_idempotency_pkey PRIMARY KEY (tenant, `key`)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

-- The earliest pending deadline of each case that has one; findDue reads the due_at index.
CREATE TABLE IF NOT EXISTS returnsync_due_cases (
    tenant  VARCHAR(64) NOT NULL,
    case_id VARCHAR(64) NOT NULL,
    due_at  DATETIME(6) NOT NULL,
    CONSTRAINT returnsync_due_cases_pkey PRIMARY KEY (tenant, case_id),
    INDEX returnsync_due_cases_due_at (due_at, tenant, case_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

-- The transactional outbox. Claims lock rows with FOR UPDATE SKIP LOCKED and lease them; outbox ids are unique
-- store-wide. returnsync_outbox_ordered_sends serves the claim's look-up of an earlier ordered send of the same
-- case and target (MySQL has no partial index: it covers every row).
CREATE TABLE IF NOT EXISTS returnsync_outbox (
    id              VARCHAR(255) NOT NULL,
    tenant          VARCHAR(64)  NOT NULL,
    case_id         VARCHAR(64)  NOT NULL,
    version         BIGINT       NOT NULL,
    effect          VARCHAR(32)  NOT NULL,
    target          VARCHAR(64)  NOT NULL,
    attempts        INT          NOT NULL,
    next_attempt_at DATETIME(6)  NOT NULL,
    last_error      MEDIUMTEXT,
    parked          BOOLEAN      NOT NULL,
    lease_owner     VARCHAR(255),
    lease_until     DATETIME(6),
    CONSTRAINT returnsync_outbox_pkey PRIMARY KEY (id),
    CONSTRAINT returnsync_outbox_lease CHECK ((lease_owner IS NULL) = (lease_until IS NULL)),
    INDEX returnsync_outbox_claimable (parked, next_attempt_at, id),
    INDEX returnsync_outbox_case (tenant, case_id, version),
    INDEX returnsync_outbox_ordered_sends (tenant, case_id, target, version)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

INSERT INTO returnsync_schema_version (version, script) VALUES (1, 'V1__case_store.sql');
