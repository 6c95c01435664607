package dev.portcullis.mcp.tools;

import dev.portcullis.mcp.api.CompletePrompt;
import dev.portcullis.mcp.api.CompleteResourceTemplate;
import dev.portcullis.mcp.api.Prompt;
import dev.portcullis.mcp.api.Resource;
import dev.portcullis.mcp.api.ResourceTemplate;
import dev.portcullis.mcp.api.Tool;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;

/**
 * Collects feature methods and checks them as the application deploys. Every problem names the class and method
 * and says how to fix it; {@link #problems()} non-empty means the deployment must fail.
 */
public final class FeatureRegistryBuilder {

    /** The feature annotations this builder understands. */
    public static final List<Class<? extends Annotation>> ANNOTATIONS = List.of(
            Tool.class,
            Resource.class,
            ResourceTemplate.class,
            Prompt.class,
            CompletePrompt.class,
            CompleteResourceTemplate.class);

    private final Map<String, ToolDefinition> tools = new TreeMap<>();
    private final Map<String, ResourceDefinition> resources = new TreeMap<>();
    private final Map<String, ResourceDefinition> templates = new TreeMap<>();
    private final Map<String, PromptDefinition> prompts = new TreeMap<>();
    private final Map<String, CompletionDefinition> completions = new TreeMap<>();
    private final List<Runnable> deferred = new ArrayList<>();
    private final List<String> problems = new ArrayList<>();
    private final FeatureMethodFactory factory = new FeatureMethodFactory(problems);

    /** Whether the method carries a feature annotation. */
    public static boolean isFeature(Method method) {
        return ANNOTATIONS.stream().anyMatch(method::isAnnotationPresent);
    }

    /** Adds every feature method of {@code beanClass}; {@code instance} supplies the bean to invoke them on. */
    public FeatureRegistryBuilder addBean(Class<?> beanClass, Supplier<Object> instance) {
        for (Class<?> c = beanClass; c != null && c != Object.class; c = c.getSuperclass()) {
            for (Method method : c.getDeclaredMethods()) {
                if (isFeature(method) && !method.isBridge() && !method.isSynthetic()) {
                    add(method, instance);
                }
            }
        }
        return this;
    }

    void add(Method method, Supplier<Object> instance) {
        if (method.isAnnotationPresent(Tool.class)) {
            factory.tool(method, instance).ifPresent(t -> put(tools, t.name(), t, "tool name", method));
        }
        if (method.isAnnotationPresent(Resource.class)) {
            factory.resource(method, instance).ifPresent(r -> put(resources, r.key(), r, "resource URI", method));
        }
        if (method.isAnnotationPresent(ResourceTemplate.class)) {
            factory.template(method, instance).ifPresent(r -> put(templates, r.key(), r, "resource template", method));
        }
        if (method.isAnnotationPresent(Prompt.class)) {
            factory.prompt(method, instance).ifPresent(p -> put(prompts, p.name(), p, "prompt name", method));
        }
        if (method.isAnnotationPresent(CompletePrompt.class)) {
            String prompt = method.getAnnotation(CompletePrompt.class).value();
            deferred.add(() -> completion(
                    "ref/prompt",
                    prompt,
                    method,
                    instance,
                    prompts.containsKey(prompt) ? null : "names the prompt '" + prompt + "', which does not exist"));
        }
        if (method.isAnnotationPresent(CompleteResourceTemplate.class)) {
            String template =
                    method.getAnnotation(CompleteResourceTemplate.class).value();
            deferred.add(() -> completion(
                    "ref/resource",
                    template,
                    method,
                    instance,
                    templates.containsKey(template)
                            ? null
                            : "names the resource template '" + template + "', which does not exist"));
        }
    }

    private void completion(String refType, String ref, Method method, Supplier<Object> instance, String problem) {
        if (problem != null) {
            problems.add(FeatureMethod.describe(method) + " " + problem);
            return;
        }
        factory.completion(method, instance).ifPresent(c -> {
            boolean known = "ref/prompt".equals(refType)
                    ? prompts.get(ref).hasArgument(c.argument())
                    : templates.get(ref).template().variables().contains(c.argument());
            if (!known) {
                problems.add(FeatureMethod.describe(method) + " completes '" + c.argument() + "', which " + ref
                        + " does not declare");
            }
            put(completions, FeatureRegistry.completionKey(refType, ref, c.argument()), c, "completion", method);
        });
    }

    private <T> void put(Map<String, T> map, String key, T value, String what, Method method) {
        T previous = map.putIfAbsent(key, value);
        if (previous != null) {
            problems.add("Duplicate " + what + " '" + key + "': declared by " + FeatureMethod.describe(method)
                    + " and by " + previous);
        }
    }

    /** What is wrong with the collected methods; empty when the registry may be built. */
    public List<String> problems() {
        deferred.forEach(Runnable::run);
        deferred.clear();
        return List.copyOf(problems);
    }

    public FeatureRegistry build() {
        if (!problems().isEmpty()) {
            throw new IllegalStateException(String.join("; ", problems));
        }
        return new FeatureRegistry(
                Map.copyOf(tools).isEmpty() ? Map.of() : new LinkedHashMap<>(tools),
                new LinkedHashMap<>(resources),
                List.copyOf(templates.values()),
                new LinkedHashMap<>(prompts),
                new LinkedHashMap<>(completions));
    }
}
