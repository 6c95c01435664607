package dev.portcullis.resourceserver;

import dev.portcullis.oauth.keys.NimbusJose;
import java.time.Instant;
import java.util.Date;
import java.util.List;

/**
 * Why MicroProfile JWT refused a bearer token, for the audit record ({@code bearer.refused}): MicroProfile JWT only
 * logs it. Reads the refused token's claims without trusting them, only to tell an expired token or one for
 * another audience from one whose signature or issuer did not verify.
 */
final class RefusalReason {

    private RefusalReason() {
    }

    static String of(String authorization, String resource, String issuer) {
        String raw = authorization == null || authorization.length() < 7 ? null : authorization.substring(7).trim();
        return NimbusJose.unverifiedClaims(raw).map(claims -> {
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
            return "signature";
        }).orElse("malformed");
    }
}
