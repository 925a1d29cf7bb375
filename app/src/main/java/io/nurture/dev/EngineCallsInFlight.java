package io.nurture.dev;

import io.grpc.CallOptions;
import io.grpc.Channel;
import io.grpc.ClientCall;
import io.grpc.ClientInterceptor;
import io.grpc.ForwardingClientCall;
import io.grpc.ForwardingClientCallListener;
import io.grpc.Metadata;
import io.grpc.MethodDescriptor;
import io.grpc.Status;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.stereotype.Component;

/**
 * The app's requests to the engine that have not been answered yet (a job's completion or failure,
 * a message, a start), for whoever moves the clock: a job's handler returns before the engine has
 * its completion, and a request still on its way when the engine's clock jumps a day times out at
 * once, leaving the job to come back only after its timeout, at a later move (a reminder held for
 * the customer's morning then went out a day late). The job workers' own polls and streams, which
 * stay open while they wait, are not counted. The Camunda client picks up every
 * {@link ClientInterceptor} bean.
 */
@Component
@ConditionalOnExpression(ActivityController.CONDITION)
class EngineCallsInFlight implements ClientInterceptor {

    private final AtomicLong inFlight = new AtomicLong();

    long count() {
        return inFlight.get();
    }

    /**
     * The executor the client schedules a command's resend on, after the engine pushed back or did
     * not answer: a resend waiting for its moment counts as a request in flight, as the request
     * before it did, so the count does not drop to zero in between.
     */
    ScheduledExecutorService countingResends(ScheduledExecutorService executor) {
        return (ScheduledExecutorService) Proxy.newProxyInstance(
                getClass().getClassLoader(), new Class<?>[] {ScheduledExecutorService.class}, (proxy, method, args) -> {
                    boolean resend =
                            method.getName().equals("schedule") && method.getParameterTypes()[0] == Runnable.class;
                    if (resend) {
                        Runnable task = (Runnable) args[0];
                        inFlight.incrementAndGet();
                        args[0] = (Runnable) () -> {
                            try {
                                task.run();
                            } finally {
                                inFlight.decrementAndGet();
                            }
                        };
                    }
                    try {
                        return method.invoke(executor, args);
                    } catch (InvocationTargetException refused) {
                        if (resend) {
                            inFlight.decrementAndGet();
                        }
                        throw refused.getCause();
                    }
                });
    }

    @Override
    public <Q, A> ClientCall<Q, A> interceptCall(MethodDescriptor<Q, A> method, CallOptions options, Channel next) {
        ClientCall<Q, A> call = next.newCall(method, options);
        return method.getType() == MethodDescriptor.MethodType.UNARY ? new Counted<>(call) : call;
    }

    private final class Counted<Q, A> extends ForwardingClientCall.SimpleForwardingClientCall<Q, A> {

        Counted(ClientCall<Q, A> call) {
            super(call);
        }

        @Override
        public void start(Listener<A> listener, Metadata headers) {
            inFlight.incrementAndGet();
            try {
                super.start(new Answered<>(listener), headers);
            } catch (RuntimeException e) {
                inFlight.decrementAndGet();
                throw e;
            }
        }
    }

    private final class Answered<A> extends ForwardingClientCallListener.SimpleForwardingClientCallListener<A> {

        Answered(ClientCall.Listener<A> listener) {
            super(listener);
        }

        /** Counted down after the caller heard the answer, so a command it sends at once in turn is never missed. */
        @Override
        public void onClose(Status status, Metadata trailers) {
            try {
                super.onClose(status, trailers);
            } finally {
                inFlight.decrementAndGet();
            }
        }
    }
}
