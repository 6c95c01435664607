package dev.portcullis.audit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portcullis.json.JsonInput;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RedactionTest {

    private final Redaction redaction = new Redaction(Set.of("password", "api_key"));

    @Test
    void applyWhenConfiguredFieldsAtAnyDepthThenTheirValuesAreReplaced() {
        String redacted = redaction
                .apply(JsonInput.read("{\"name\":\"Rex\",\"Password\":\"hunter2\",\"nested\":"
                        + "{\"api_key\":{\"deep\":\"k-123\"},\"list\":[{\"password\":\"p2\"},3]}}"))
                .toString();

        assertThat(redacted)
                .doesNotContain("hunter2", "k-123", "p2")
                .contains("\"name\":\"Rex\"")
                .contains("\"Password\":\"[redacted]\"")
                .contains("\"api_key\":\"[redacted]\"")
                .contains("3");
    }
}
