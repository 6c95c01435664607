package dev.portcullis.oauth.keys;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.crypto.bc.BouncyCastleProviderSingleton;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.security.interfaces.ECPublicKey;
import java.text.ParseException;
import java.util.List;
import java.util.Map;

/**
 * The only class that touches Nimbus JOSE+JWT: JWK thumbprints, the public JWK Set, and signing and verifying
 * JWTs with a {@link SigningKey}. Everything else works with JDK key types.
 *
 * @see <a href="https://www.rfc-editor.org/rfc/rfc7517">RFC 7517 (JWK)</a>
 * @see <a href="https://www.rfc-editor.org/rfc/rfc7638">RFC 7638 (JWK thumbprint)</a>
 */
public final class NimbusJose {

    private NimbusJose() {
    }

    /** The RFC 7638 SHA-256 thumbprint of a P-256 public key, used as its {@code kid}. */
    public static String thumbprint(ECPublicKey publicKey) {
        try {
            return new ECKey.Builder(Curve.P_256, publicKey).build().computeThumbprint().toString();
        } catch (JOSEException e) {
            throw new IllegalStateException("cannot compute a JWK thumbprint", e);
        }
    }

    /** The JWK Set document with the public halves of {@code keys} only. */
    public static String publicJwkSet(List<SigningKey> keys) {
        List<JWK> jwks = keys.stream().<JWK>map(NimbusJose::publicJwk).toList();
        return new JWKSet(jwks).toString(true);
    }

    /** A signed JWT ({@code ES256}, the key's {@code kid}, the given {@code typ}) carrying {@code claims}. */
    public static String sign(Map<String, Object> claims, SigningKey key, String type) {
        try {
            JWSHeader header = new JWSHeader.Builder(JWSAlgorithm.ES256).keyID(key.kid()).type(new JOSEObjectType(type)).build();
            SignedJWT jwt = new SignedJWT(header, JWTClaimsSet.parse(claims));
            ECDSASigner signer = new ECDSASigner(key.privateKey());
            // The token endpoint's largest cost is this signature; Bouncy Castle's is about twice as fast as JDK 17's.
            signer.getJCAContext().setProvider(BouncyCastleProviderSingleton.getInstance());
            jwt.sign(signer);
            return jwt.serialize();
        } catch (JOSEException | ParseException e) {
            throw new IllegalStateException("cannot sign the token", e);
        }
    }

    /** The claims of {@code jwt} if one of {@code keys} (matched by {@code kid}) verifies its signature, else null. */
    public static Map<String, Object> verify(String jwt, List<SigningKey> keys) {
        try {
            SignedJWT parsed = SignedJWT.parse(jwt);
            if (!JWSAlgorithm.ES256.equals(parsed.getHeader().getAlgorithm())) {
                return null;
            }
            for (SigningKey key : keys) {
                if (key.kid().equals(parsed.getHeader().getKeyID()) && parsed.verify(new ECDSAVerifier(key.publicKey()))) {
                    return parsed.getJWTClaimsSet().toJSONObject();
                }
            }
            return null;
        } catch (ParseException | JOSEException e) {
            return null;
        }
    }

    private static ECKey publicJwk(SigningKey key) {
        return new ECKey.Builder(Curve.P_256, key.publicKey())
                .keyID(key.kid())
                .keyUse(KeyUse.SIGNATURE)
                .algorithm(JWSAlgorithm.ES256)
                .build();
    }
}
