package dev.returnsync.spring;

import dev.returnsync.spi.store.CaseStore;

import javax.sql.DataSource;

/**
 * Builds the {@link CaseStore} for one kind of database on the application's {@link DataSource}. The starter has one
 * for PostgreSQL (when {@code returnsync-store-postgres} is on the classpath) and one for MySQL and MariaDB (when
 * {@code returnsync-store-mysql} is); a bean of this type adds another.
 */
public interface DataSourceStoreFactory {
    /**
     * True when this factory builds the store for the database, as its JDBC driver names it
     * ({@link java.sql.DatabaseMetaData#getDatabaseProductName()}).
     */
    boolean supports(String databaseProductName);

    /** The store on this data source, its schema applied or verified as {@code returnsync.store.migrations} says. */
    CaseStore create(DataSource dataSource, ReturnSyncProperties.Store properties);
}
