-- returnsync PostgreSQL case store, schema version 1.
-- Applied by PostgresCaseStore itself, inside one transaction, under an advisory lock;
-- ${schema} is replaced by the configured schema name.

-- Every event of every case. The primary key (case_id, version) is the optimistic-concurrency guard:
-- of two appends expecting the same version, the second insert of version n+1 violates it.
CREATE TABLE ${schema}.events (
    case_id     varchar(64)  NOT NULL,
    version     bigint       NOT NULL CHECK (version >= 1),
    tenant      varchar(64)  NOT NULL,
    type        varchar(64)  NOT NULL,
    at          timestamptz  NOT NULL,
    payload     json         NOT NULL,
    CONSTRAINT events_pkey PRIMARY KEY (case_id, version)
);

-- Every number linked to a case. The uniqueness key (namespace|scope|value) is unique store-wide.
CREATE TABLE ${schema}.number_links (
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
CREATE INDEX number_links_case ON ${schema}.number_links (case_id);

-- The remembered outcome of each tenant's idempotency keys.
CREATE TABLE ${schema}.idempotency (
    tenant        varchar(64)  NOT NULL,
    key           varchar(64)  NOT NULL,
    fingerprint   text         NOT NULL,
    case_id       varchar(64)  NOT NULL,
    first_version bigint       NOT NULL,
    last_version  bigint       NOT NULL,
    CONSTRAINT idempotency_pkey PRIMARY KEY (tenant, key)
);

-- The earliest pending deadline of each case that has one; findDue reads the due_at index.
CREATE TABLE ${schema}.due_cases (
    case_id varchar(64) NOT NULL,
    tenant  varchar(64) NOT NULL,
    due_at  timestamptz NOT NULL,
    CONSTRAINT due_cases_pkey PRIMARY KEY (case_id)
);
CREATE INDEX due_cases_due_at ON ${schema}.due_cases (due_at, case_id);

-- The transactional outbox. Claims lock rows with FOR UPDATE SKIP LOCKED and lease them.
CREATE TABLE ${schema}.outbox (
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
CREATE INDEX outbox_claimable ON ${schema}.outbox (next_attempt_at, id) WHERE NOT parked;
CREATE INDEX outbox_case ON ${schema}.outbox (case_id, version);
