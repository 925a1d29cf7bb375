package io.nurture.testing;

import io.grpc.CallOptions;
import io.grpc.Channel;
import io.grpc.ClientCall;
import io.grpc.ClientInterceptor;
import io.grpc.Metadata;
import io.grpc.MethodDescriptor;
import io.grpc.Status;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.stereotype.Component;

/**
 * Fault injection for tests (component-scanned from the test classpath, inert until armed): the
 * next calls of an armed gateway method are answered RESOURCE_EXHAUSTED, as a busy cluster answers
 * under back-pressure. The Camunda client picks up every {@link ClientInterceptor} bean.
 */
@Component
public class EngineBackPressure implements ClientInterceptor {

    private final Map<String, AtomicInteger> armed = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> refused = new ConcurrentHashMap<>();

    public void refuseNext(String gatewayMethod, int times) {
        armed.computeIfAbsent(gatewayMethod, method -> new AtomicInteger()).addAndGet(times);
    }

    public int refusedCalls(String gatewayMethod) {
        return refused.getOrDefault(gatewayMethod, new AtomicInteger()).get();
    }

    public void reset() {
        armed.clear();
        refused.clear();
    }

    @Override
    public <Q, A> ClientCall<Q, A> interceptCall(MethodDescriptor<Q, A> method, CallOptions options, Channel next) {
        String name = method.getBareMethodName();
        AtomicInteger left = armed.get(name);
        if (left == null || left.getAndUpdate(n -> Math.max(n - 1, 0)) == 0) {
            return next.newCall(method, options);
        }
        refused.computeIfAbsent(name, m -> new AtomicInteger()).incrementAndGet();
        return new Refused<>();
    }

    private static final class Refused<Q, A> extends ClientCall<Q, A> {

        private Listener<A> listener;

        @Override
        public void start(Listener<A> responseListener, Metadata headers) {
            listener = responseListener;
        }

        @Override
        public void request(int numMessages) {}

        @Override
        public void cancel(String message, Throwable cause) {}

        @Override
        public void halfClose() {
            listener.onClose(Status.RESOURCE_EXHAUSTED.withDescription("Injected back-pressure"), new Metadata());
        }

        @Override
        public void sendMessage(Q message) {}
    }
}
