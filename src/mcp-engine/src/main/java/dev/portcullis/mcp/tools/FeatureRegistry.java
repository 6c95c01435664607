package dev.portcullis.mcp.tools;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * The application's tools, resources, resource templates, prompts and completions, in a deterministic order
 * (by name or URI). Immutable once the application has deployed.
 */
public final class FeatureRegistry {

    private final Map<String, ToolDefinition> tools;
    private final Map<String, ResourceDefinition> resources;
    private final List<ResourceDefinition> templates;
    private final Map<String, PromptDefinition> prompts;
    private final Map<String, CompletionDefinition> completions;

    FeatureRegistry(
            Map<String, ToolDefinition> tools,
            Map<String, ResourceDefinition> resources,
            List<ResourceDefinition> templates,
            Map<String, PromptDefinition> prompts,
            Map<String, CompletionDefinition> completions) {
        this.tools = tools;
        this.resources = resources;
        this.templates = templates;
        this.prompts = prompts;
        this.completions = completions;
    }

    public static FeatureRegistry empty() {
        return new FeatureRegistry(Map.of(), Map.of(), List.of(), Map.of(), Map.of());
    }

    /** Every OAuth scope a tool, resource, template or prompt requires, sorted: the resource's scopes_supported. */
    public SortedSet<String> scopesDeclared() {
        SortedSet<String> scopes = new TreeSet<>();
        tools.values().forEach(tool -> scopes.addAll(tool.access().scopes()));
        resources.values().forEach(resource -> scopes.addAll(resource.access().scopes()));
        templates.forEach(template -> scopes.addAll(template.access().scopes()));
        prompts.values().forEach(prompt -> scopes.addAll(prompt.access().scopes()));
        return scopes;
    }

    public List<ToolDefinition> tools() {
        return List.copyOf(tools.values());
    }

    public Optional<ToolDefinition> tool(String name) {
        return Optional.ofNullable(tools.get(name));
    }

    public List<ResourceDefinition> resources() {
        return List.copyOf(resources.values());
    }

    public List<ResourceDefinition> resourceTemplates() {
        return templates;
    }

    public List<PromptDefinition> prompts() {
        return List.copyOf(prompts.values());
    }

    public Optional<PromptDefinition> prompt(String name) {
        return Optional.ofNullable(prompts.get(name));
    }

    /** The fixed resource with that URI, or the first template matching it, with the template's variables. */
    public Optional<Map.Entry<ResourceDefinition, Map<String, String>>> resource(String uri) {
        ResourceDefinition fixed = resources.get(uri);
        if (fixed != null) {
            return Optional.of(Map.entry(fixed, Map.of()));
        }
        for (ResourceDefinition template : templates) {
            Optional<Map<String, String>> match = template.template().match(uri);
            if (match.isPresent()) {
                return Optional.of(Map.entry(template, match.get()));
            }
        }
        return Optional.empty();
    }

    /** The completion for {@code ref/prompt} name or {@code ref/resource} URI template, and argument. */
    public Optional<CompletionDefinition> completion(String refType, String ref, String argument) {
        return Optional.ofNullable(completions.get(completionKey(refType, ref, argument)));
    }

    public boolean hasCompletions() {
        return !completions.isEmpty();
    }

    static String completionKey(String refType, String ref, String argument) {
        return refType + " " + ref + " " + argument;
    }
}
