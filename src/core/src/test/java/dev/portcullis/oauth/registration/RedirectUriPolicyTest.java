package dev.portcullis.oauth.registration;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portcullis.oauth.registration.RedirectUriPolicy.PrivateUseSchemes;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RedirectUriPolicyTest {

    private final RedirectUriPolicy reverseDomain = new RedirectUriPolicy(PrivateUseSchemes.REVERSE_DOMAIN);

    @ParameterizedTest
    @ValueSource(
            strings = {
                "https://claude.ai/api/mcp/auth_callback",
                "https://vscode.dev/redirect",
                "https://app.example/cb?x=1",
                "http://localhost/callback",
                "http://localhost:33418/callback",
                "http://127.0.0.1:8080/cb",
                "http://[::1]:9999/cb",
                "http://127.0.0.1/",
                "com.example.app:/oauth2redirect",
                "com.example.app://callback"
            })
    void problemWithWhenAllowedThenNone(String uri) {
        assertThat(reverseDomain.problemWith(uri)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "https://app.example/cb#frag",
                "https://app.example/cb#",
                "/relative/cb",
                "cb",
                "//app.example/cb",
                "https://user@app.example/cb",
                "https://user:pw@app.example/cb",
                "http://user@localhost/cb",
                "javascript:alert(1)",
                "JavaScript:alert(1)",
                "data:text/html,hi",
                "file:///etc/passwd",
                "vbscript:msgbox(1)",
                "http://app.example/cb",
                "http://192.168.1.2/cb",
                "http://localhost.evil.example/cb",
                "cursor://callback",
                "https:///nohost",
                "https://bad host/cb",
                ""
            })
    void problemWithWhenForbiddenThenRefused(String uri) {
        assertThat(reverseDomain.problemWith(uri)).isPresent();
    }

    @ParameterizedTest
    @ValueSource(strings = {"cursor://anysphere.cursor-retrieval/oauth/callback", "myapp:/cb"})
    void problemWithWhenAnySchemeAllowedThenSchemesWithoutDotPass(String uri) {
        assertThat(new RedirectUriPolicy(PrivateUseSchemes.ANY).problemWith(uri))
                .isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"com.example.app:/cb", "cursor://cb"})
    void problemWithWhenPrivateUseSchemesOffThenRefused(String uri) {
        assertThat(new RedirectUriPolicy(PrivateUseSchemes.NONE).problemWith(uri))
                .isPresent();
    }

    @ParameterizedTest
    @ValueSource(strings = {"javascript:alert(1)", "data:x", "file:///x", "vbscript:x", "https://a.example/#x"})
    void problemWithWhenAnySchemeAllowedThenDangerousSchemesAndFragmentsStillRefused(String uri) {
        assertThat(new RedirectUriPolicy(PrivateUseSchemes.ANY).problemWith(uri))
                .isPresent();
    }

    @org.junit.jupiter.api.Test
    void fromSettingWhenNamesGivenThenParsed() {
        assertThat(RedirectUriPolicy.fromSetting("reverse-domain").problemWith("cursor://x"))
                .isPresent();
        assertThat(RedirectUriPolicy.fromSetting("any").problemWith("cursor://x"))
                .isEmpty();
        assertThat(RedirectUriPolicy.fromSetting(" NONE ").problemWith("com.example.app:/x"))
                .isPresent();
    }

    private static final String CURSOR = "cursor://anysphere.cursor-mcp/oauth/callback";
    private final RedirectUriPolicy withKnownClients =
            new RedirectUriPolicy(PrivateUseSchemes.REVERSE_DOMAIN, java.util.List.of(CURSOR));

    @org.junit.jupiter.api.Test
    void problemWithWhenKnownClientsPrivateUseRedirectThenAccepted() {
        assertThat(withKnownClients.problemWith(CURSOR)).isEmpty();
        assertThat(RedirectUriPolicy.fromSetting("reverse-domain", java.util.List.of(CURSOR))
                        .problemWith(CURSOR))
                .isEmpty();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "cursor://evil/oauth/callback",
                "cursor://anysphere.cursor-mcp/oauth/callback/x",
                "cursor://anysphere.cursor-mcp/oauth/other",
                "cursor://anysphere.cursor-mcp/oauth/callback?x=1",
                "Cursor://anysphere.cursor-mcp/oauth/callback",
                "cursor://anysphere.cursor-mcp.evil/oauth/callback",
                "cursor://anysphere.cursor-mcp/oauth/callback/",
                "cursor://anysphere.cursor-mcp/oauth/callback#x",
                "cursor://user@anysphere.cursor-mcp/oauth/callback",
                "cursor://anysphere.cursor-mcp:1/oauth/callback"
            })
    void problemWithWhenLookAlikeOfKnownPrivateUseRedirectThenRefused(String uri) {
        assertThat(withKnownClients.problemWith(uri)).isPresent();
    }

    @org.junit.jupiter.api.Test
    void problemWithWhenPrivateUseSchemesNoneThenKnownClientsRefusedToo() {
        assertThat(new RedirectUriPolicy(PrivateUseSchemes.NONE, java.util.List.of(CURSOR)).problemWith(CURSOR))
                .isPresent();
    }
}
