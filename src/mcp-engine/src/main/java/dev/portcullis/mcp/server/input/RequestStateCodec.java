package dev.portcullis.mcp.server.input;

import dev.portcullis.json.JsonInput;
import dev.portcullis.json.Jsons;
import dev.portcullis.mcp.protocol.McpError;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The {@code requestState} of modern-era {@code InputRequiredResult}s: the answers gathered so far, bound to the
 * method and the tool, prompt or resource, with an expiry, as {@code base64url(json).base64url(HMAC-SHA256)}. The
 * server keeps nothing between rounds; a state that was altered, belongs to another call or has expired is -32602.
 *
 * @see <a href="https://modelcontextprotocol.io/specification/2026-07-28/basic/patterns/mrtr">Multi-round-trip requests</a>
 */
public final class RequestStateCodec {

    private static final String HMAC = "HmacSHA256";
    private static final Duration LIFETIME = Duration.ofMinutes(15);
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();

    private final SecretKeySpec key;
    private final Clock clock;

    public RequestStateCodec(byte[] key, Clock clock) {
        if (Objects.requireNonNull(key, "key cannot be null").length < 32) {
            throw new IllegalArgumentException("the requestState key needs at least 256 bits");
        }
        this.key = new SecretKeySpec(key.clone(), HMAC);
        this.clock = Objects.requireNonNull(clock, "clock cannot be null");
    }

    public String encode(String method, String target, Map<String, JsonObject> answers) {
        JsonObjectBuilder collected = Jsons.PROVIDER.createObjectBuilder();
        answers.forEach(collected::add);
        String payload = ENCODER.encodeToString(Jsons.PROVIDER
                .createObjectBuilder()
                .add("m", method)
                .add("t", target)
                .add("a", collected)
                .add("x", clock.instant().plus(LIFETIME).getEpochSecond())
                .build()
                .toString()
                .getBytes(StandardCharsets.UTF_8));
        return payload + "." + ENCODER.encodeToString(mac(payload));
    }

    /** The answers in a state this server issued for the same method and target, or -32602. */
    public Map<String, JsonObject> decode(String state, String method, String target) {
        int dot = state.indexOf('.');
        if (dot < 0) {
            throw invalid();
        }
        String payload = state.substring(0, dot);
        byte[] signature;
        JsonObject json;
        try {
            signature = Base64.getUrlDecoder().decode(state.substring(dot + 1));
            if (!MessageDigest.isEqual(signature, mac(payload))) {
                throw invalid();
            }
            json = JsonInput.readObject(new String(Base64.getUrlDecoder().decode(payload), StandardCharsets.UTF_8));
        } catch (IllegalArgumentException | JsonException e) {
            throw invalid();
        }
        if (!method.equals(json.getString("m", null))
                || !target.equals(json.getString("t", null))
                || json.getJsonNumber("x").longValue() < clock.instant().getEpochSecond()) {
            throw invalid();
        }
        Map<String, JsonObject> answers = new LinkedHashMap<>();
        json.getJsonObject("a").forEach((k, v) -> answers.put(k, v.asJsonObject()));
        return answers;
    }

    private byte[] mac(String payload) {
        try {
            Mac mac = Mac.getInstance(HMAC);
            mac.init(key);
            return mac.doFinal(payload.getBytes(StandardCharsets.US_ASCII));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static McpError invalid() {
        return McpError.invalidParams("Invalid params: requestState is not valid for this request");
    }
}
