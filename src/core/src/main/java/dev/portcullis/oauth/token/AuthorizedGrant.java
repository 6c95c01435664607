package dev.portcullis.oauth.token;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * What a user authorized, as the token endpoint starts a token family from it: the grant's id (to revoke what it
 * issued if its code is replayed), the client, the realm user and groups, the granted scopes and resource, and the
 * audit flow of the authorization (null outside one).
 */
public record AuthorizedGrant(String grantId, String clientId, String subject, List<String> groups, List<String> scopes,
        String resource, Instant authenticatedAt, String flowId) {

    public AuthorizedGrant {
        Objects.requireNonNull(clientId, "clientId");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(resource, "resource");
        groups = List.copyOf(groups);
        scopes = List.copyOf(scopes);
    }

    /** Outside an audited flow (client credentials, tests). */
    public AuthorizedGrant(String grantId, String clientId, String subject, List<String> groups, List<String> scopes,
            String resource, Instant authenticatedAt) {
        this(grantId, clientId, subject, groups, scopes, resource, authenticatedAt, null);
    }
}
