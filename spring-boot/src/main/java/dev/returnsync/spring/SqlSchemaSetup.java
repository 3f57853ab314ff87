package dev.returnsync.spring;

import dev.returnsync.store.jdbc.SchemaSetup;

/**
 * {@code returnsync.store.migrations} as the SQL stores take it. A class of its own, loaded only by the SQL store
 * factories, so that the properties never name a type of the optional store modules.
 */
final class SqlSchemaSetup {
    private SqlSchemaSetup() {
    }

    /** Applied by the store, or only verified. */
    static SchemaSetup of(ReturnSyncProperties.Store properties) {
        return properties.isMigrations() ? SchemaSetup.APPLY : SchemaSetup.VERIFY;
    }
}
