package io.loadsmith.tool.k6;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.loadsmith.tool.LiveReader;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * k6's figures so far, from its REST API (the address its command line gives it):
 * {@code http_reqs} counts the requests, {@code http_req_failed} is the rate of failed ones,
 * {@code http_req_duration} has a p(95) of all requests so far. Nothing until k6 serves them (it
 * starts its API server once the script has loaded).
 */
final class K6LiveReader implements LiveReader {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final String metrics;
    private HttpClient http;

    /** @param address host:port of k6's REST API, or null when the command gives none */
    K6LiveReader(String address) {
        this.metrics = address == null ? null : "http://" + address + "/v1/metrics/";
    }

    @Override
    public Snapshot read() {
        if (metrics == null) {
            return null;
        }
        if (http == null) {
            http = HttpClient.newBuilder().connectTimeout(Duration.ofMillis(500)).build();
        }
        JsonNode count = metric("http_reqs");
        if (count == null) {
            return null;
        }
        long requests = count.path("count").asLong();
        JsonNode failed = metric("http_req_failed");
        JsonNode duration = metric("http_req_duration");
        return new Snapshot(requests, failed == null ? 0 : Math.round(failed.path("rate").asDouble() * requests),
                duration == null || !duration.has("p(95)") ? null : duration.path("p(95)").asDouble());
    }

    private JsonNode metric(String name) {
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(metrics + name))
                    .timeout(Duration.ofMillis(800)).GET().build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                return null;
            }
            return JSON.readTree(response.body()).path("data").path("attributes").path("sample");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        } catch (IOException e) {
            // not serving yet, or gone: no figures this time
            return null;
        }
    }
}
