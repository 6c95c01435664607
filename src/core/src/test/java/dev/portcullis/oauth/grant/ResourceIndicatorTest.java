package dev.portcullis.oauth.grant;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ResourceIndicatorTest {

    private static final String RESOURCE = "https://mcp.example.com/mcp";

    @Test
    void namesWhenExactOrOneTrailingSlashThenTrue() {
        assertTrue(ResourceIndicator.names(RESOURCE, RESOURCE));
        assertTrue(ResourceIndicator.names(RESOURCE + "/", RESOURCE));
        assertTrue(ResourceIndicator.names("https://mcp.example.com/", "https://mcp.example.com"));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "https://mcp.example.com/mcp//",
                "https://mcp.example.com/mcpx",
                "https://mcp.example.com/mc",
                "https://mcp.example.com/mcp/x",
                "https://mcp.example.com/mcp?",
                "https://mcp.example.com/mcp#",
                "https://MCP.example.com/mcp",
                "http://mcp.example.com/mcp",
                "https://mcp.example.com/mcp/?a",
                "",
                "https://mcp.example.com.evil.example/mcp",
                "https://mcp.example.com"
            })
    void namesWhenAnythingElseThenFalse(String requested) {
        assertFalse(ResourceIndicator.names(requested, RESOURCE));
    }

    @Test
    void namesWhenTheResourceEndsWithASlashThenOnlyExact() {
        assertTrue(ResourceIndicator.names("https://mcp.example.com/", "https://mcp.example.com/"));
        assertFalse(ResourceIndicator.names("https://mcp.example.com//", "https://mcp.example.com/"));
        assertFalse(ResourceIndicator.names("https://mcp.example.com", "https://mcp.example.com/"));
    }

    @Test
    void namesWhenNullThenFalse() {
        assertFalse(ResourceIndicator.names(null, RESOURCE));
    }
}
