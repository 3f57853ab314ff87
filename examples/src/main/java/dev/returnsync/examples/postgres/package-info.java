/**
 * A reference {@link dev.returnsync.spi.store.CaseStore} on PostgreSQL over plain JDBC,
 * {@link dev.returnsync.examples.postgres.PostgresCaseStore}; see {@code docs/postgres.md} for its schema,
 * transactions, outbox claims and how to run its tests.
 */
package dev.returnsync.examples.postgres;
