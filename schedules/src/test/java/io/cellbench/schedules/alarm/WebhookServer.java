package io.cellbench.schedules.alarm;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntSupplier;

/** A real HTTP server on 127.0.0.1, port 0, that records what it is sent and answers as told. */
final class WebhookServer implements AutoCloseable {
    record Received(String body, String authorization, String contentType) {
    }

    final List<Received> received = new CopyOnWriteArrayList<>();
    final AtomicInteger requests = new AtomicInteger();
    /** While not released, every request waits (a server that accepts and never answers). */
    volatile CountDownLatch stall = new CountDownLatch(0);
    volatile IntSupplier status = () -> 204;
    private final HttpServer server;

    WebhookServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.createContext("/hook/secret-path", exchange -> {
            requests.incrementAndGet();
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            try {
                stall.await(60, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            int code = status.getAsInt();
            if (code / 100 == 2) {
                received.add(new Received(body, exchange.getRequestHeaders().getFirst("Authorization"),
                        exchange.getRequestHeaders().getFirst("Content-Type")));
            }
            exchange.sendResponseHeaders(code, -1);
            exchange.close();
        });
        server.start();
    }

    URI url() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/hook/secret-path");
    }

    @Override
    public void close() {
        stall.countDown();
        server.stop(0);
    }
}
