package dev.returnsync.examples.host;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.returnsync.core.ReturnSyncEngine;
import dev.returnsync.core.domain.Policies;
import dev.returnsync.core.domain.ReturnWorkflow;
import dev.returnsync.spi.supplier.SupplierAdapter;
import dev.returnsync.spi.supplier.SupplierRegistry;
import dev.returnsync.store.mysql.MySqlCaseStore;

import java.time.Clock;

/**
 * How a host wires returnsync on MySQL or MariaDB: its own connection pool, the MySQL store on it (which applies its
 * migrations at start), the engine with the host's supplier adapters and a workflow that shares a supplier's return
 * number with the customer as soon as it comes. One per process; several processes may share
 * the database.
 */
public final class ReturnsHost implements AutoCloseable {
    private final HikariDataSource pool;
    private final ReturnSyncEngine engine;

    private ReturnsHost(HikariDataSource pool, ReturnSyncEngine engine) {
        this.pool = pool;
        this.engine = engine;
    }

    /**
     * Starts the host on a database.
     *
     * @param jdbcUrl e.g. {@code jdbc:mariadb://db:3306/shop}
     * @param user the database user
     * @param password the password
     * @param clock the clock the engine decides by
     * @param suppliers the host's supplier adapters
     */
    public static ReturnsHost start(String jdbcUrl, String user, String password, Clock clock,
                                    SupplierAdapter... suppliers) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(jdbcUrl);
        config.setUsername(user);
        config.setPassword(password);
        config.setMaximumPoolSize(8);
        config.setPoolName("returns");
        HikariDataSource pool = new HikariDataSource(config);
        try {
            ReturnSyncEngine engine = ReturnSyncEngine.builder()
                    .store(MySqlCaseStore.builder(pool).build())
                    .suppliers(SupplierRegistry.of(suppliers))
                    .workflow(ReturnWorkflow.builder().policy(Policies.autoShareSupplierNumber()).build())
                    .clock(clock)
                    .build();
            return new ReturnsHost(pool, engine);
        } catch (RuntimeException e) {
            pool.close();
            throw e;
        }
    }

    /** The engine. */
    public ReturnSyncEngine engine() {
        return engine;
    }

    /** Stops the engine, then closes the pool. */
    @Override
    public void close() {
        engine.close();
        pool.close();
    }
}
