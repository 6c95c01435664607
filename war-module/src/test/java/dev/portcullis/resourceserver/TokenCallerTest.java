package dev.portcullis.resourceserver;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import java.util.List;
import org.junit.jupiter.api.Test;

/** How the caller's scopes and groups are read from token claims of the shapes issuers use. */
class TokenCallerTest {

    @Test
    void aSpaceSeparatedScopeClaimGivesEachScopeOnce() {
        assertThat(TokenCaller.words("pets:read  pets:write\tpets:read "))
                .containsExactlyInAnyOrder("pets:read", "pets:write");
    }

    @Test
    void aJsonStringClaimIsSplitLikeAPlainOne() {
        assertThat(TokenCaller.words(Json.createValue(" openid pets:read")))
                .containsExactlyInAnyOrder("openid", "pets:read");
    }

    @Test
    void anArrayClaimKeepsEachElementWhole() {
        assertThat(TokenCaller.words(List.of(Json.createValue("mcp-users"), "mcp admins")))
                .containsExactlyInAnyOrder("mcp-users", "mcp admins");
    }

    @Test
    void aMissingBlankOrOtherClaimGivesNothing() {
        assertThat(TokenCaller.words(null)).isEmpty();
        assertThat(TokenCaller.words("   ")).isEmpty();
        assertThat(TokenCaller.words(42)).isEmpty();
    }
}
