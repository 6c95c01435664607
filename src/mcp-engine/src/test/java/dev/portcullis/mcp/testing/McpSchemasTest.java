package dev.portcullis.mcp.testing;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonValue;
import org.junit.jupiter.api.Test;

/** The schema check itself must be able to fail, or every test using it proves nothing. */
class McpSchemasTest {

    @Test
    void errorsWhenRequiredPropertyMissingThenReported() {
        assertThat(McpSchemas.errors("2025-11-25", "CallToolResult", JsonValue.EMPTY_JSON_OBJECT))
                .isNotEmpty();
        assertThat(McpSchemas.errors("2026-07-28", "DiscoverResult", JsonValue.EMPTY_JSON_OBJECT))
                .isNotEmpty();
    }
}
