package dev.returnsync.spring;

import javax.sql.DataSource;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;

/** A test's pool as a DataSource bean that the contexts use but never close: the test closes it after them all. */
final class SharedDataSource {
    private SharedDataSource() {
    }

    static DataSource of(DataSource pool) {
        return (DataSource) Proxy.newProxyInstance(DataSource.class.getClassLoader(), new Class<?>[] {DataSource.class},
                (proxy, method, args) -> {
                    try {
                        return method.invoke(pool, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }
}
