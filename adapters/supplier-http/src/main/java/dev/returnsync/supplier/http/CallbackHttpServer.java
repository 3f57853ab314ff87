package dev.returnsync.supplier.http;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * A small HTTP/1.1 server for the webhook, built so that slow or stalled clients cannot take it down. One selector
 * thread reads every connection without blocking, with a <b>deadline per request</b>: the head and the body must
 * arrive within the read timeout of the connection's opening, or the connection is answered 408 and closed. Only a
 * complete request (head at most 8 KiB, a {@code Content-Length} body at most the body limit) goes to one of the
 * worker threads, so a stalled client costs a buffer and a connection slot, never a worker. At most
 * {@code maxConnections} connections are open at once; a new one beyond takes the place of the connection that has
 * waited longest for its request, so stalled clients cannot hold every slot. Each connection carries one request
 * ({@code Connection: close}); bodies in {@code Transfer-Encoding} are refused with 411.
 *
 * <p>It is one host of {@link SupplierWebhook#handle(WebhookRequest)}: it turns each complete request into a
 * {@link WebhookRequest} and writes the {@link WebhookResponse} back, as a servlet or a Spring MVC controller would.
 */
final class CallbackHttpServer implements AutoCloseable {
    /** The largest request head read. */
    static final int MAX_HEAD = 8 * 1024;

    private static final Logger LOG = LoggerFactory.getLogger(CallbackHttpServer.class);
    private static final int BLANK_LINE = ('\r' << 24) | ('\n' << 16) | ('\r' << 8) | '\n';
    private static final byte[] CONTINUE = "HTTP/1.1 100 Continue\r\n\r\n".getBytes(StandardCharsets.US_ASCII);

    private final Function<WebhookRequest, WebhookResponse> handler;
    private final long timeoutNanos;
    private final int maxConnections;
    private final int maxBody;
    private final Selector selector;
    private final ServerSocketChannel listener;
    private final ExecutorService workers;
    private final Queue<Runnable> toSelector = new ConcurrentLinkedQueue<>();
    private final Set<Connection> open = new LinkedHashSet<>(); // in the order accepted
    private final ByteBuffer input = ByteBuffer.allocate(8 * 1024); // the selector thread's, emptied by each read
    private final Thread loop;
    private volatile boolean running = true;

    CallbackHttpServer(InetSocketAddress address, Function<WebhookRequest, WebhookResponse> handler, int threads, Duration readTimeout,
                       int maxConnections, int maxBody) throws IOException {
        this.handler = handler;
        this.timeoutNanos = readTimeout.toNanos();
        this.maxConnections = maxConnections;
        this.maxBody = maxBody;
        this.selector = Selector.open();
        this.listener = ServerSocketChannel.open();
        try {
            listener.bind(address, 128);
            listener.configureBlocking(false);
            listener.register(selector, SelectionKey.OP_ACCEPT);
        } catch (IOException e) {
            listener.close();
            selector.close();
            throw e;
        }
        AtomicInteger n = new AtomicInteger();
        this.workers = new ThreadPoolExecutor(threads, threads, 0, TimeUnit.MILLISECONDS, new LinkedBlockingQueue<>(),
                r -> daemon(r, "returnsync-webhook-worker-" + n.incrementAndGet()));
        this.loop = daemon(this::run, "returnsync-webhook-io");
        loop.start();
    }

    private static Thread daemon(Runnable r, String name) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        return t;
    }

    /** The bound address. */
    InetSocketAddress address() {
        try {
            return (InetSocketAddress) listener.getLocalAddress();
        } catch (IOException e) {
            throw new IllegalStateException("the webhook server is closed", e);
        }
    }

    private void run() {
        long tick = Math.max(10, Math.min(100, TimeUnit.NANOSECONDS.toMillis(timeoutNanos) / 4));
        while (running) {
            try {
                selector.select(tick);
                for (Iterator<SelectionKey> it = selector.selectedKeys().iterator(); it.hasNext(); ) {
                    SelectionKey key = it.next();
                    it.remove();
                    if (!key.isValid()) {
                        continue;
                    }
                    if (key.isAcceptable()) {
                        accept();
                    } else {
                        ((Connection) key.attachment()).ready(key);
                    }
                }
                for (Runnable task; (task = toSelector.poll()) != null; ) {
                    task.run();
                }
                long now = System.nanoTime();
                for (Connection c : Set.copyOf(open)) {
                    c.expire(now);
                }
            } catch (IOException | RuntimeException e) {
                LOG.warn("webhook server loop: {}", e.getClass().getName());
            }
        }
    }

    private void accept() throws IOException {
        for (SocketChannel channel; (channel = listener.accept()) != null; ) {
            if (open.size() >= maxConnections && !evictOldestUnfinished()) {
                channel.close();
                continue;
            }
            channel.configureBlocking(false);
            channel.setOption(StandardSocketOptions.TCP_NODELAY, true);
            Connection c = new Connection(channel, System.nanoTime() + timeoutNanos);
            c.key = channel.register(selector, SelectionKey.OP_READ, c);
            open.add(c);
        }
    }

    /**
     * Makes room for a new connection by closing the one that has waited longest for its request; false if every
     * open connection has a complete request (then the new one is closed instead).
     */
    private boolean evictOldestUnfinished() {
        for (Connection c : open) {
            if (!c.answering) {
                c.close();
                return true;
            }
        }
        return false;
    }

    /** The request line and headers of a request (lower-case names, first value), read before its body. */
    private record Head(String method, String target, Map<String, String> headers) {
    }

    /** One connection, driven by the selector thread only. */
    private final class Connection {
        private final SocketChannel channel;
        private final ByteArrayOutputStream head = new ByteArrayOutputStream();
        private SelectionKey key;
        private long deadline;
        private Head request;
        private byte[] body;
        private int bodyRead;
        private int lastFour;
        private ByteBuffer output;
        private boolean answering;
        private boolean draining;

        Connection(SocketChannel channel, long deadline) {
            this.channel = channel;
            this.deadline = deadline;
        }

        void ready(SelectionKey k) {
            try {
                if (k.isReadable()) {
                    read();
                }
                if (k.isValid() && k.isWritable()) {
                    write();
                }
            } catch (IOException | RuntimeException e) {
                close();
            }
        }

        private void read() throws IOException {
            input.clear();
            int n = channel.read(input);
            if (n < 0) {
                close();
                return;
            }
            input.flip();
            if (draining) {
                return; // what a refused client still sends is read and dropped, so closing does not reset the answer
            }
            while (input.hasRemaining() && !answering) {
                if (request == null) {
                    readHead();
                } else {
                    int take = Math.min(input.remaining(), body.length - bodyRead);
                    input.get(body, bodyRead, take);
                    bodyRead += take;
                }
                if (request != null && bodyRead == body.length) {
                    dispatch();
                }
            }
        }

        private void readHead() {
            while (input.hasRemaining()) {
                byte b = input.get();
                head.write(b);
                lastFour = (lastFour << 8) | (b & 0xff);
                if (lastFour == BLANK_LINE) {
                    parseHead();
                    return;
                }
                if (head.size() >= MAX_HEAD) {
                    answer(431, "header_too_large");
                    return;
                }
            }
        }

        private void parseHead() {
            String[] lines = head.toString(StandardCharsets.ISO_8859_1).split("\r\n");
            String[] start = lines[0].split(" ", -1);
            if (start.length != 3 || !start[0].matches("[A-Z]{1,16}") || !start[1].startsWith("/")
                    || !(start[2].equals("HTTP/1.1") || start[2].equals("HTTP/1.0"))) {
                answer(400, "bad_request");
                return;
            }
            Map<String, String> headers = new HashMap<>();
            for (int i = 1; i < lines.length; i++) {
                int colon = lines[i].indexOf(':');
                if (colon <= 0 || !lines[i].substring(0, colon).matches("[!#$%&'*+.^_`|~0-9A-Za-z-]+")) {
                    answer(400, "bad_request");
                    return;
                }
                String name = lines[i].substring(0, colon).toLowerCase(Locale.ROOT);
                String value = lines[i].substring(colon + 1).trim();
                String before = headers.putIfAbsent(name, value);
                if (name.equals("content-length") && before != null && !before.equals(value)) {
                    answer(400, "bad_request");
                    return;
                }
            }
            if (headers.containsKey("transfer-encoding")) {
                answer(411, "length_required");
                return;
            }
            String length = headers.getOrDefault("content-length", "0");
            if (!length.matches("[0-9]{1,10}")) {
                answer(length.matches("[0-9]+") ? 413 : 400, length.matches("[0-9]+") ? "too_large" : "bad_request");
                return;
            }
            long declared = Long.parseLong(length);
            if (declared > maxBody) {
                answer(413, "too_large");
                return;
            }
            body = new byte[(int) declared];
            request = new Head(start[0], start[1], headers);
            if (declared > 0 && "100-continue".equalsIgnoreCase(headers.get("expect"))) {
                output = ByteBuffer.wrap(CONTINUE);
                key.interestOps(SelectionKey.OP_READ | SelectionKey.OP_WRITE);
            }
        }

        private void dispatch() {
            answering = true;
            output = null; // a pending "100 Continue" is moot: the whole body is here
            key.interestOps(0);
            WebhookRequest complete = new WebhookRequest(request.method(), request.target(), request.headers(), body);
            workers.execute(() -> {
                WebhookResponse response = WebhookResponse.error(500, "internal");
                try {
                    response = handler.apply(complete);
                } catch (RuntimeException e) {
                    LOG.warn("webhook handler failed: {}", e.getClass().getName());
                } finally {
                    WebhookResponse done = response; // even an Error answers, so the connection is never left waiting
                    toSelector.add(() -> send(done));
                    selector.wakeup();
                }
            });
        }

        private void answer(int status, String code) {
            answering = true;
            send(WebhookResponse.error(status, code));
        }

        private void send(WebhookResponse response) {
            if (!channel.isOpen()) {
                return;
            }
            StringBuilder head = new StringBuilder("HTTP/1.1 ").append(response.status()).append(' ')
                    .append(phrase(response.status())).append("\r\n");
            response.headers().forEach((k, v) -> head.append(k).append(": ").append(v).append("\r\n"));
            byte[] content = response.body();
            head.append("Content-Length: ").append(content.length).append("\r\nConnection: close\r\n\r\n");
            byte[] top = head.toString().getBytes(StandardCharsets.ISO_8859_1);
            ByteBuffer all = ByteBuffer.allocate(top.length + content.length).put(top).put(content);
            output = all.flip();
            answering = true;
            deadline = System.nanoTime() + timeoutNanos;
            key.interestOps(SelectionKey.OP_WRITE);
            try {
                write();
            } catch (IOException e) {
                close();
            }
        }

        private void write() throws IOException {
            if (output == null) {
                key.interestOps(SelectionKey.OP_READ);
                return;
            }
            channel.write(output);
            if (output.hasRemaining()) {
                return;
            }
            output = null;
            if (answering) {
                channel.shutdownOutput();
                if (request != null && bodyRead == body.length) {
                    close();
                } else {
                    draining = true;
                    deadline = System.nanoTime() + Math.min(timeoutNanos, TimeUnit.SECONDS.toNanos(1));
                    key.interestOps(SelectionKey.OP_READ);
                }
            } else {
                key.interestOps(SelectionKey.OP_READ);
            }
        }

        void expire(long now) {
            if (now - deadline < 0 || (answering && output == null && !draining)) {
                return; // in time, or with a worker (its time is not the client's)
            }
            if (!answering) {
                answer(408, "request_timeout");
                if (channel.isOpen() && !draining) {
                    close(); // the 408 did not go out at once
                }
            } else {
                close();
            }
        }

        void close() {
            open.remove(this);
            key.cancel();
            try {
                channel.close();
            } catch (IOException e) {
                // nothing left to do with it
            }
        }
    }

    private static String phrase(int status) {
        switch (status) {
            case 200: return "OK";
            case 400: return "Bad Request";
            case 401: return "Unauthorized";
            case 404: return "Not Found";
            case 405: return "Method Not Allowed";
            case 408: return "Request Timeout";
            case 409: return "Conflict";
            case 411: return "Length Required";
            case 413: return "Content Too Large";
            case 422: return "Unprocessable Content";
            case 431: return "Request Header Fields Too Large";
            case 503: return "Service Unavailable";
            default: return "Status";
        }
    }

    /** Stops accepting, closes every connection and stops the threads. */
    @Override
    public void close() {
        running = false;
        selector.wakeup();
        try {
            loop.join(TimeUnit.SECONDS.toMillis(5));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        for (Connection c : Set.copyOf(open)) {
            c.close();
        }
        try {
            listener.close();
            selector.close();
        } catch (IOException e) {
            // closed anyway
        }
        workers.shutdownNow();
        try {
            workers.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
