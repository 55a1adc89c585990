package io.closeloop.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Pushes events through {@code POST /api/v1/touchpoints/batch} (NDJSON) from several client threads. */
final class IngestClient {

    private static final Pattern ACCEPTED = Pattern.compile("\"accepted\":(\\d+)");

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();
    private final URI batchUri;
    private final String token;

    IngestClient(String baseUrl, String token) {
        this.batchUri = URI.create(baseUrl + "/api/v1/touchpoints/batch");
        this.token = token;
    }

    /** Sends events {@code [0, events)} of {@code run}; fails unless every one is accepted. */
    void run(long run, long events, int batchSize, int clients, Latencies latencies) throws Exception {
        AtomicLong next = new AtomicLong();
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        try {
            List<Future<?>> workers = new ArrayList<>();
            for (int c = 0; c < clients; c++) {
                workers.add(pool.submit(() -> {
                    for (long first = next.getAndAdd(batchSize); first < events; first = next.getAndAdd(batchSize)) {
                        int count = (int) Math.min(batchSize, events - first);
                        byte[] body = BenchEvents.ndjson(run, first, count);
                        long began = System.nanoTime();
                        HttpResponse<String> response = http.send(HttpRequest.newBuilder(batchUri)
                                        .header("Authorization", "Bearer " + token)
                                        .header("Content-Type", "application/x-ndjson")
                                        .timeout(Duration.ofMinutes(2))
                                        .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(),
                                HttpResponse.BodyHandlers.ofString());
                        latencies.add(System.nanoTime() - began);
                        Matcher accepted = ACCEPTED.matcher(response.body());
                        if (response.statusCode() != 200 || !accepted.find()
                                || Integer.parseInt(accepted.group(1)) != count) {
                            throw new IllegalStateException("batch at " + first + ": " + response.statusCode() + " "
                                    + response.body());
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> worker : workers) {
                worker.get();
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
