package dev.portcullis.mcp.server.features;

import dev.portcullis.mcp.api.Caller;
import dev.portcullis.mcp.protocol.JsonRpcMessage;
import dev.portcullis.mcp.protocol.McpMethods;
import dev.portcullis.mcp.tools.AccessRule;
import dev.portcullis.mcp.tools.FeatureRegistry;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;

/**
 * Applies the {@link AccessRule} of the tool, resource or prompt a request addresses. An anonymous caller exists
 * only on an open deployment (the transport rejects unauthenticated requests otherwise), so rules are not enforced
 * for it.
 *
 * @see <a href="https://modelcontextprotocol.io/specification/2025-11-25/basic/authorization#scope-challenge-handling">Scope challenge handling</a>
 */
public final class FeatureAccess {

    private final Supplier<FeatureRegistry> registry;
    private final TaskTools tasks;

    /**
     * @param tasks where {@code tasks/update} finds the tool its task runs again: the caller of the update needs that
     *        tool's scopes, as the caller of the {@code tools/call} did
     */
    public FeatureAccess(Supplier<FeatureRegistry> registry, TaskTools tasks) {
        this.registry = registry;
        this.tasks = tasks;
    }

    /** Whether {@code caller} may see and use features under {@code rule}. */
    static boolean admits(AccessRule rule, Caller caller) {
        return caller.anonymous() || rule.admits(caller);
    }

    /** Every scope the addressed feature needs; empty for other methods and for unknown features. */
    public Set<String> requiredScopes(JsonRpcMessage message, Caller caller) {
        return rule(message, caller).map(AccessRule::scopes).orElse(Set.of());
    }

    /** The scopes the addressed feature needs that {@code caller} lacks. */
    public Set<String> missingScopes(JsonRpcMessage message, Caller caller) {
        if (caller.anonymous()) {
            return Set.of();
        }
        return rule(message, caller)
                .filter(rule -> rule.admits(caller))
                .map(rule -> rule.missingScopes(caller))
                .orElseGet(TreeSet::new);
    }

    /**
     * The rule of the addressed feature; for {@code tasks/update}, of the tool its task runs again once answered
     * (only for the task's owner: to anyone else the task does not exist, and the handler says so).
     */
    private Optional<AccessRule> rule(JsonRpcMessage message, Caller caller) {
        if (!message.isRequest() || message.method() == null) {
            return Optional.empty();
        }
        FeatureRegistry features = registry.get();
        return switch (message.method()) {
            case McpMethods.TOOLS_CALL ->
                features.tool(message.params().getString("name", "")).map(tool -> tool.access());
            case McpMethods.PROMPTS_GET ->
                features.prompt(message.params().getString("name", "")).map(prompt -> prompt.access());
            case McpMethods.RESOURCES_READ ->
                features.resource(message.params().getString("uri", ""))
                        .map(found -> found.getKey().access());
            case McpMethods.TASKS_UPDATE ->
                tasks.toolOf(message.params().getString("taskId", null), caller.name())
                        .flatMap(features::tool)
                        .map(tool -> tool.access());
            default -> Optional.empty();
        };
    }

    /**
     * The name of the tool a stored task runs, for its owner only. The task store sits above this package (its
     * tasks run tools through {@link ToolRunner}), so it is reached through this function, not by type.
     */
    @FunctionalInterface
    public interface TaskTools {

        /** The tool of task {@code taskId} if {@code owner} created it; empty for unknown tasks and other users. */
        Optional<String> toolOf(String taskId, String owner);
    }
}
