package io.nurture.dev;

import io.grpc.CallOptions;
import io.grpc.Channel;
import io.grpc.ClientCall;
import io.grpc.Metadata;
import io.grpc.MethodDescriptor;
import io.grpc.Status;
import java.io.ByteArrayInputStream;
import java.io.InputStream;

/** A gateway that answers the last call started when the test says so. */
final class FakeGateway extends Channel {

    static MethodDescriptor<String, String> method(String name, MethodDescriptor.MethodType type) {
        return MethodDescriptor.<String, String>newBuilder()
                .setType(type)
                .setFullMethodName(MethodDescriptor.generateFullMethodName("gateway_protocol.Gateway", name))
                .setRequestMarshaller(Text.MARSHALLER)
                .setResponseMarshaller(Text.MARSHALLER)
                .build();
    }

    private ClientCall.Listener<?> listener;

    void answer(Status status) {
        listener.onClose(status, new Metadata());
    }

    @Override
    public <Q, A> ClientCall<Q, A> newCall(MethodDescriptor<Q, A> method, CallOptions options) {
        return new ClientCall<>() {
            @Override
            public void start(Listener<A> responseListener, Metadata headers) {
                listener = responseListener;
            }

            @Override
            public void request(int numMessages) {}

            @Override
            public void cancel(String message, Throwable cause) {}

            @Override
            public void halfClose() {}

            @Override
            public void sendMessage(Q message) {}
        };
    }

    @Override
    public String authority() {
        return "gateway";
    }

    private static final class Text implements MethodDescriptor.Marshaller<String> {

        static final Text MARSHALLER = new Text();

        @Override
        public InputStream stream(String value) {
            return new ByteArrayInputStream(value.getBytes());
        }

        @Override
        public String parse(InputStream stream) {
            return "";
        }
    }
}
