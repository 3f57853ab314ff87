/**
 * What the SQL case stores share: {@link dev.returnsync.store.jdbc.JdbcCaseStore} (statements, transactions, lock
 * order, retries, schema migrations) over a {@link dev.returnsync.store.jdbc.Dialect} that each store module provides.
 */
package dev.returnsync.store.jdbc;
