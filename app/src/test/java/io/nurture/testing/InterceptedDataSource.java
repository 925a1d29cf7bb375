package io.nurture.testing;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.function.Function;
import javax.sql.DataSource;
import org.springframework.jdbc.datasource.ConnectionProxy;
import org.springframework.jdbc.datasource.DelegatingDataSource;

/**
 * The app's data source with every connection it hands out passed through a test kit's
 * interceptor. The connection stays a Spring {@link ConnectionProxy}: its target is reachable and
 * it equals only itself, as the pool's own connections do.
 */
final class InterceptedDataSource extends DelegatingDataSource {

    /** Sees each call on one connection and answers its result, usually by {@link #call}. */
    interface Interceptor {
        Object intercept(Connection target, Method method, Object[] args) throws Throwable;
    }

    private final Object owner;
    private final Function<Connection, Interceptor> interceptorFor;

    private InterceptedDataSource(
            DataSource dataSource, Object owner, Function<Connection, Interceptor> interceptorFor) {
        super(dataSource);
        this.owner = owner;
        this.interceptorFor = interceptorFor;
    }

    /**
     * For a bean post-processor: a data source wrapped so that each connection gets its own
     * interceptor from {@code interceptorFor}; any other bean, or one {@code owner} wrapped already, as it is.
     */
    static Object around(Object bean, Object owner, Function<Connection, Interceptor> interceptorFor) {
        if (!(bean instanceof DataSource dataSource)
                || bean instanceof InterceptedDataSource intercepted && intercepted.owner == owner) {
            return bean;
        }
        return new InterceptedDataSource(dataSource, owner, interceptorFor);
    }

    /** The call made on its target, with the target's own exception thrown. */
    static Object call(Object target, Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getTargetException();
        }
    }

    @Override
    public Connection getConnection() throws SQLException {
        return intercepted(super.getConnection());
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        return intercepted(super.getConnection(username, password));
    }

    private Connection intercepted(Connection connection) {
        Interceptor interceptor = interceptorFor.apply(connection);
        return (Connection) Proxy.newProxyInstance(
                ConnectionProxy.class.getClassLoader(),
                new Class<?>[] {ConnectionProxy.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "getTargetConnection" ->
                        connection instanceof ConnectionProxy inner ? inner.getTargetConnection() : connection;
                    case "equals" -> proxy == args[0];
                    case "hashCode" -> System.identityHashCode(proxy);
                    default -> interceptor.intercept(connection, method, args);
                });
    }
}
