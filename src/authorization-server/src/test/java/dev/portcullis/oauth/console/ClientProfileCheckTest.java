package dev.portcullis.oauth.console;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portcullis.oauth.console.ClientProfileCheck.Finding;
import dev.portcullis.oauth.console.ClientProfileCheck.Verdict;
import dev.portcullis.oauth.registration.ClientMetadataValidator;
import dev.portcullis.oauth.registration.RedirectUriPolicy;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The self-test's verdicts on the packed client profiles, asked of registration's real validator under different
 * settings: every known client is ready with the defaults, and each setting that would lock one out names it.
 */
class ClientProfileCheckTest {

    private static final String RESOURCE = "https://mcp.example.com/mcp";
    private static final Set<String> SCOPES = Set.of("pets:read", "pets:write");
    private static final List<String> CURSOR = List.of("cursor://anysphere.cursor-mcp/oauth/callback");

    @Test
    void checkWhenDefaultSettingsThenEveryKnownClientReady() {
        Map<String, Verdict> verdicts = verdicts(RedirectUriPolicy.fromSetting("reverse-domain", CURSOR), SCOPES);

        assertThat(verdicts.keySet())
                .contains("claude-ai", "claude-code", "vscode", "cursor", "chatgpt", "mcp-inspector", "mcp-remote");
        assertThat(verdicts.values())
                .allSatisfy(v -> assertThat(v.ready())
                        .as(v.profile().id() + ": " + v.findings())
                        .isTrue());
        assertThat(details(verdicts.get("claude-code"))).anyMatch(d -> d.contains(RESOURCE + "/ names " + RESOURCE));
        assertThat(details(verdicts.get("chatgpt")))
                .as("offline_access is dropped, not refused")
                .contains("asks for pets:read");
    }

    @Test
    void checkWhenCursorsRedirectNotKnownThenOnlyCursorRefusedAtRegistration() {
        Map<String, Verdict> verdicts = verdicts(RedirectUriPolicy.fromSetting("reverse-domain", List.of()), SCOPES);

        assertThat(verdicts.get("cursor").ready()).isFalse();
        assertThat(verdicts.get("cursor").findings())
                .singleElement()
                .satisfies(f -> assertThat(f.step()).isEqualTo("Registration"))
                .satisfies(f -> assertThat(f.detail()).startsWith("refused with invalid_redirect_uri"));
        assertThat(verdicts.get("vscode").ready()).isTrue();
    }

    @Test
    void checkWhenScopeNotSupportedThenScopeFindingFails() {
        Map<String, Verdict> verdicts =
                verdicts(RedirectUriPolicy.fromSetting("reverse-domain", CURSOR), Set.of("other"));

        Verdict inspector = verdicts.get("mcp-inspector");
        assertThat(inspector.ready()).isFalse();
        assertThat(inspector.findings())
                .filteredOn(f -> !f.passed())
                .extracting(Finding::step)
                .containsExactly("Scope");
    }

    @Test
    void checkWhenRedirectNotRegisteredThenRedirectFindingFails() {
        ClientProfile profile = ClientProfiles.load().stream()
                .filter(p -> p.id().equals("mcp-inspector"))
                .findFirst()
                .orElseThrow();
        ClientProfile elsewhere = new ClientProfile(
                profile.id(),
                profile.client(),
                profile.registration(),
                "https://attacker.example/callback",
                profile.scope(),
                false,
                false);

        Verdict verdict = check(RedirectUriPolicy.fromSetting("reverse-domain", CURSOR), SCOPES)
                .check(elsewhere);

        assertThat(verdict.ready()).isFalse();
        assertThat(verdict.findings())
                .filteredOn(f -> !f.passed())
                .extracting(Finding::step)
                .containsExactly("Redirect");
    }

    private static Map<String, Verdict> verdicts(RedirectUriPolicy policy, Set<String> scopes) {
        ClientProfileCheck check = check(policy, scopes);
        return ClientProfiles.load().stream()
                .map(check::check)
                .collect(Collectors.toMap(v -> v.profile().id(), Function.identity()));
    }

    private static ClientProfileCheck check(RedirectUriPolicy policy, Set<String> scopes) {
        ClientMetadataValidator validator = new ClientMetadataValidator(policy, scopes, List.of());
        return new ClientProfileCheck(validator::validate, scopes, RESOURCE);
    }

    private static List<String> details(Verdict verdict) {
        return verdict.findings().stream().map(Finding::detail).toList();
    }
}
