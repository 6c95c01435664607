package dev.portcullis.oauth.console;

import dev.portcullis.oauth.authorize.AuthorizationRequestValidator;
import dev.portcullis.oauth.authorize.RedirectUris;
import dev.portcullis.oauth.error.OAuthException;
import dev.portcullis.oauth.grant.ResourceIndicator;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * Whether a known client would get through this server's registration and authorization as the server is
 * configured now, asked of the same rules the endpoints apply (registration's validator, the redirect URI match,
 * the scope and resource checks), without registering anything. The verdict is the client's; each finding says what
 * was checked and, when it fails, what the operator can change.
 */
final class ClientProfileCheck {

    /** One checked step of a client's way in. */
    record Finding(boolean passed, String step, String detail) {}

    /** Every finding of one client; it is ready when all passed. */
    record Verdict(ClientProfile profile, List<Finding> findings) {
        boolean ready() {
            return findings.stream().allMatch(Finding::passed);
        }
    }

    private final UnaryOperator<JsonObject> registration;
    private final Set<String> supportedScopes;
    private final String resource;

    /**
     * @param registration the metadata registration would store for a request body, or an {@link OAuthException}
     * @param resource the configured MCP resource, as tokens name it
     */
    ClientProfileCheck(UnaryOperator<JsonObject> registration, Set<String> supportedScopes, String resource) {
        this.registration = Objects.requireNonNull(registration, "registration");
        this.supportedScopes = Set.copyOf(supportedScopes);
        this.resource = Objects.requireNonNull(resource, "resource");
    }

    Verdict check(ClientProfile profile) {
        List<Finding> findings = new ArrayList<>();
        JsonObject registered;
        try {
            registered = registration.apply(profile.registration());
        } catch (OAuthException e) {
            findings.add(new Finding(
                    false,
                    "Registration",
                    "refused with " + e.error().error() + ": "
                            + Objects.toString(e.error().description(), "")));
            return new Verdict(profile, findings);
        }
        findings.add(new Finding(true, "Registration", "its DCR request is accepted"));
        List<String> redirectUris = strings(registered, "redirect_uris");
        findings.add(RedirectUris.select(redirectUris, profile.redirectUri())
                .map(match -> new Finding(true, "Redirect", profile.redirectUri() + " matches " + match))
                .orElseGet(() ->
                        new Finding(false, "Redirect", profile.redirectUri() + " matches none of " + redirectUris)));
        findings.add(scope(profile));
        if (profile.trailingSlash()) {
            String sent = resource + "/";
            boolean named = ResourceIndicator.names(sent, resource);
            findings.add(new Finding(
                    named,
                    "Resource",
                    named ? "resource " + sent + " names " + resource : "resource " + sent + " gets invalid_target"));
        }
        if (profile.refreshes()) {
            boolean refreshable = strings(registered, "grant_types").contains("refresh_token");
            findings.add(new Finding(
                    refreshable,
                    "Refresh",
                    refreshable
                            ? "registered for the refresh_token grant"
                            : "not registered for refresh_token: it will ask the user to log in again"));
        }
        return new Verdict(profile, findings);
    }

    /** The authorization request's scope as the authorization endpoint treats it. */
    private Finding scope(ClientProfile profile) {
        List<String> requested = Arrays.stream(profile.scope().trim().split(" +"))
                .filter(s -> !s.isEmpty())
                .filter(s -> !AuthorizationRequestValidator.IGNORED_SCOPES.contains(s))
                .toList();
        List<String> unsupported =
                requested.stream().filter(s -> !supportedScopes.contains(s)).toList();
        if (!unsupported.isEmpty()) {
            return new Finding(
                    false,
                    "Scope",
                    "asks for " + String.join(" ", unsupported)
                            + ", which portcullis.oauth.scopes does not list: invalid_scope");
        }
        return new Finding(
                true,
                "Scope",
                requested.isEmpty()
                        ? "asks for no scope: gets its registered or every supported scope"
                        : "asks for " + String.join(" ", requested));
    }

    private static List<String> strings(JsonObject object, String name) {
        JsonValue value = object.get(name);
        if (value == null || value.getValueType() != JsonValue.ValueType.ARRAY) {
            return List.of();
        }
        return value.asJsonArray().stream()
                .filter(JsonString.class::isInstance)
                .map(v -> ((JsonString) v).getString())
                .toList();
    }
}
