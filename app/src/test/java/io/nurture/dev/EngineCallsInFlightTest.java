package io.nurture.dev;

import static org.assertj.core.api.Assertions.assertThat;

import io.grpc.CallOptions;
import io.grpc.ClientCall;
import io.grpc.Metadata;
import io.grpc.MethodDescriptor;
import io.grpc.Status;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class EngineCallsInFlightTest {

    private final EngineCallsInFlight calls = new EngineCallsInFlight();
    private final FakeGateway gateway = new FakeGateway();

    @Test
    void aJobsCompletionCountsUntilTheEngineAnswers() {
        ClientCall<String, String> completion = calls.interceptCall(
                FakeGateway.method("CompleteJob", MethodDescriptor.MethodType.UNARY), CallOptions.DEFAULT, gateway);

        completion.start(new ClientCall.Listener<>() {}, new Metadata());

        assertThat(calls.count()).isEqualTo(1);
        gateway.answer(Status.OK);
        assertThat(calls.count()).isZero();
    }

    @Test
    void aRequestThatTimedOutIsNoLongerInFlight() {
        ClientCall<String, String> message = calls.interceptCall(
                FakeGateway.method("PublishMessage", MethodDescriptor.MethodType.UNARY), CallOptions.DEFAULT, gateway);
        message.start(new ClientCall.Listener<>() {}, new Metadata());

        gateway.answer(Status.DEADLINE_EXCEEDED);

        assertThat(calls.count()).isZero();
    }

    @Test
    void aCommandSentAsTheAnswerArrivesIsCountedBeforeTheAnswerIsCountedDown() {
        AtomicLong seenByTheCaller = new AtomicLong(-1);
        ClientCall<String, String> completion = calls.interceptCall(
                FakeGateway.method("CompleteJob", MethodDescriptor.MethodType.UNARY), CallOptions.DEFAULT, gateway);
        completion.start(
                new ClientCall.Listener<>() {
                    @Override
                    public void onClose(Status status, Metadata trailers) {
                        seenByTheCaller.set(calls.count());
                    }
                },
                new Metadata());

        gateway.answer(Status.UNAVAILABLE);

        assertThat(seenByTheCaller).hasValue(1);
    }

    @Test
    void aCommandResentAfterABackoffCountsWhileItWaits() throws Exception {
        ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor();
        CountDownLatch backoffOver = new CountDownLatch(1);
        try {
            Runnable resending = () -> {
                try {
                    backoffOver.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            };
            ScheduledFuture<?> resend = calls.countingResends(executor).schedule(resending, 0, TimeUnit.MILLISECONDS);

            assertThat(calls.count()).isEqualTo(1);
            backoffOver.countDown();
            resend.get();
            assertThat(calls.count()).isZero();
        } finally {
            executor.shutdownNow();
        }
    }

    @Test
    void aJobWorkersOpenPollIsNotARequestAwaitingItsAnswer() {
        ClientCall<String, String> poll = calls.interceptCall(
                FakeGateway.method("ActivateJobs", MethodDescriptor.MethodType.SERVER_STREAMING),
                CallOptions.DEFAULT,
                gateway);

        poll.start(new ClientCall.Listener<>() {}, new Metadata());

        assertThat(calls.count()).isZero();
    }
}
