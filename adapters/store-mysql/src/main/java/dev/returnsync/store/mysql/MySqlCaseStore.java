package dev.returnsync.store.mysql;

import dev.returnsync.store.jdbc.JdbcCaseStore;
import dev.returnsync.store.jdbc.JdbcStoreException;
import dev.returnsync.store.jdbc.SchemaSetup;
import dev.returnsync.store.jdbc.SchemaVersionException;
import dev.returnsync.store.jdbc.ServerSetupException;

import javax.sql.DataSource;
import java.util.Objects;

/**
 * A {@link dev.returnsync.spi.store.CaseStore} on MySQL 8.0 or later and MariaDB 10.6 or later, built from a
 * {@link DataSource} the host owns (any pool, any driver). It passes the testkit's {@code CaseStoreContract}; any
 * number of stores, in any number of processes, may share one database (see {@link JdbcCaseStore} for transactions,
 * locks and retries).
 *
 * <p><b>Database.</b> The tables live in the database the data source's connections use (the one in the JDBC URL),
 * named {@code returnsync_...} so that they sit beside the host's own. They are InnoDB, {@code utf8mb4} with the
 * binary collation {@code utf8mb4_bin}. The migration files ship in the jar under {@code db/returnsync/mysql}, named
 * for Flyway. By default the store applies the ones the database lacks when it is built, under {@code GET_LOCK}
 * ({@link SchemaSetup#APPLY}); with {@link SchemaSetup#VERIFY} the host runs them and the store only checks the
 * version.
 *
 * <p><b>Checked at start.</b> The server version ({@code FOR UPDATE SKIP LOCKED}), that the server honours READ
 * COMMITTED set on a connection (the store sets it for each transaction), a strict {@code sql_mode} on the
 * connections and on the append procedure {@code returnsync_append}, and the collation of every text column and of
 * every text parameter of the procedure. See {@code docs/mysql.md}.
 *
 * <pre>{@code
 * CaseStore store = MySqlCaseStore.builder(dataSource).build();
 * }</pre>
 */
public final class MySqlCaseStore extends JdbcCaseStore {
    private MySqlCaseStore(Builder builder) {
        super(builder.dataSource, new MySqlDialect(), builder.setup);
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
     * The classpath folder of the migration files: {@code db/returnsync/mysql}.
     *
     * @return the folder, for a host's own migration tool
     */
    public static String migrationLocation() {
        return MySqlDialect.LOCATION;
    }

    /** Builds a {@link MySqlCaseStore}. */
    public static final class Builder {
        private final DataSource dataSource;
        private SchemaSetup setup = SchemaSetup.APPLY;

        private Builder(DataSource dataSource) {
            this.dataSource = Objects.requireNonNull(dataSource, "data source must not be null");
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
         * Applies or verifies the schema, checks the server, then returns the store.
         *
         * @return the store, ready
         * @throws SchemaVersionException if the schema is not at the version the store needs
         * @throws ServerSetupException if the server or the schema does not behave as the store needs
         * @throws JdbcStoreException if the database cannot be reached
         */
        public MySqlCaseStore build() {
            return new MySqlCaseStore(this);
        }
    }
}
