package dev.portcullis.oauth.grants;

import java.time.Instant;

/**
 * A registered client as the operator console lists it: its id, claimed name, how it authenticates at the token
 * endpoint, when it registered and was last used, and how many active families it holds. No secret or hash.
 */
public record ClientSummary(
        String clientId,
        String clientName,
        String tokenEndpointAuthMethod,
        Instant issuedAt,
        Instant lastUsedAt,
        long activeFamilies) {}
