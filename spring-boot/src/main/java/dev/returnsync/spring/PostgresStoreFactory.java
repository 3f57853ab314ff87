package dev.returnsync.spring;

import dev.returnsync.spi.store.CaseStore;
import dev.returnsync.store.postgres.PostgresCaseStore;

import javax.sql.DataSource;

/** The PostgreSQL store, in the schema {@code returnsync.store.schema}, migrated unless told otherwise. */
final class PostgresStoreFactory implements DataSourceStoreFactory {
    @Override
    public boolean supports(String databaseProductName) {
        return "PostgreSQL".equalsIgnoreCase(databaseProductName);
    }

    @Override
    public CaseStore create(DataSource dataSource, ReturnSyncProperties.Store properties) {
        return PostgresCaseStore.builder(dataSource).schema(properties.getSchema())
                .schemaSetup(SqlSchemaSetup.of(properties)).build();
    }
}
