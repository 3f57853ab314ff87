package dev.returnsync.benchmarks;

import dev.returnsync.store.postgres.PostgresCaseStore;

import javax.sql.DataSource;
import java.io.PrintWriter;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.logging.Logger;

/**
 * The smallest pooled {@link DataSource} that does what a host's pool does for the store: a fixed set of open
 * connections, lent out and taken back on {@code close()}, so neither the store nor the raw-JDBC baseline pays
 * for a new connection per operation and both get the driver's per-connection statement cache. Borrowing blocks
 * while all are lent. The engine and the baseline get the same pool class, each its own instance.
 */
final class ConnectionPool implements DataSource, AutoCloseable {
    private final List<Connection> all = new ArrayList<>();
    private final BlockingQueue<Connection> idle;

    /** Opens {@code size} connections to the configured server. */
    ConnectionPool(PgSettings settings, int size) throws SQLException {
        DataSource driver = PostgresCaseStore.dataSource(settings.url(), settings.user(), settings.password());
        idle = new ArrayBlockingQueue<>(size);
        for (int i = 0; i < size; i++) {
            Connection connection = driver.getConnection();
            all.add(connection);
            idle.add(connection);
        }
    }

    @Override
    public Connection getConnection() throws SQLException {
        Connection real;
        try {
            real = idle.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SQLException("interrupted while waiting for a connection", e);
        }
        boolean[] closed = {false};
        return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(), new Class<?>[] {Connection.class},
                (proxy, method, args) -> {
                    switch (method.getName()) {
                        case "close":
                            if (!closed[0]) {
                                closed[0] = true;
                                idle.add(real);
                            }
                            return null;
                        case "isClosed":
                            return closed[0] || real.isClosed();
                        default:
                            if (closed[0]) {
                                throw new SQLException("connection returned to the pool");
                            }
                            try {
                                return method.invoke(real, args);
                            } catch (InvocationTargetException e) {
                                throw e.getCause();
                            }
                    }
                });
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        throw new SQLFeatureNotSupportedException("the pool has one user");
    }

    /** Runs one statement on a pooled connection, auto-committed. */
    void execute(String sql) throws SQLException {
        try (Connection connection = getConnection(); Statement statement = connection.createStatement()) {
            connection.setAutoCommit(true);
            statement.execute(sql);
        }
    }

    @Override
    public void close() {
        for (Connection connection : all) {
            try {
                connection.close();
            } catch (SQLException e) {
                // closing anyway
            }
        }
    }

    @Override
    public PrintWriter getLogWriter() {
        return null;
    }

    @Override
    public void setLogWriter(PrintWriter out) {
    }

    @Override
    public void setLoginTimeout(int seconds) {
    }

    @Override
    public int getLoginTimeout() {
        return 0;
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        throw new SQLFeatureNotSupportedException();
    }

    @Override
    public <T> T unwrap(Class<T> type) throws SQLException {
        throw new SQLException("not a wrapper");
    }

    @Override
    public boolean isWrapperFor(Class<?> type) {
        return false;
    }
}
