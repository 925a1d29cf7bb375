package io.nurture.testing;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.security.CodeSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.sql.DataSource;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.jdbc.datasource.ConnectionProxy;
import org.springframework.jdbc.datasource.DelegatingDataSource;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Records every statement that may write and that Nurture's own code (not a test's, not Flyway's)
 * starts outside any transaction. The pool hands out connections with auto-commit off, and such a
 * write is committed only when its connection goes back, where a failed commit reaches no caller: a
 * job step's effect could be lost while its job completes. Nurture's writes belong in transactions.
 */
public final class WritesOutsideTransactions implements BeanPostProcessor {

    private static final Set<String> STATEMENT_FACTORIES = Set.of("createStatement", "prepareStatement", "prepareCall");
    private static final StackWalker STACK = StackWalker.getInstance(StackWalker.Option.RETAIN_CLASS_REFERENCE);

    private final List<String> seen = new CopyOnWriteArrayList<>();

    /** Each as "caller: statement", in the order they ran. */
    public List<String> seen() {
        return List.copyOf(seen);
    }

    @Override
    public Object postProcessAfterInitialization(Object bean, String beanName) {
        return bean instanceof DataSource dataSource && !(bean instanceof Watched)
                ? new Watched(dataSource, this)
                : bean;
    }

    private void check(String method, Object[] args) {
        if (!STATEMENT_FACTORIES.contains(method) || TransactionSynchronizationManager.isActualTransactionActive()) {
            return;
        }
        String sql = args != null && args.length > 0 && args[0] instanceof String text ? text.strip() : "?";
        if (sql.regionMatches(true, 0, "SELECT", 0, "SELECT".length())) {
            return;
        }
        nurtureCaller().ifPresent(caller -> seen.add(caller + ": " + sql.substring(0, Math.min(80, sql.length()))));
    }

    /** The innermost frame of Nurture's own code, unless a test or Flyway runs the statement. */
    private static Optional<String> nurtureCaller() {
        return STACK.walk(frames -> {
            List<StackWalker.StackFrame> all = frames.toList();
            if (all.stream().anyMatch(frame -> frame.getClassName().startsWith("org.flywaydb."))) {
                return Optional.empty();
            }
            return all.stream()
                    .filter(frame -> frame.getClassName().startsWith("io.nurture."))
                    .filter(frame -> !frame.getClassName().startsWith(WritesOutsideTransactions.class.getName()))
                    .filter(frame ->
                            !frame.getClassName().startsWith("io.nurture.runtime.AutoCommitOutsideTransactions"))
                    .findFirst()
                    .filter(frame -> !isTestCode(frame.getDeclaringClass()))
                    .map(frame -> frame.getClassName() + "." + frame.getMethodName());
        });
    }

    private static boolean isTestCode(Class<?> type) {
        CodeSource source = type.getProtectionDomain().getCodeSource();
        return source != null && source.getLocation().toString().contains("test-classes");
    }

    private static final class Watched extends DelegatingDataSource {

        private final WritesOutsideTransactions recorder;

        Watched(DataSource dataSource, WritesOutsideTransactions recorder) {
            super(dataSource);
            this.recorder = recorder;
        }

        @Override
        public Connection getConnection() throws SQLException {
            return watched(super.getConnection());
        }

        @Override
        public Connection getConnection(String username, String password) throws SQLException {
            return watched(super.getConnection(username, password));
        }

        private Connection watched(Connection connection) {
            return (Connection) Proxy.newProxyInstance(
                    ConnectionProxy.class.getClassLoader(),
                    new Class<?>[] {ConnectionProxy.class},
                    (proxy, method, args) -> {
                        switch (method.getName()) {
                            case "getTargetConnection":
                                return connection instanceof ConnectionProxy inner
                                        ? inner.getTargetConnection()
                                        : connection;
                            case "equals":
                                return proxy == args[0];
                            case "hashCode":
                                return System.identityHashCode(proxy);
                            default:
                                break;
                        }
                        recorder.check(method.getName(), args);
                        try {
                            return method.invoke(connection, args);
                        } catch (InvocationTargetException e) {
                            throw e.getTargetException();
                        }
                    });
        }
    }
}
