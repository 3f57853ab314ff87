package dev.returnsync.supplier.http;

import java.io.ByteArrayOutputStream;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;

/**
 * A response body read up to a limit: an answer that declares a longer {@code Content-Length} is not read at all,
 * and one that streams more is cut off (the subscription is cancelled, which closes the connection) as soon as it
 * passes the limit. At most {@code limit} bytes are ever held.
 *
 * @param bytes the body, or as much of it as was read
 * @param overflowed true if the answer was longer than the limit; {@link #bytes()} is then incomplete
 */
record LimitedBody(byte[] bytes, boolean overflowed) {
    /** A body handler that reads at most {@code limit} bytes of any answer. */
    static HttpResponse.BodyHandler<LimitedBody> handler(int limit) {
        return info -> new Subscriber(limit, info.headers().firstValueAsLong("Content-Length").orElse(-1));
    }

    private static final class Subscriber implements HttpResponse.BodySubscriber<LimitedBody> {
        private final int limit;
        private final long declared;
        private final CompletableFuture<LimitedBody> result = new CompletableFuture<>();
        private final ByteArrayOutputStream read = new ByteArrayOutputStream();
        private Flow.Subscription subscription;

        Subscriber(int limit, long declared) {
            this.limit = limit;
            this.declared = declared;
        }

        @Override
        public CompletionStage<LimitedBody> getBody() {
            return result;
        }

        @Override
        public void onSubscribe(Flow.Subscription s) {
            subscription = s;
            if (declared > limit) {
                overflow();
            } else {
                s.request(Long.MAX_VALUE);
            }
        }

        @Override
        public void onNext(List<ByteBuffer> buffers) {
            for (ByteBuffer buffer : buffers) {
                if (result.isDone()) {
                    return;
                }
                if ((long) read.size() + buffer.remaining() > limit) {
                    overflow();
                    return;
                }
                byte[] chunk = new byte[buffer.remaining()];
                buffer.get(chunk);
                read.writeBytes(chunk);
            }
        }

        private void overflow() {
            subscription.cancel();
            result.complete(new LimitedBody(read.toByteArray(), true));
        }

        @Override
        public void onError(Throwable failure) {
            result.completeExceptionally(failure);
        }

        @Override
        public void onComplete() {
            result.complete(new LimitedBody(read.toByteArray(), false));
        }
    }
}
