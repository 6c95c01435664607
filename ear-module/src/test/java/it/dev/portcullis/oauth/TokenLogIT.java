package it.dev.portcullis.oauth;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import it.dev.portcullis.support.Https;
import it.dev.portcullis.support.LibertyServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Date;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * A presented bearer token never reaches the server's logs: Liberty's MicroProfile JWT and JWT consumer messages
 * that quote a rejected token (CWWKS5524E, CWWKS6031E, ...) are muted in liberty-config, and FFDC is off
 * (liberty-config/bootstrap-logging.properties), since the incident file for a bad signature quotes the token. Sends
 * /mcp a valid token, the same token with a broken signature, a token signed by a stranger's key, an expired one, one
 * for another audience, one from another issuer, an unsigned one ({@code alg=none}), an HMAC one and plain garbage,
 * then reads every file under the server's logs directory: messages.log, console.log, trace.log and its rolled
 * copies, logs/ffdc. Liberty writes the messages {@code hideMessage} mutes to trace.log, and two of them (CWWKS5523E
 * and CWWKS5524E, for a bad signature) quote the token whole; ear-module links its servers' trace.log to /dev/null
 * (ear-module's {@code mute-trace-log}, src/docs/threat-model.md), so token text in any file fails.
 */
class TokenLogIT {

    private static final LibertyServer SERVER = LibertyServer.current();
    private static final String VALID = "valid";

    @Test
    void mcpWhenTokensRejectedOrAcceptedThenNoTokenTextInAnyServerLog() throws Exception {
        String valid = new CodeFlowTokens(new TokenApi(SERVER))
                .tokens(CodeFlowTokens.publicClient())
                .getString("access_token");
        ECKey stranger = new ECKeyGenerator(Curve.P_256)
                .keyID("stranger-" + UUID.randomUUID())
                .generate();
        Date now = new Date();
        String issuer = RegistrationApi.expectedIssuer();
        String audience = TokenApi.expectedResource();
        Map<String, String> tokens = Map.of(
                VALID,
                valid,
                "valid token, broken signature",
                valid.substring(0, valid.lastIndexOf('.') + 1) + randomSegment(64),
                "stranger's key",
                es256(stranger, claims(issuer, audience, new Date(now.getTime() + 300_000))),
                "expired",
                es256(stranger, claims(issuer, audience, new Date(now.getTime() - 3_600_000))),
                "wrong audience",
                es256(stranger, claims(issuer, "https://elsewhere.example/mcp", new Date(now.getTime() + 300_000))),
                "wrong issuer",
                es256(stranger, claims("https://elsewhere.example", audience, new Date(now.getTime() + 300_000))),
                "unsigned (alg=none)",
                new PlainJWT(claims(issuer, audience, new Date(now.getTime() + 300_000))).serialize(),
                "HMAC",
                hs256(claims(issuer, audience, new Date(now.getTime() + 300_000))),
                "garbage",
                randomSegment(20) + "." + randomSegment(40) + "." + randomSegment(30));

        for (Map.Entry<String, String> token : tokens.entrySet()) {
            HttpResponse<String> response = mcp(token.getValue());
            assertThat(response.statusCode()).as(token.getKey()).isLessThan(500);
        }
        Thread.sleep(2_000); // Liberty writes its logs asynchronously

        String validSignature = valid.substring(valid.lastIndexOf('.') + 1);
        Set<String> leaks = new LinkedHashSet<>();
        List<Path> logs = logFiles();
        assertThat(logs).as("server log files").isNotEmpty();
        for (Path log : logs) {
            String where = SERVER.directory().relativize(log).toString();
            List<String> lines = read(log).lines().toList();
            tokens.forEach((kind, token) -> {
                for (String needle : needles(token)) {
                    if (lines.stream().anyMatch(line -> line.contains(needle))) {
                        leaks.add(kind + " token (" + needle.substring(0, 8) + "...) in " + where);
                    }
                }
            });
        }
        assertThat(leaks).as("token text in the server's logs").isEmpty();
    }

    /** What would betray the token: the whole, its payload, its signature, and its jti (in decoded claims). */
    private static List<String> needles(String token) {
        List<String> needles = new ArrayList<>(List.of(token, token.split("\\.")[1]));
        String signature = token.substring(token.lastIndexOf('.') + 1);
        if (signature.length() > 16) {
            needles.add(signature);
        }
        try {
            String jti =
                    com.nimbusds.jwt.JWTParser.parse(token).getJWTClaimsSet().getJWTID();
            if (jti != null) {
                needles.add(jti);
            }
        } catch (java.text.ParseException notAJwt) {
            // garbage: the segments are the needles
        }
        return needles;
    }

    private static HttpResponse<String> mcp(String token) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(SERVER.url("/mcp"))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .header("Accept", "application/json, text/event-stream")
                .POST(HttpRequest.BodyPublishers.ofString("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"ping\"}"))
                .build();
        return Https.client().send(request, HttpResponse.BodyHandlers.ofString());
    }

    private static JWTClaimsSet claims(String issuer, String audience, Date expiry) {
        return new JWTClaimsSet.Builder()
                .issuer(issuer)
                .audience(audience)
                .subject("alice")
                .claim("groups", List.of("mcp-users", "mcp-admins"))
                .jwtID(UUID.randomUUID().toString())
                .issueTime(new Date(expiry.getTime() - 600_000))
                .expirationTime(expiry)
                .build();
    }

    private static String es256(ECKey key, JWTClaimsSet claims) throws Exception {
        SignedJWT jwt = new SignedJWT(
                new JWSHeader.Builder(JWSAlgorithm.ES256).keyID(key.getKeyID()).build(), claims);
        jwt.sign(new ECDSASigner(key));
        return jwt.serialize();
    }

    private static String hs256(JWTClaimsSet claims) throws Exception {
        byte[] secret = new byte[32];
        new SecureRandom().nextBytes(secret);
        SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), claims);
        jwt.sign(new MACSigner(secret));
        return jwt.serialize();
    }

    private static String randomSegment(int bytes) {
        byte[] random = new byte[bytes];
        new SecureRandom().nextBytes(random);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(random);
    }

    /** Every file under the server's logs directory: messages, console, trace, FFDC incidents and summaries. */
    private static List<Path> logFiles() throws IOException {
        try (Stream<Path> files = Files.walk(SERVER.directory().resolve("logs"))) {
            return files.filter(Files::isRegularFile).toList();
        }
    }

    private static String read(Path file) {
        try {
            return new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
