package dev.returnsync.spring;

import dev.returnsync.core.memory.InMemoryCaseStore;
import dev.returnsync.spi.store.CaseStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/**
 * Picks the store: in memory when asked to or when there is no {@link DataSource}; else the store of the database
 * the data source connects to, by the product name its driver reports. A database without a store on the classpath
 * stops the start: cases must never silently land in memory when the application has a database.
 */
final class StoreSelector {
    private static final Logger log = LoggerFactory.getLogger(StoreSelector.class);

    private final List<DataSourceStoreFactory> factories;

    StoreSelector(List<DataSourceStoreFactory> factories) {
        this.factories = List.copyOf(factories);
    }

    CaseStore select(DataSource dataSource, ReturnSyncProperties.Store properties) {
        if (properties.getType() == ReturnSyncProperties.StoreType.MEMORY || dataSource == null) {
            log.info("returnsync: cases are kept in memory and lost when the application stops ({})",
                    dataSource == null ? "no DataSource" : "returnsync.store.type=memory");
            return new InMemoryCaseStore();
        }
        String product = productOf(dataSource);
        for (DataSourceStoreFactory factory : factories) {
            if (factory.supports(product)) {
                log.info("returnsync: cases are kept in the {} DataSource", product);
                return factory.create(dataSource, properties);
            }
        }
        throw new IllegalStateException("returnsync: no store for the DataSource's database " + product
                + "; add returnsync-store-postgres (PostgreSQL) or returnsync-store-mysql (MySQL, MariaDB), define a "
                + "CaseStore bean, or set returnsync.store.type=memory");
    }

    private static String productOf(DataSource dataSource) {
        try (Connection connection = dataSource.getConnection()) {
            return connection.getMetaData().getDatabaseProductName();
        } catch (SQLException e) {
            throw new IllegalStateException("returnsync: cannot reach the DataSource to pick the store (SQL state "
                    + e.getSQLState() + ")", e);
        }
    }
}
