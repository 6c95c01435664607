package it.dev.portcullis.support;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import java.util.function.UnaryOperator;

/**
 * A second, independent token issuer for tests: its own RSA key, its JWKS served on loopback, and tokens shaped
 * like a corporate IdP's ({@code preferred_username}, {@code roles}, {@code scp}). Also forges the bad tokens the
 * resource server must refuse.
 */
public final class TestIssuer implements AutoCloseable {

    public static final String ISSUER = "https://idp.test.portcullis.dev/realms/corp";

    private final RSAKey key;
    private final RSAKey stranger;
    private final HttpServer server;

    public TestIssuer(int port) throws Exception {
        key = new RSAKeyGenerator(2048).keyID("corp-key-1").generate();
        stranger = new RSAKeyGenerator(2048).keyID("corp-key-1").generate();
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
        byte[] jwks = new JWKSet(key.toPublicJWK()).toString().getBytes(StandardCharsets.UTF_8);
        server.createContext("/jwks", exchange -> {
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, jwks.length);
            exchange.getResponseBody().write(jwks);
            exchange.close();
        });
        server.start();
    }

    public String jwksUri() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/jwks";
    }

    /** A valid token for {@code audience}; {@code adjust} changes claims to make it invalid in one way. */
    public String token(
            String audience, String user, List<String> roles, String scopes, UnaryOperator<JWTClaimsSet.Builder> adjust)
            throws Exception {
        return sign(
                key,
                "corp-key-1",
                adjust.apply(claims(audience, user, roles, scopes)).build());
    }

    public String token(String audience, String user, List<String> roles, String scopes) throws Exception {
        return token(audience, user, roles, scopes, UnaryOperator.identity());
    }

    /** A valid token for {@code audience} whose JOSE {@code typ} header is {@code typ} (null: no typ header). */
    public String typed(String audience, String typ) throws Exception {
        JWSHeader.Builder header = new JWSHeader.Builder(JWSAlgorithm.RS256).keyID("corp-key-1");
        if (typ != null) {
            header.type(new JOSEObjectType(typ));
        }
        SignedJWT jwt = new SignedJWT(
                header.build(),
                claims(audience, "alice", List.of("mcp-users"), "pets:read").build());
        jwt.sign(new RSASSASigner(key));
        return jwt.serialize();
    }

    /** Right kid, wrong key: the signature cannot verify. */
    public String signedByStranger(String audience) throws Exception {
        return sign(
                stranger,
                "corp-key-1",
                claims(audience, "mallory", List.of("mcp-admins"), "pets:read").build());
    }

    /** A kid the JWKS does not have. */
    public String unknownKid(String audience) throws Exception {
        return sign(
                stranger,
                "no-such-key",
                claims(audience, "mallory", List.of(), "pets:read").build());
    }

    /** {@code alg: none}: unsigned. */
    public String unsigned(String audience) {
        return new PlainJWT(claims(audience, "mallory", List.of("mcp-admins"), "pets:read")
                        .build())
                .serialize();
    }

    /** HS256 keyed with the issuer's public key, the classic algorithm-confusion forgery. */
    public String hmacWithPublicKey(String audience) throws Exception {
        byte[] secret = key.toRSAPublicKey().getEncoded();
        SignedJWT jwt = new SignedJWT(
                new JWSHeader.Builder(JWSAlgorithm.HS256).keyID("corp-key-1").build(),
                claims(audience, "mallory", List.of("mcp-admins"), "pets:read").build());
        jwt.sign(new MACSigner(secret));
        return jwt.serialize();
    }

    /** A valid token whose payload was then edited (here: more roles), keeping the old signature. */
    public String tampered(String audience) throws Exception {
        String[] parts =
                token(audience, "alice", List.of("mcp-users"), "pets:read").split("\\.");
        String forged = java.util.Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString(claims(audience, "alice", List.of("mcp-users", "mcp-admins"), "pets:read pets:write")
                        .build()
                        .toString()
                        .getBytes(StandardCharsets.UTF_8));
        return parts[0] + "." + forged + "." + parts[2];
    }

    private static JWTClaimsSet.Builder claims(String audience, String user, List<String> roles, String scopes) {
        Instant now = Instant.now();
        return new JWTClaimsSet.Builder()
                .issuer(ISSUER)
                .subject(UUID.randomUUID().toString())
                .claim("preferred_username", user)
                .audience(audience)
                .claim("roles", roles)
                .claim("scp", scopes)
                .issueTime(Date.from(now.minusSeconds(5)))
                .expirationTime(Date.from(now.plus(Duration.ofMinutes(5))))
                .jwtID(UUID.randomUUID().toString());
    }

    private static String sign(RSAKey signingKey, String kid, JWTClaimsSet claims) throws Exception {
        SignedJWT jwt = new SignedJWT(
                new JWSHeader.Builder(JWSAlgorithm.RS256)
                        .keyID(kid)
                        .type(new JOSEObjectType("at+jwt"))
                        .build(),
                claims);
        jwt.sign(new RSASSASigner(signingKey));
        return jwt.serialize();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
