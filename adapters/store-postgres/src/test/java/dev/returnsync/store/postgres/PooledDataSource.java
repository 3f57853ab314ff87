package dev.returnsync.store.postgres;

import javax.sql.DataSource;
import java.io.PrintWriter;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Logger;

/**
 * A minimal connection pool for the tests that run many operations: it keeps up to {@code maxIdle} connections of a
 * driver data source open and hands them out again, instead of opening (and authenticating) a new connection for every
 * store operation. A host gives the store its real pool (HikariCP, the application server's); this one only resets
 * auto-commit and rolls back an open transaction when a connection comes back, and drops connections that failed.
 */
public final class PooledDataSource implements DataSource {
    private final DataSource driver;
    private final BlockingQueue<Connection> idle;
    private final AtomicInteger opened = new AtomicInteger();

    public PooledDataSource(DataSource driver, int maxIdle) {
        this.driver = driver;
        this.idle = new ArrayBlockingQueue<>(maxIdle);
    }

    /** How many physical connections were opened. */
    int opened() {
        return opened.get();
    }

    /** Closes the idle connections. */
    void closeIdle() {
        for (Connection c = idle.poll(); c != null; c = idle.poll()) {
            try {
                c.close();
            } catch (SQLException ignored) {
                // closing anyway
            }
        }
    }

    @Override
    public Connection getConnection() throws SQLException {
        Connection physical = idle.poll();
        if (physical == null || physical.isClosed()) {
            physical = driver.getConnection();
            opened.incrementAndGet();
        }
        return wrap(physical);
    }

    private Connection wrap(Connection physical) {
        InvocationHandler handler = new InvocationHandler() {
            private boolean closed;
            private boolean broken;

            @Override
            public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
                if ("close".equals(method.getName())) {
                    if (!closed) {
                        closed = true;
                        giveBack(physical, broken);
                    }
                    return null;
                }
                if ("isClosed".equals(method.getName())) {
                    return closed || physical.isClosed();
                }
                if (closed) {
                    throw new SQLException("connection handed back to the pool");
                }
                try {
                    return method.invoke(physical, args);
                } catch (InvocationTargetException e) {
                    if (e.getCause() instanceof SQLException sql && sql.getSQLState() != null
                            && sql.getSQLState().startsWith("08")) {
                        broken = true;   // connection failure: do not reuse
                    }
                    throw e.getCause();
                }
            }
        };
        return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(), new Class<?>[] {Connection.class},
                handler);
    }

    private void giveBack(Connection physical, boolean broken) throws SQLException {
        boolean reusable = !broken && !physical.isClosed();
        if (reusable) {
            try {
                if (!physical.getAutoCommit()) {
                    physical.rollback();
                    physical.setAutoCommit(true);
                }
            } catch (SQLException e) {
                reusable = false;
            }
        }
        if (!reusable || !idle.offer(physical)) {
            physical.close();
        }
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        throw new SQLFeatureNotSupportedException("the pool has one user");
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
        if (type.isInstance(this)) {
            return type.cast(this);
        }
        throw new SQLException("not a wrapper of " + type);
    }

    @Override
    public boolean isWrapperFor(Class<?> type) {
        return type.isInstance(this);
    }
}
