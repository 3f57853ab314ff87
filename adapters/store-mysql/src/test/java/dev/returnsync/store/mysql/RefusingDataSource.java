package dev.returnsync.store.mysql;

import javax.sql.DataSource;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * A data source whose plain statements refuse, before the server sees it, any SQL that starts with a given text, as
 * a server refuses a statement the user lacks the right for; everything else goes to the real connections.
 */
final class RefusingDataSource {
    private RefusingDataSource() {
    }

    /**
     * The data source, refusing.
     *
     * @param dataSource the real one, e.g. a pool
     * @param start how the refused SQL starts
     * @return a data source over the same connections
     */
    static DataSource refusing(DataSource dataSource, String start) {
        return proxy(DataSource.class, (method, args) -> {
            Object result = invoke(dataSource, method, args);
            return result instanceof Connection connection ? refusing(connection, start) : result;
        });
    }

    private static Connection refusing(Connection connection, String start) {
        return proxy(Connection.class, (method, args) -> {
            Object result = invoke(connection, method, args);
            return method.getName().equals("createStatement") ? refusing((Statement) result, start) : result;
        });
    }

    private static Statement refusing(Statement statement, String start) {
        return proxy(Statement.class, (method, args) -> {
            if (method.getName().startsWith("execute") && args != null && args[0] instanceof String sql
                    && sql.startsWith(start)) {
                throw new SQLException("refused by the test: " + start, "42000", 1044);
            }
            return invoke(statement, method, args);
        });
    }

    private interface Call {
        Object apply(Method method, Object[] args) throws Throwable;
    }

    private static <T> T proxy(Class<T> type, Call call) {
        InvocationHandler handler = (proxy, method, args) -> call.apply(method, args);
        return type.cast(Proxy.newProxyInstance(RefusingDataSource.class.getClassLoader(), new Class<?>[] {type},
                handler));
    }

    private static Object invoke(Object target, Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }
}
