package dev.portcullis.oauth.grants;

import java.time.Instant;

/**
 * One active token family: a user's grant to a client (what a refresh token and the access tokens issued from it
 * carry), without any token. {@code lastUsedAt} is the family's newest refresh token's issue time, else its start.
 */
public record ActiveGrant(
        String familyId,
        String clientId,
        String subject,
        String scope,
        Instant createdAt,
        Instant lastUsedAt,
        Instant expiresAt) {}
