package dev.returnsync.store.postgres;

import dev.returnsync.store.jdbc.JdbcCaseStore;
import dev.returnsync.store.jdbc.SchemaSetup;
import dev.returnsync.store.jdbc.SchemaVersionException;
import dev.returnsync.store.jdbc.JdbcStoreException;

import javax.sql.DataSource;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A {@link dev.returnsync.spi.store.CaseStore} on PostgreSQL (12 or later), built from a {@link DataSource} the host
 * owns (any pool). It passes the testkit's {@code CaseStoreContract} against a real server; any number of stores, in
 * any number of processes, may share one schema (see {@link JdbcCaseStore} for transactions, locks and retries).
 *
 * <p><b>Schema.</b> The tables live in one schema ({@code returnsync} unless set). The migration files ship in the
 * jar under {@code db/returnsync/postgresql} ({@code V1__case_store.sql}, ...), named for Flyway. By default the store
 * applies the ones the database lacks when it is built, in one transaction under an advisory lock
 * ({@link SchemaSetup#APPLY}); with {@link SchemaSetup#VERIFY} the host runs them (Flyway, Liquibase) and the store
 * only checks the version. See {@code docs/postgres.md}.
 *
 * <pre>{@code
 * CaseStore store = PostgresCaseStore.builder(dataSource).schema("returnsync").build();
 * }</pre>
 */
public final class PostgresCaseStore extends JdbcCaseStore {
    private static final Pattern IDENTIFIER = Pattern.compile("[a-z_][a-z0-9_]{0,62}");

    private final String schema;

    private PostgresCaseStore(Builder builder) {
        super(builder.dataSource, new PostgresDialect(builder.schema), builder.setup);
        this.schema = builder.schema;
    }

    /**
     * A builder for a store on this data source.
     *
     * @param dataSource where the store's connections come from, e.g. a connection pool
     * @return the builder
     */
    public static Builder builder(DataSource dataSource) {
        return new Builder(dataSource);
    }

    /**
     * The classpath folder of the migration files: {@code db/returnsync/postgresql}.
     *
     * @return the folder, for a host's own migration tool
     */
    public static String migrationLocation() {
        return PostgresDialect.LOCATION;
    }

    /**
     * The schema the store's tables live in.
     *
     * @return the schema's name
     */
    public String schema() {
        return schema;
    }

    /** Builds a {@link PostgresCaseStore}. */
    public static final class Builder {
        private final DataSource dataSource;
        private String schema = "returnsync";
        private SchemaSetup setup = SchemaSetup.APPLY;

        private Builder(DataSource dataSource) {
            this.dataSource = Objects.requireNonNull(dataSource, "data source must not be null");
        }

        /**
         * The schema for the store's tables; {@code returnsync} unless set. Lower-case letters, digits and
         * underscores, starting with a letter or underscore, at most 63 characters.
         *
         * @param name the schema's name
         * @return this builder
         */
        public Builder schema(String name) {
            Objects.requireNonNull(name, "schema must not be null");
            if (!IDENTIFIER.matcher(name).matches()) {
                throw new IllegalArgumentException("schema must be 1 to 63 lower-case letters, digits or underscores,"
                        + " not starting with a digit");
            }
            this.schema = name;
            return this;
        }

        /**
         * Who brings the schema to the version the store needs; {@link SchemaSetup#APPLY} unless set.
         *
         * @param setup apply the migrations, or only verify the version
         * @return this builder
         */
        public Builder schemaSetup(SchemaSetup setup) {
            this.setup = Objects.requireNonNull(setup, "schema setup must not be null");
            return this;
        }

        /**
         * Applies or verifies the schema, then returns the store.
         *
         * @return the store, ready
         * @throws SchemaVersionException if the schema is not at the version the store needs
         * @throws JdbcStoreException if the database cannot be reached
         */
        public PostgresCaseStore build() {
            return new PostgresCaseStore(this);
        }
    }
}
