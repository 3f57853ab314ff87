-- returnsync PostgreSQL case store, schema version 1.
-- Names are unqualified: run in the store's schema (PostgresCaseStore sets the search_path when it applies the
-- files itself, under an advisory lock, in one transaction; Flyway does with schemas(...)). Each file records its
-- version in schema_version, which the store reads at start.

-- The versions applied, one row per file.
CREATE TABLE schema_version (
    version    integer     PRIMARY KEY,
    script     text        NOT NULL,
    applied_at timestamptz NOT NULL DEFAULT now()
);

-- Every event of every case. The primary key (case_id, version) is the optimistic-concurrency guard:
-- of two appends expecting the same version, the second insert of version n+1 violates it.
CREATE TABLE events (
    case_id     varchar(64)  NOT NULL,
    version     bigint       NOT NULL CHECK (version >= 1),
    tenant      varchar(64)  NOT NULL,
    type        varchar(64)  NOT NULL,
    at          timestamptz  NOT NULL,
    payload     json         NOT NULL,
    CONSTRAINT events_pkey PRIMARY KEY (case_id, version)
);

-- Every number linked to a case. The uniqueness key (namespace|scope|value) is unique store-wide.
CREATE TABLE number_links (
    uniqueness_key varchar(160) NOT NULL,
    kind           varchar(32)  NOT NULL,
    scope          varchar(64)  NOT NULL,
    value          varchar(64)  NOT NULL,
    tenant         varchar(64)  NOT NULL,
    case_id        varchar(64)  NOT NULL,
    leg            varchar(64),
    superseded     boolean      NOT NULL,
    CONSTRAINT number_links_uniqueness_key UNIQUE (uniqueness_key)
);
CREATE INDEX number_links_case ON number_links (case_id);

-- The remembered outcome of each tenant's idempotency keys.
CREATE TABLE idempotency (
    tenant        varchar(64)  NOT NULL,
    key           varchar(64)  NOT NULL,
    fingerprint   text         NOT NULL,
    case_id       varchar(64)  NOT NULL,
    first_version bigint       NOT NULL,
    last_version  bigint       NOT NULL,
    CONSTRAINT idempotency_pkey PRIMARY KEY (tenant, key)
);

-- The earliest pending deadline of each case that has one; findDue reads the due_at index.
CREATE TABLE due_cases (
    case_id varchar(64) NOT NULL,
    tenant  varchar(64) NOT NULL,
    due_at  timestamptz NOT NULL,
    CONSTRAINT due_cases_pkey PRIMARY KEY (case_id)
);
CREATE INDEX due_cases_due_at ON due_cases (due_at, case_id);

-- The transactional outbox. Claims lock rows with FOR UPDATE SKIP LOCKED and lease them.
CREATE TABLE outbox (
    id              varchar(255) NOT NULL,
    tenant          varchar(64)  NOT NULL,
    case_id         varchar(64)  NOT NULL,
    version         bigint       NOT NULL,
    effect          varchar(32)  NOT NULL,
    target          varchar(64)  NOT NULL,
    attempts        integer      NOT NULL,
    next_attempt_at timestamptz  NOT NULL,
    last_error      text,
    parked          boolean      NOT NULL,
    lease_owner     text,
    lease_until     timestamptz,
    CONSTRAINT outbox_pkey PRIMARY KEY (id),
    CONSTRAINT outbox_lease CHECK ((lease_owner IS NULL) = (lease_until IS NULL))
);
CREATE INDEX outbox_claimable ON outbox (next_attempt_at, id) WHERE NOT parked;
CREATE INDEX outbox_case ON outbox (case_id, version);

INSERT INTO schema_version (version, script) VALUES (1, 'V1__case_store.sql');
