package dev.campaignkeeper.bot.e2e;

import java.time.Instant;
import java.util.Objects;

/**
 * One REST request the fake received, as classified by it, with the status it answered.
 *
 * @param endpoint      the endpoint it was classified as
 * @param method        HTTP method
 * @param path          path below {@code /api/v10}, without the query
 * @param query         raw query string, empty if none
 * @param body          request body as text (for multipart bodies: the {@code payload_json} part)
 * @param authorization the Authorization header, empty if absent
 * @param status        the HTTP status the fake answered
 * @param injectedFault whether the answer was an injected fault
 * @param receivedAt    when the fake received it
 */
public record RecordedCall(Endpoint endpoint, String method, String path, String query, String body,
                           String authorization, int status, boolean injectedFault, Instant receivedAt) {

    /** Validates the fields. */
    public RecordedCall {
        Objects.requireNonNull(endpoint, "endpoint");
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(query, "query");
        Objects.requireNonNull(body, "body");
        Objects.requireNonNull(authorization, "authorization");
        Objects.requireNonNull(receivedAt, "receivedAt");
    }

    @Override
    public String toString() {
        return receivedAt + " " + method + " " + path + (query.isEmpty() ? "" : "?" + query) + " -> " + status
                + (injectedFault ? " (injected)" : "") + " [" + endpoint + "]";
    }
}
