package dev.returnsync.store.jdbc.testing;

import javax.sql.DataSource;
import java.io.PrintWriter;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.CallableStatement;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.Statement;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Logger;

/**
 * A data source that counts the calls of its connections that go to the database server: every execution of a
 * statement ({@code execute}, {@code executeQuery}, {@code executeUpdate}, {@code executeBatch}, ...), and
 * {@code commit}, {@code rollback}, {@code setTransactionIsolation} and a {@code setAutoCommit} that changes the mode.
 * Each counts as one round trip, though some drivers answer some of them locally (PostgreSQL's driver sends
 * {@code BEGIN} with the next statement): the count is an upper bound on the round trips the store makes.
 * What the pool behind does on its own (validation, resets) is not counted.
 */
public final class CountingDataSource implements DataSource {
    private static final Set<String> CONNECTION_CALLS = Set.of("commit", "rollback", "setTransactionIsolation",
            "setSavepoint", "releaseSavepoint");

    private final DataSource delegate;
    private final AtomicLong calls = new AtomicLong();

    /**
     * Counts the calls of the connections of a data source.
     *
     * @param delegate the data source, e.g. a pool
     */
    public CountingDataSource(DataSource delegate) {
        this.delegate = delegate;
    }

    /** {@return the calls counted since the last {@link #reset}} */
    public long calls() {
        return calls.get();
    }

    /** Starts counting from 0. */
    public void reset() {
        calls.set(0);
    }

    @Override
    public Connection getConnection() throws SQLException {
        return counted(delegate.getConnection());
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        return counted(delegate.getConnection(username, password));
    }

    private Connection counted(Connection connection) {
        InvocationHandler handler = (proxy, method, args) -> {
            String name = method.getName();
            if (CONNECTION_CALLS.contains(name)
                    || name.equals("setAutoCommit") && (Boolean) args[0] != connection.getAutoCommit()) {
                calls.incrementAndGet();
            }
            Object result = invoke(connection, method, args);
            if (result instanceof Statement statement) {
                return counted(statement, method.getReturnType());
            }
            return result;
        };
        return (Connection) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {Connection.class},
                handler);
    }

    private Object counted(Statement statement, Class<?> type) {
        Class<?> face = CallableStatement.class.isAssignableFrom(type) ? CallableStatement.class
                : PreparedStatement.class.isAssignableFrom(type) ? PreparedStatement.class : Statement.class;
        InvocationHandler handler = (proxy, method, args) -> {
            if (method.getName().startsWith("execute")) {
                calls.incrementAndGet();
            }
            return invoke(statement, method, args);
        };
        return Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {face}, handler);
    }

    private static Object invoke(Object target, Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    @Override
    public PrintWriter getLogWriter() throws SQLException {
        return delegate.getLogWriter();
    }

    @Override
    public void setLogWriter(PrintWriter out) throws SQLException {
        delegate.setLogWriter(out);
    }

    @Override
    public void setLoginTimeout(int seconds) throws SQLException {
        delegate.setLoginTimeout(seconds);
    }

    @Override
    public int getLoginTimeout() throws SQLException {
        return delegate.getLoginTimeout();
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        return delegate.getParentLogger();
    }

    @Override
    public <T> T unwrap(Class<T> type) throws SQLException {
        return delegate.unwrap(type);
    }

    @Override
    public boolean isWrapperFor(Class<?> type) throws SQLException {
        return delegate.isWrapperFor(type);
    }
}
