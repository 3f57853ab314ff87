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
     * Tells whether this factory builds the store for a database.
     *
     * @param databaseProductName the database as its JDBC driver names it
     *                            ({@link java.sql.DatabaseMetaData#getDatabaseProductName()}); never null
     * @return true when this factory builds the store for that database
     */
    boolean supports(String databaseProductName);

    /**
     * Builds the store on a data source, its schema applied or verified as {@code returnsync.store.migrations} says.
     *
     * @param dataSource the application's data source, of a database this factory {@linkplain #supports supports};
     *                   never null
     * @param properties the {@code returnsync.store.*} properties, already validated; never null
     * @return the store, ready for the engine
     */
    CaseStore create(DataSource dataSource, ReturnSyncProperties.Store properties);
}
