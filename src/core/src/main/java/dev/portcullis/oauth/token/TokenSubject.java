package dev.portcullis.oauth.token;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * Whom an access token speaks for and where it may be used: the realm user (or the client itself for
 * client_credentials), the user's realm groups, the resource (the token's {@code aud}), and when the user logged in
 * ({@code null} for client_credentials).
 */
public record TokenSubject(String name, List<String> groups, String resource, Instant authenticatedAt) {

    public TokenSubject {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(resource, "resource");
        groups = List.copyOf(groups);
    }
}
