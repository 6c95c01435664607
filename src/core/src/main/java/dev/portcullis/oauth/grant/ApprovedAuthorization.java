package dev.portcullis.oauth.grant;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * An authorization request the user approved, everything a code gets bound to. {@code redirectUriGiven} says
 * whether the request named the redirect URI (then the token request must name the same one). {@code flowId} is the
 * audit flow the authorization endpoint started (may be null).
 *
 * @see <a href="https://www.rfc-editor.org/rfc/rfc6749#section-4.1.3">RFC 6749 section 4.1.3</a>
 */
public record ApprovedAuthorization(
        String clientId,
        String redirectUri,
        boolean redirectUriGiven,
        String codeChallenge,
        String resource,
        List<String> scopes,
        String subject,
        List<String> groups,
        Instant authenticatedAt,
        String flowId) {

    public ApprovedAuthorization {
        Objects.requireNonNull(clientId, "clientId");
        Objects.requireNonNull(redirectUri, "redirectUri");
        Objects.requireNonNull(codeChallenge, "codeChallenge");
        Objects.requireNonNull(resource, "resource");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(authenticatedAt, "authenticatedAt");
        scopes = List.copyOf(scopes);
        groups = List.copyOf(groups);
    }

    /** Outside an audited flow. */
    public ApprovedAuthorization(
            String clientId,
            String redirectUri,
            boolean redirectUriGiven,
            String codeChallenge,
            String resource,
            List<String> scopes,
            String subject,
            List<String> groups,
            Instant authenticatedAt) {
        this(
                clientId,
                redirectUri,
                redirectUriGiven,
                codeChallenge,
                resource,
                scopes,
                subject,
                groups,
                authenticatedAt,
                null);
    }
}
