package io.nurture.testing;

import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.springframework.beans.factory.config.BeanPostProcessor;

/**
 * Fails one chosen commit, as a database whose connection breaks at the commit does: the
 * transaction's work is rolled back and the commit throws. Armed with the start of a statement
 * and a value bound to it (e.g. {@code "update payments"} and an order's id): the first
 * transaction that runs such a statement with that value fails at its commit, once.
 */
public final class CommitFaults implements BeanPostProcessor {

    private final AtomicReference<Trigger> armed = new AtomicReference<>();
    private final AtomicInteger failed = new AtomicInteger();

    private record Trigger(String statementStart, String boundValue) {}

    /** The next commit of a transaction that ran a statement starting so, with {@code boundValue} bound to it, fails. */
    public void failNextCommitAfter(String statementStart, String boundValue) {
        armed.set(new Trigger(statementStart.toLowerCase(Locale.ROOT), boundValue));
    }

    /** Commits failed on purpose so far. */
    public int failedCommits() {
        return failed.get();
    }

    @Override
    public Object postProcessAfterInitialization(Object bean, String beanName) {
        return InterceptedDataSource.around(bean, this, connection -> new Watched(connection)::intercept);
    }

    /** One connection: whether the transaction under way ran the armed statement with the armed value. */
    private final class Watched {

        private final Connection connection;
        private volatile Trigger hit;

        Watched(Connection connection) {
            this.connection = connection;
        }

        Object intercept(Connection target, Method method, Object[] args) throws Throwable {
            switch (method.getName()) {
                case "commit" -> failIfHit();
                case "rollback" -> hit = null;
                default -> {}
            }
            Object result = InterceptedDataSource.call(target, method, args);
            return method.getName().equals("prepareStatement") && result instanceof PreparedStatement statement
                    ? watchedStatement(statement, (String) args[0])
                    : result;
        }

        private void failIfHit() throws SQLException {
            Trigger trigger = hit;
            hit = null;
            if (trigger != null && armed.compareAndSet(trigger, null)) {
                connection.rollback();
                failed.incrementAndGet();
                throw new SQLException("Injected: the connection broke at the commit", "08S01");
            }
        }

        private PreparedStatement watchedStatement(PreparedStatement statement, String sql) {
            Trigger trigger = armed.get();
            if (trigger == null || !sql.strip().toLowerCase(Locale.ROOT).startsWith(trigger.statementStart())) {
                return statement;
            }
            return (PreparedStatement) Proxy.newProxyInstance(
                    PreparedStatement.class.getClassLoader(),
                    new Class<?>[] {PreparedStatement.class},
                    (proxy, method, args) -> {
                        if (method.getName().startsWith("set")
                                && args != null
                                && args.length > 1
                                && trigger.boundValue().equals(String.valueOf(args[1]))) {
                            hit = trigger;
                        }
                        return InterceptedDataSource.call(statement, method, args);
                    });
        }
    }
}
