/**
 * The {@link dev.returnsync.spi.store.CaseStore} on PostgreSQL over plain JDBC,
 * {@link dev.returnsync.store.postgres.PostgresCaseStore}; see {@code docs/postgres.md} for its schema,
 * transactions, outbox claims and how to run its tests.
 */
package dev.returnsync.store.postgres;
