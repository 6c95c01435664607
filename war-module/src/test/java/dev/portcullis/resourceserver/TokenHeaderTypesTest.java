package dev.portcullis.resourceserver;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class TokenHeaderTypesTest {

    private final TokenHeaderTypes types = new TokenHeaderTypes();

    @Test
    void ofWhenSameHeaderTwiceThenParsedOnceAndRemembered() {
        String header = segment("{\"alg\":\"ES256\",\"kid\":\"k1\",\"typ\":\"at+jwt\"}");
        assertEquals(Optional.of("at+jwt"), types.of(header + ".e30.c2ln"));
        assertEquals(Optional.of("at+jwt"), types.of(header + ".eyJzdWIiOiJib2IifQ.b3RoZXI"));
        assertEquals(1, types.size(), "one entry per distinct header, whatever the payload");
    }

    @Test
    void ofWhenNoTypOrNotAHeaderThenEmpty() {
        assertEquals(Optional.empty(), types.of(segment("{\"alg\":\"ES256\"}") + ".e30.c2ln"));
        assertEquals(Optional.empty(), types.of("not-json.e30.c2ln"));
        assertEquals(Optional.empty(), types.of("no-dots"));
        assertEquals(Optional.empty(), types.of(null));
    }

    @Test
    void ofWhenManyHeadersThenBounded() {
        for (int i = 0; i < TokenHeaderTypes.MAX_HEADERS * 3; i++) {
            types.of(segment("{\"alg\":\"ES256\",\"kid\":\"k" + i + "\",\"typ\":\"at+jwt\"}") + ".e30.c2ln");
        }
        assertEquals(true, types.size() <= TokenHeaderTypes.MAX_HEADERS);
    }

    private static String segment(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }
}
