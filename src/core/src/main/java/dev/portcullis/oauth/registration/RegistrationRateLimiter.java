package dev.portcullis.oauth.registration;

import dev.portcullis.config.AuthServerConfig;
import dev.portcullis.oauth.error.OAuthError;
import dev.portcullis.oauth.error.OAuthException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.net.URI;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Limits registrations per client software, not per IP address: hosted MCP clients share egress addresses, and
 * one misbehaving piece of software should not lock out the rest. The key is the {@code software_id} when the
 * client sends one, else its {@code client_name} plus the hosts of its redirect URIs. Fixed windows, in memory
 * (per server): {@code portcullis.oauth.registration.rate-limit} registrations per {@code rate-window}. Invalid
 * requests are refunded, so a client fixing its metadata is not locked out by its own mistakes.
 */
@ApplicationScoped
public class RegistrationRateLimiter {

    private static final int MAX_TRACKED = 10_000;

    @Inject
    private AuthServerConfig config;

    private final Map<String, Window> windows = new ConcurrentHashMap<>();

    /** Counts one registration attempt for the request's software; throws 429 once the limit is passed. */
    public void acquire(JsonValue request) {
        long now = System.currentTimeMillis();
        long windowMillis = config.registrationRateWindow().toMillis();
        int limit = config.registrationRateLimit();
        if (windows.size() > MAX_TRACKED) {
            windows.values().removeIf(w -> now - w.start >= windowMillis);
        }
        Window window = windows.compute(softwareKey(request),
                (key, w) -> w == null || now - w.start >= windowMillis ? new Window(now, 1) : new Window(w.start, w.count + 1));
        if (window.count > limit) {
            throw new OAuthException(new OAuthError(OAuthError.TEMPORARILY_UNAVAILABLE,
                    "too many registrations for this client software; retry later", 429));
        }
    }

    /** Gives back an attempt that registered nothing (it was invalid), so only stored registrations count. */
    public void release(JsonValue request) {
        windows.computeIfPresent(softwareKey(request), (key, w) -> new Window(w.start, Math.max(0, w.count - 1)));
    }

    /** What identifies the client software behind a registration request. */
    static String softwareKey(JsonValue request) {
        if (request == null || request.getValueType() != JsonValue.ValueType.OBJECT) {
            return "malformed";
        }
        JsonObject body = request.asJsonObject();
        String softwareId = text(body.get("software_id"));
        if (softwareId != null) {
            return "software_id:" + softwareId;
        }
        TreeSet<String> hosts = new TreeSet<>();
        JsonValue uris = body.get("redirect_uris");
        if (uris != null && uris.getValueType() == JsonValue.ValueType.ARRAY) {
            for (JsonValue uri : uris.asJsonArray()) {
                hosts.add(hostOf(text(uri)));
            }
        }
        String name = text(body.get("client_name"));
        return "name:" + (name == null ? "" : name.trim().toLowerCase(Locale.ROOT)) + "|hosts:" + hosts;
    }

    private static String hostOf(String uri) {
        if (uri == null) {
            return "";
        }
        try {
            URI parsed = new URI(uri);
            return parsed.getHost() != null ? parsed.getHost().toLowerCase(Locale.ROOT) : String.valueOf(parsed.getScheme());
        } catch (java.net.URISyntaxException e) {
            return "invalid";
        }
    }

    private static String text(JsonValue value) {
        return value != null && value.getValueType() == JsonValue.ValueType.STRING ? ((JsonString) value).getString() : null;
    }

    private record Window(long start, int count) {
    }
}
