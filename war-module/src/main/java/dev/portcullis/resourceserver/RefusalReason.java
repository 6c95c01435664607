package dev.portcullis.resourceserver;

import dev.portcullis.oauth.keys.NimbusJose;
import dev.portcullis.oauth.keys.SigningKey;
import java.time.Instant;
import java.util.Date;
import java.util.List;

/**
 * Why MicroProfile JWT refused a bearer token, for the audit record ({@code bearer.refused}): MicroProfile JWT only
 * logs it. When {@code /mcp} trusts the built-in authorization server, the signature is checked first against its
 * own published keys: a token they do not verify is {@code signature} whatever its claims say, so a forger cannot
 * make the record read "expired". Only a verified token (or, with an external IdP, whose keys are not at hand here,
 * any token) is told apart by its claims: expired, another audience, another issuer; a verified token with none
 * of these wrong (not yet valid, say) is {@code invalid}.
 */
final class RefusalReason {

    private RefusalReason() {}

    /** @param ownKeys the built-in server's published keys, or null with an external issuer */
    static String of(String authorization, String resource, String issuer, List<SigningKey> ownKeys) {
        String raw = authorization == null || authorization.length() < 7
                ? null
                : authorization.substring(7).trim();
        boolean verified = ownKeys != null && raw != null && NimbusJose.verify(raw, ownKeys) != null;
        return NimbusJose.unverifiedClaims(raw)
                .map(claims -> {
                    if (ownKeys != null && !verified) {
                        return "signature";
                    }
                    Date exp = claims.getExpirationTime();
                    if (exp != null && !exp.toInstant().isAfter(Instant.now())) {
                        return "expired";
                    }
                    List<String> audience = claims.getAudience();
                    if (resource != null && (audience == null || !audience.contains(resource))) {
                        return "wrong_audience";
                    }
                    if (issuer != null && !issuer.equals(claims.getIssuer())) {
                        return "wrong_issuer";
                    }
                    return verified ? "invalid" : "signature";
                })
                .orElse("malformed");
    }
}
