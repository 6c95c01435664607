package it.dev.portcullis.idp;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.proc.DefaultJWTClaimsVerifier;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import it.dev.portcullis.support.Https;
import jakarta.json.Json;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The downstream API of the outbound-credentials tests: {@code GET /whoami} on 127.0.0.1, which accepts only an
 * access token Keycloak signed (signature against the realm's JWKS, issuer, expiry; Nimbus JOSE) and answers with
 * the subject, user name, client and scopes it saw; anything else gets 401. It records every {@code Authorization}
 * header it received, so a test can assert that the MCP caller's own token never arrived, and it can revoke a token
 * it accepted, to answer 401 to it from then on.
 */
final class DownstreamEchoService implements AutoCloseable {

    final List<String> received = new CopyOnWriteArrayList<>();
    final List<String> accepted = new CopyOnWriteArrayList<>();
    private final Set<String> revoked = ConcurrentHashMap.newKeySet();
    private final HttpServer server;
    private final DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();

    DownstreamEchoService(Keycloak keycloak) throws Exception {
        HttpResponse<String> jwks = Https.client()
                .send(
                        HttpRequest.newBuilder(URI.create(keycloak.jwksUri())).build(),
                        HttpResponse.BodyHandlers.ofString());
        processor.setJWSKeySelector(
                new JWSVerificationKeySelector<>(JWSAlgorithm.RS256, new ImmutableJWKSet<>(JWKSet.parse(jwks.body()))));
        processor.setJWTClaimsSetVerifier(new DefaultJWTClaimsVerifier<>(
                new JWTClaimsSet.Builder().issuer(keycloak.issuer()).build(), Set.of("exp")));
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(java.util.concurrent.Executors.newFixedThreadPool(8));
        server.createContext("/whoami", this::whoami);
        server.start();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** From now on, {@code token} (a value this service accepted) gets 401. */
    void revoke(String token) {
        revoked.add(token);
    }

    private void whoami(HttpExchange exchange) throws IOException {
        String authorization = exchange.getRequestHeaders().getFirst("Authorization");
        received.add(String.valueOf(authorization));
        if (authorization == null || !authorization.startsWith("Bearer ")) {
            send(exchange, 401, "{\"error\":\"no bearer token\"}");
            return;
        }
        String token = authorization.substring("Bearer ".length());
        JWTClaimsSet claims;
        try {
            claims = processor.process(token, null);
        } catch (Exception invalid) {
            send(exchange, 401, "{\"error\":\"invalid token\"}");
            return;
        }
        if (revoked.contains(token)) {
            send(exchange, 401, "{\"error\":\"revoked\"}");
            return;
        }
        accepted.add(token);
        send(
                exchange,
                200,
                Json.createObjectBuilder()
                        .add("sub", String.valueOf(claims.getSubject()))
                        .add("preferred_username", String.valueOf(claims.getClaim("preferred_username")))
                        .add("azp", String.valueOf(claims.getClaim("azp")))
                        .add("scope", String.valueOf(claims.getClaim("scope")))
                        .build()
                        .toString());
    }

    private static void send(HttpExchange exchange, int status, String json) throws IOException {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
