package dev.returnsync.spring;

import dev.returnsync.spi.store.CaseStore;
import dev.returnsync.store.mysql.MySqlCaseStore;

import javax.sql.DataSource;

/** The MySQL and MariaDB store, in the DataSource's database, migrated unless told otherwise. */
final class MySqlStoreFactory implements DataSourceStoreFactory {
    @Override
    public boolean supports(String databaseProductName) {
        return "MySQL".equalsIgnoreCase(databaseProductName) || "MariaDB".equalsIgnoreCase(databaseProductName);
    }

    @Override
    public CaseStore create(DataSource dataSource, ReturnSyncProperties.Store properties) {
        return MySqlCaseStore.builder(dataSource).schemaSetup(SqlSchemaSetup.of(properties)).build();
    }
}
