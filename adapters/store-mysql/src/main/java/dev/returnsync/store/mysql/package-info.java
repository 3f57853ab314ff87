/**
 * The {@link dev.returnsync.spi.store.CaseStore} on MySQL and MariaDB over plain JDBC,
 * {@link dev.returnsync.store.mysql.MySqlCaseStore}; see {@code docs/mysql.md} for its database, collation,
 * isolation and migrations.
 */
package dev.returnsync.store.mysql;
