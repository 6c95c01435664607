package dev.portcullis.resourceserver;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.portcullis.oauth.keys.NimbusJose;
import dev.portcullis.oauth.keys.SigningKey;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Why a refused bearer token was refused: with the built-in issuer a signature that does not verify comes first. */
class RefusalReasonTest {

    private static final String RESOURCE = "https://localhost:9443/mcp";
    private static final String ISSUER = "https://localhost:9443/oauth";

    private final SigningKey own = key();
    private final SigningKey stranger = key();

    @Test
    void ofWhenOwnKeySignedThenTheClaimTellsWhy() {
        List<SigningKey> keys = List.of(own);
        assertEquals("expired", of(token(own, claims(-60, RESOURCE, ISSUER)), keys));
        assertEquals("wrong_audience", of(token(own, claims(600, "https://elsewhere.example/mcp", ISSUER)), keys));
        assertEquals("wrong_issuer", of(token(own, claims(600, RESOURCE, "https://idp.example")), keys));
        assertEquals(
                "invalid", of(token(own, claims(600, RESOURCE, ISSUER)), keys), "verified, nothing wrong we can name");
    }

    @Test
    void ofWhenNotSignedByOwnKeyThenSignatureWhateverTheClaimsSay() {
        List<SigningKey> keys = List.of(own);
        assertEquals("signature", of(token(stranger, claims(-60, RESOURCE, ISSUER)), keys), "a forged expired token");
        assertEquals("signature", of(token(stranger, claims(600, "https://elsewhere.example/mcp", ISSUER)), keys));
        String[] parts = token(own, claims(600, RESOURCE, ISSUER)).split("\\.");
        String tampered = parts[0] + "."
                + Base64.getUrlEncoder()
                        .withoutPadding()
                        .encodeToString("{\"exp\":1,\"aud\":\"x\"}".getBytes(StandardCharsets.UTF_8))
                + "." + parts[2];
        assertEquals("signature", of(tampered, keys), "a tampered payload claiming expiry");
        assertEquals("malformed", of("not-a-jwt", keys));
    }

    @Test
    void ofWhenExternalIssuerThenClassifiedByTheClaimsAlone() {
        assertEquals("expired", of(token(stranger, claims(-60, RESOURCE, ISSUER)), null));
        assertEquals("wrong_audience", of(token(stranger, claims(600, "https://elsewhere.example/mcp", ISSUER)), null));
        assertEquals("signature", of(token(stranger, claims(600, RESOURCE, ISSUER)), null));
    }

    private static String of(String token, List<SigningKey> keys) {
        return RefusalReason.of("Bearer " + token, RESOURCE, ISSUER, keys);
    }

    private static String token(SigningKey key, Map<String, Object> claims) {
        return NimbusJose.sign(claims, key, "at+jwt");
    }

    private static Map<String, Object> claims(long expiresInSeconds, String audience, String issuer) {
        Map<String, Object> claims = new HashMap<>();
        long now = Instant.now().getEpochSecond();
        claims.put("iss", issuer);
        claims.put("aud", audience);
        claims.put("sub", "alice");
        claims.put("iat", now - 120);
        claims.put("exp", now + expiresInSeconds);
        return claims;
    }

    private static SigningKey key() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"));
            KeyPair pair = generator.generateKeyPair();
            ECPublicKey publicKey = (ECPublicKey) pair.getPublic();
            return new SigningKey(
                    NimbusJose.thumbprint(publicKey), publicKey, (ECPrivateKey) pair.getPrivate(), Instant.now(), null);
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
