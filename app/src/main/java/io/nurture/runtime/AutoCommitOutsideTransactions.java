package io.nurture.runtime;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Set;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.jdbc.datasource.ConnectionProxy;
import org.springframework.jdbc.datasource.DelegatingDataSource;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The pool hands out connections with auto-commit off ({@code spring.datasource.hikari.auto-commit}),
 * so a transaction costs its statements and one COMMIT: with auto-commit on, every transaction also
 * turned it off at its start and the pool on again at its end, two of the three round trips a step's
 * transaction spent beside its queries (30 of 95 per card order, docs/performance.md).
 *
 * <p>What runs outside any transaction (a metrics query, a health check, a test's own insert) is
 * committed when its connection goes back to the pool, as auto-commit would have: without that, the
 * pool would roll such a write back unseen. Statements in a transaction are its manager's to commit.
 * Auto-commit cannot be switched back on for such statements alone: a library that runs its own
 * transaction on the connection (Flyway) would have it committed statement by statement.
 */
@Component
class AutoCommitOutsideTransactions implements BeanPostProcessor {

    private static final Logger LOG = LoggerFactory.getLogger(AutoCommitOutsideTransactions.class);

    private static final Set<String> STATEMENT_FACTORIES = Set.of("createStatement", "prepareStatement", "prepareCall");

    @Override
    public Object postProcessAfterInitialization(Object bean, String beanName) {
        return bean instanceof DataSource dataSource && !(bean instanceof Wrapped) ? new Wrapped(dataSource) : bean;
    }

    private static final class Wrapped extends DelegatingDataSource {

        Wrapped(DataSource pool) {
            super(pool);
        }

        @Override
        public Connection getConnection() throws SQLException {
            return guarded(super.getConnection());
        }

        @Override
        public Connection getConnection(String username, String password) throws SQLException {
            return guarded(super.getConnection(username, password));
        }

        private static Connection guarded(Connection pooled) {
            return (Connection) Proxy.newProxyInstance(
                    ConnectionProxy.class.getClassLoader(),
                    new Class<?>[] {ConnectionProxy.class},
                    new CommitWhatRanAlone(pooled));
        }
    }

    private static final class CommitWhatRanAlone implements InvocationHandler {

        private final Connection pooled;
        private boolean used;
        private boolean alone;

        CommitWhatRanAlone(Connection pooled) {
            this.pooled = pooled;
        }

        @Override
        public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
            switch (method.getName()) {
                case "getTargetConnection":
                    return pooled;
                case "equals":
                    return proxy == args[0];
                case "hashCode":
                    return System.identityHashCode(proxy);
                case "close":
                    try {
                        commitIfAlone();
                    } finally {
                        pooled.close();
                    }
                    return null;
                default:
                    if (!used && STATEMENT_FACTORIES.contains(method.getName())) {
                        used = true;
                        alone = !TransactionSynchronizationManager.isActualTransactionActive();
                    }
                    try {
                        return method.invoke(pooled, args);
                    } catch (InvocationTargetException e) {
                        throw e.getTargetException();
                    }
            }
        }

        /**
         * Spring logs a failed close at debug only, and its caller has returned already: a write lost
         * here must at least be seen. Nurture's own writes (job steps, outbox marks and leases)
         * commit in transactions, which report a failed commit to their caller; what still writes
         * here is tests' own rows and libraries that commit for themselves (Flyway).
         */
        private void commitIfAlone() throws SQLException {
            if (alone && !pooled.isClosed() && !pooled.getAutoCommit()) {
                try {
                    pooled.commit();
                } catch (SQLException e) {
                    LOG.error("What ran outside any transaction on this connection was not committed", e);
                    throw e;
                }
            }
        }
    }
}
