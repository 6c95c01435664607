package dev.portcullis.oauth.model;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * What a user authorized, as a redeemed authorization code grants it and the token endpoint starts a token family
 * from it: the user ({@code subject}, realm {@code groups}) who approved {@code scopes} for {@code clientId} on
 * {@code resource}. {@code grantId} is the stable id of the code; tokens issued from the code carry it so that
 * {@link dev.portcullis.oauth.grant.AuthorizationCodeReplayed} can revoke them (null outside a code flow).
 * {@code flowId}: the audit flow of the authorization (may be null).
 *
 * @see <a href="https://www.rfc-editor.org/rfc/rfc6749#section-4.1.3">RFC 6749 section 4.1.3</a>
 * @see <a href="https://www.rfc-editor.org/rfc/rfc8707#section-2.2">RFC 8707 section 2.2</a>
 */
public record AuthorizationGrant(
        String grantId,
        String clientId,
        String subject,
        List<String> groups,
        List<String> scopes,
        String resource,
        Instant authenticatedAt,
        String flowId) {

    public AuthorizationGrant {
        Objects.requireNonNull(clientId, "clientId");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(resource, "resource");
        Objects.requireNonNull(authenticatedAt, "authenticatedAt");
        groups = List.copyOf(groups);
        scopes = List.copyOf(scopes);
    }

    /** Outside an audited flow (client credentials, tests). */
    public AuthorizationGrant(
            String grantId,
            String clientId,
            String subject,
            List<String> groups,
            List<String> scopes,
            String resource,
            Instant authenticatedAt) {
        this(grantId, clientId, subject, groups, scopes, resource, authenticatedAt, null);
    }

    /** The scopes space-separated, as the {@code scope} parameter and claim carry them. */
    public String scope() {
        return String.join(" ", scopes);
    }
}
