package dev.portcullis.mcp.server.features;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portcullis.mcp.api.Caller;
import dev.portcullis.mcp.api.RequiresScopes;
import dev.portcullis.mcp.api.Tool;
import dev.portcullis.mcp.protocol.JsonRpc;
import dev.portcullis.mcp.server.Incoming;
import dev.portcullis.mcp.server.McpServer;
import dev.portcullis.mcp.server.McpSettings;
import dev.portcullis.mcp.server.Prepared;
import dev.portcullis.mcp.server.exchange.Outbound;
import dev.portcullis.mcp.server.exchange.Reply;
import dev.portcullis.mcp.server.exchange.ServerInfo;
import dev.portcullis.mcp.tools.FeatureRegistry;
import dev.portcullis.mcp.tools.FeatureRegistryBuilder;
import jakarta.annotation.security.DenyAll;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.json.JsonObject;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Per-feature authorization in the engine: roles decide what a caller sees and may call, scopes decide the 403
 * step-up, sessions belong to their subject (mcp-requirements.md 4.5, 4.9).
 */
class FeatureAccessTest {

    /** Class-level scope and role; methods refine them. */
    @RequiresScopes("inventory:read")
    @RolesAllowed("staff")
    public static class InventoryTools {

        @Tool(name = "count")
        public int count() {
            return 3;
        }

        @Tool(name = "restock")
        @RequiresScopes("inventory:write")
        public String restock() {
            return "ok";
        }

        @Tool(name = "audit")
        @RolesAllowed("auditors")
        public String audit() {
            return "clean";
        }

        @Tool(name = "status")
        @PermitAll
        public String status() {
            return "up";
        }

        @Tool(name = "purge")
        @DenyAll
        public String purge() {
            return "gone";
        }

        @Tool(name = "whoami")
        public String whoami(Caller caller) {
            return caller.name();
        }
    }

    private record TestCaller(String name, Set<String> roles, Set<String> scopes) implements Caller {
        @Override
        public Set<String> groups() {
            return roles;
        }

        @Override
        public Optional<Object> claim(String claim) {
            return Optional.empty();
        }

        @Override
        public boolean isInRole(String role) {
            return roles.contains(role);
        }
    }

    private static final Caller STAFF = new TestCaller("sam", Set.of("staff"), Set.of("inventory:read"));
    private static final Caller AUDITOR = new TestCaller("ann", Set.of("auditors"), Set.of("inventory:read"));

    private final McpServer server = new McpServer(
            FeatureAccessTest::registry,
            new ServerInfo("test", "1.0", null),
            new McpSettings(50, 60000, "private", java.time.Duration.ofMinutes(5), 100, 100, McpSettings.randomKey()));

    private static FeatureRegistry registry() {
        InventoryTools tools = new InventoryTools();
        FeatureRegistryBuilder builder = new FeatureRegistryBuilder().addBean(InventoryTools.class, () -> tools);
        assertThat(builder.problems()).isEmpty();
        return builder.build();
    }

    private Reply run(Caller caller, String session, String body) {
        Prepared prepared = server.prepare(new Incoming(
                JsonRpc.parse(body), session, session == null ? null : "2025-11-25", null, null, Map.of(), caller));
        return prepared instanceof Prepared.Answer answer
                ? answer.reply()
                : server.execute(((Prepared.Run) prepared).call(), Outbound.DISCARD);
    }

    private String initialize(Caller caller) {
        return run(
                        caller,
                        null,
                        "{\"jsonrpc\":\"2.0\",\"id\":0,\"method\":\"initialize\",\"params\":{\"protocolVersion\":"
                                + "\"2025-11-25\",\"capabilities\":{},\"clientInfo\":{\"name\":\"t\",\"version\":\"1\"}}}")
                .newSessionId();
    }

    private Reply call(Caller caller, String tool) {
        return run(
                caller,
                initialize(caller),
                "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/call\",\"params\":" + "{\"name\":\"" + tool
                        + "\",\"arguments\":{}}}");
    }

    private List<String> listed(Caller caller) {
        JsonObject result = run(caller, initialize(caller), "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/list\"}")
                .body()
                .getJsonObject("result");
        return result.getJsonArray("tools").stream()
                .map(t -> t.asJsonObject().getString("name"))
                .toList();
    }

    @Test
    void listWhenRolesDifferThenEachCallerSeesOnlyWhatItsRolesAllow() {
        assertThat(listed(STAFF)).containsExactlyInAnyOrder("count", "restock", "status", "whoami");
        assertThat(listed(AUDITOR)).containsExactlyInAnyOrder("audit", "status");
    }

    @Test
    void callWhenOutsideTheRolesThenUnknownTool() {
        Reply reply = call(AUDITOR, "count");

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.body().getJsonObject("error").getInt("code")).isEqualTo(-32602);
        assertThat(call(STAFF, "purge").body().getJsonObject("error").getInt("code"))
                .isEqualTo(-32602);
    }

    @Test
    void rule4_5_callWhenScopeMissingThen403WithEveryScopeTheToolNeeds() {
        Reply reply = call(STAFF, "restock");

        assertThat(reply.status()).isEqualTo(403);
        assertThat(reply.requiredScopes()).containsExactlyInAnyOrder("inventory:read", "inventory:write");
        assertThat(call(STAFF, "count").status()).isEqualTo(200);
    }

    @Test
    void callerParameterThenTheToolSeesWhoCalls() {
        Reply reply = call(STAFF, "whoami");

        assertThat(reply.body()
                        .getJsonObject("result")
                        .getJsonArray("content")
                        .getJsonObject(0)
                        .getString("text"))
                .isEqualTo("sam");
    }

    @Test
    void rule4_9_sessionWhenUsedByAnotherSubjectThen404AndNotEnded() {
        String session = initialize(STAFF);
        String ping = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"ping\"}";

        assertThat(run(AUDITOR, session, ping).status()).isEqualTo(404);
        assertThat(server.endSession(session, AUDITOR.name())).isFalse();
        assertThat(run(STAFF, session, ping).status()).isEqualTo(200);
        assertThat(server.endSession(session, STAFF.name())).isTrue();
    }

    @Test
    void scopesDeclaredThenUnionOfAllFeatures() {
        assertThat(server.scopesDeclared()).containsExactly("inventory:read", "inventory:write");
    }

    @Test
    void anonymousCallerOnOpenDeploymentThenRulesNotEnforced() {
        assertThat(call(Caller.ANONYMOUS, "restock").status()).isEqualTo(200);
    }
}
