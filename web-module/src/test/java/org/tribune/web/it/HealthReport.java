package org.tribune.web.it;

import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.StringReader;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * What {@code /health} answered: the HTTP status, its content type, the overall status and the
 * status of each named check ("UP", "DOWN").
 */
record HealthReport(int httpStatus, String contentType, String status, Map<String, String> checks) {

  static HealthReport of(TribuneServer server) throws IOException, InterruptedException {
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    HttpResponse<String> response =
        http.send(
            HttpRequest.newBuilder(server.uri("/health")).timeout(Duration.ofSeconds(30)).build(),
            HttpResponse.BodyHandlers.ofString());
    JsonObject json;
    try (JsonReader reader = Json.createReader(new StringReader(response.body()))) {
      json = reader.readObject();
    } catch (JsonException e) {
      throw new AssertionError("/health did not answer JSON: " + response.body(), e);
    }
    Map<String, String> checks =
        json.getJsonArray("checks").getValuesAs(JsonValue::asJsonObject).stream()
            .collect(
                Collectors.toMap(
                    check -> check.getString("name"),
                    check -> check.getString("status"),
                    (first, second) -> first + " and " + second));
    return new HealthReport(
        response.statusCode(),
        response.headers().firstValue("Content-Type").orElse(""),
        json.getString("status"),
        checks);
  }

  /** The status of the two database checks; "missing" for one that is not reported. */
  Map<String, String> databaseChecks() {
    return Map.of(
        "articles-database", checks.getOrDefault("articles-database", "missing"),
        "comments-database", checks.getOrDefault("comments-database", "missing"));
  }
}
