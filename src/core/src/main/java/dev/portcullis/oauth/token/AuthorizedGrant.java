package dev.portcullis.oauth.token;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * What a user authorized, as the token endpoint starts a token family from it: the grant's id (to revoke what it
 * issued if its code is replayed), the client, the realm user and groups, the granted scopes and resource.
 */
public record AuthorizedGrant(String grantId, String clientId, String subject, List<String> groups, List<String> scopes,
        String resource, Instant authenticatedAt) {

    public AuthorizedGrant {
        Objects.requireNonNull(clientId, "clientId");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(resource, "resource");
        groups = List.copyOf(groups);
        scopes = List.copyOf(scopes);
    }
}
