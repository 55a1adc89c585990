package io.closeloop.infra;

import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;

/** Stands in for a packaged Quarkus service: readiness on the management port, or an early death. */
public final class FakeService {

    public static void main(String[] args) throws Exception {
        System.out.println("fake service starting with http port " + System.getProperty("quarkus.http.port"));
        if (System.getProperty("fake.exit") != null) {
            System.out.println("boom: configuration is wrong");
            System.exit(Integer.parseInt(System.getProperty("fake.exit")));
        }
        int port = Integer.parseInt(System.getProperty("quarkus.management.port"));
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
        server.createContext("/q/health/ready", exchange -> {
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        server.start();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> System.out.println("fake service stopping")));
        Thread.currentThread().join();
    }
}
