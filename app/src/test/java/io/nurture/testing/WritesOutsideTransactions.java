package io.nurture.testing;

import java.security.CodeSource;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Records every statement that may write and that Nurture's own code (not a test's, not Flyway's)
 * starts outside any transaction. The pool hands out connections with auto-commit off, and such a
 * write is committed only when its connection goes back, where a failed commit reaches no caller: a
 * job step's effect could be lost while its job completes. Nurture's writes belong in transactions.
 */
public final class WritesOutsideTransactions implements BeanPostProcessor {

    private static final Set<String> STATEMENT_FACTORIES = Set.of("createStatement", "prepareStatement", "prepareCall");
    /**
     * The test kit's own frames: its connection wrappers (this one, {@link CommitFaults}) stand between
     * Nurture's code and the driver, and its helpers write only the tests' own rows.
     */
    private static final String TEST_KIT = WritesOutsideTransactions.class.getPackageName() + ".";

    private static final StackWalker STACK = StackWalker.getInstance(StackWalker.Option.RETAIN_CLASS_REFERENCE);

    private final List<String> seen = new CopyOnWriteArrayList<>();

    /** Each as "caller: statement", in the order they ran. */
    public List<String> seen() {
        return List.copyOf(seen);
    }

    @Override
    public Object postProcessAfterInitialization(Object bean, String beanName) {
        return InterceptedDataSource.around(bean, this, connection -> (target, method, args) -> {
            check(method.getName(), args);
            return InterceptedDataSource.call(target, method, args);
        });
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
                    .filter(frame -> !frame.getClassName().startsWith(TEST_KIT))
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
}
