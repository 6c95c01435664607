package dev.portcullis.mcp.tools;

import dev.portcullis.json.JsonInput;
import dev.portcullis.json.Jsons;
import dev.portcullis.mcp.api.CompleteArg;
import dev.portcullis.mcp.api.Prompt;
import dev.portcullis.mcp.api.PromptArg;
import dev.portcullis.mcp.api.PromptMessage;
import dev.portcullis.mcp.api.PromptResponse;
import dev.portcullis.mcp.api.Resource;
import dev.portcullis.mcp.api.ResourceContents;
import dev.portcullis.mcp.api.ResourceTemplate;
import dev.portcullis.mcp.api.ResourceTemplateArg;
import dev.portcullis.mcp.api.Tool;
import dev.portcullis.mcp.api.ToolArg;
import dev.portcullis.mcp.protocol.wire.PromptArgument;
import dev.portcullis.mcp.protocol.wire.ToolAnnotations;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/** Turns annotated methods into definitions, recording every problem instead of throwing. */
final class FeatureMethodFactory {

    private static final Pattern NAME = Pattern.compile(Tool.SPEC_NAME_PATTERN);

    private final List<String> problems;

    FeatureMethodFactory(List<String> problems) {
        this.problems = problems;
    }

    Optional<ToolDefinition> tool(Method method, Supplier<Object> instance) {
        Tool tool = method.getAnnotation(Tool.class);
        String name = tool.name().isEmpty() ? method.getName() : tool.name();
        int before = problems.size();
        checkName(method, "tool", name);
        JsonSchemaGenerator generator = new JsonSchemaGenerator();
        JsonSchemaGenerator.ObjectSchemaBuilder input = new JsonSchemaGenerator.ObjectSchemaBuilder();
        List<ParameterBinding> bindings = new ArrayList<>();
        Map<String, String> headers = new LinkedHashMap<>();
        Set<String> sensitive = new HashSet<>();
        for (Parameter parameter : method.getParameters()) {
            if (InvocationScope.supplies(parameter.getType())) {
                bindings.add(new ParameterBinding.Supplied(parameter.getType()));
                continue;
            }
            ToolArg arg = parameter.getAnnotation(ToolArg.class);
            String argName = argumentName(method, parameter, arg == null ? "" : arg.name());
            JsonValue defaultValue = arg == null || ToolArg.NO_DEFAULT.equals(arg.defaultValue())
                    ? null
                    : parseDefault(arg.defaultValue());
            boolean required = (arg == null || arg.required())
                    && defaultValue == null
                    && !JavaTypes.isOptional(parameter.getParameterizedType());
            String description = arg == null ? "" : arg.description();
            if (arg != null && arg.sensitive()) {
                sensitive.add(argName);
            }
            schema(method, generator, parameter.getParameterizedType()).ifPresent(schema -> {
                JsonObjectBuilder property = Jsons.PROVIDER.createObjectBuilder(schema);
                ContentEncoder.addIfPresent(property, "description", description);
                if (defaultValue != null) {
                    property.add("default", defaultValue);
                }
                if (arg != null && !arg.header().isEmpty()) {
                    property.add("x-mcp-header", arg.header());
                    headers.put(argName, arg.header());
                }
                input.property(argName, property.build(), required);
            });
            bindings.add(new ParameterBinding.Argument(
                    argName, parameter.getParameterizedType(), required, defaultValue, description));
        }
        JsonObject inputSchema =
                tool.inputSchema().isEmpty() ? input.build() : declaredSchema(method, tool.inputSchema());
        JsonObject outputSchema = null;
        if (tool.structuredContent()) {
            Class<?> raw = method.getReturnType();
            if (!raw.isRecord() && !JavaTypes.isMap(raw)) {
                problems.add(FeatureMethod.describe(method)
                        + " sets structuredContent, so it must return a record or a "
                        + "Map<String, ?> (structured content is a JSON object), not " + method.getGenericReturnType());
            } else {
                outputSchema =
                        schema(method, generator, method.getGenericReturnType()).orElse(null);
            }
        }
        if (problems.size() > before) {
            return Optional.empty();
        }
        return Optional.of(new ToolDefinition(
                name,
                Descriptors.tool(
                        name,
                        tool.title(),
                        tool.description(),
                        inputSchema,
                        outputSchema,
                        annotations(tool.annotations())),
                new FeatureMethod(instance, method, bindings),
                tool.structuredContent(),
                headers,
                tool.taskSupport(),
                tool.auditArguments(),
                sensitive));
    }

    Optional<ResourceDefinition> resource(Method method, Supplier<Object> instance) {
        Resource resource = method.getAnnotation(Resource.class);
        int before = problems.size();
        if (!resource.uri().matches("^[A-Za-z][A-Za-z0-9+.-]*:.+")
                || resource.uri().contains("{")) {
            problems.add(FeatureMethod.describe(method) + " has the resource URI '" + resource.uri()
                    + "', which is not an absolute URI (use @ResourceTemplate for templates)");
        }
        List<ParameterBinding> bindings = suppliedOnly(method);
        checkResourceReturn(method);
        return problems.size() > before
                ? Optional.empty()
                : Optional.of(new ResourceDefinition(
                        resource.uri(),
                        null,
                        emptyToNull(resource.mimeType()),
                        Descriptors.resource(
                                resource.uri(),
                                resource.name().isEmpty() ? method.getName() : resource.name(),
                                resource.title(),
                                resource.description(),
                                resource.mimeType()),
                        new FeatureMethod(instance, method, bindings)));
    }

    Optional<ResourceDefinition> template(Method method, Supplier<Object> instance) {
        ResourceTemplate annotation = method.getAnnotation(ResourceTemplate.class);
        UriTemplate template;
        try {
            template = UriTemplate.parse(annotation.uriTemplate());
        } catch (IllegalArgumentException e) {
            problems.add(FeatureMethod.describe(method) + " has a bad URI template: " + e.getMessage());
            return Optional.empty();
        }
        int before = problems.size();
        List<ParameterBinding> bindings = new ArrayList<>();
        for (Parameter parameter : method.getParameters()) {
            if (InvocationScope.supplies(parameter.getType())) {
                bindings.add(new ParameterBinding.Supplied(parameter.getType()));
                continue;
            }
            ResourceTemplateArg arg = parameter.getAnnotation(ResourceTemplateArg.class);
            String name = argumentName(method, parameter, arg == null ? "" : arg.name());
            if (parameter.getType() != String.class || !template.variables().contains(name)) {
                problems.add(FeatureMethod.describe(method) + " parameter '" + name + "' must be a String named after "
                        + "a variable of " + template.template() + " " + template.variables());
            }
            bindings.add(new ParameterBinding.Argument(name, String.class, true, null, ""));
        }
        checkResourceReturn(method);
        return problems.size() > before
                ? Optional.empty()
                : Optional.of(new ResourceDefinition(
                        template.template(),
                        template,
                        emptyToNull(annotation.mimeType()),
                        Descriptors.template(
                                template.template(),
                                annotation.name().isEmpty() ? method.getName() : annotation.name(),
                                annotation.title(),
                                annotation.description(),
                                annotation.mimeType()),
                        new FeatureMethod(instance, method, bindings)));
    }

    Optional<PromptDefinition> prompt(Method method, Supplier<Object> instance) {
        Prompt prompt = method.getAnnotation(Prompt.class);
        String name = prompt.name().isEmpty() ? method.getName() : prompt.name();
        int before = problems.size();
        checkName(method, "prompt", name);
        Class<?> returns = method.getReturnType();
        if (returns != PromptMessage.class && returns != PromptResponse.class && returns != List.class) {
            problems.add(FeatureMethod.describe(method)
                    + " must return PromptMessage, List<PromptMessage> or PromptResponse");
        }
        List<ParameterBinding> bindings = new ArrayList<>();
        List<PromptArgument> arguments = new ArrayList<>();
        for (Parameter parameter : method.getParameters()) {
            if (InvocationScope.supplies(parameter.getType())) {
                bindings.add(new ParameterBinding.Supplied(parameter.getType()));
                continue;
            }
            PromptArg arg = parameter.getAnnotation(PromptArg.class);
            String argName = argumentName(method, parameter, arg == null ? "" : arg.name());
            boolean optional = JavaTypes.isOptional(parameter.getParameterizedType());
            if (parameter.getType() != String.class && !optional) {
                problems.add(FeatureMethod.describe(method) + " parameter '" + argName + "' must be a String or "
                        + "Optional<String>: prompt arguments are strings");
            }
            boolean required = (arg == null || arg.required()) && !optional;
            arguments.add(Descriptors.argument(argName, arg == null ? "" : arg.description(), required));
            bindings.add(new ParameterBinding.Argument(argName, parameter.getParameterizedType(), required, null, ""));
        }
        return problems.size() > before
                ? Optional.empty()
                : Optional.of(new PromptDefinition(
                        name,
                        Descriptors.prompt(name, prompt.title(), prompt.description(), arguments),
                        new FeatureMethod(instance, method, bindings)));
    }

    Optional<CompletionDefinition> completion(Method method, Supplier<Object> instance) {
        List<ParameterBinding> bindings = new ArrayList<>();
        String argument = null;
        for (Parameter parameter : method.getParameters()) {
            if (InvocationScope.supplies(parameter.getType())) {
                bindings.add(new ParameterBinding.Supplied(parameter.getType()));
            } else if (argument == null && parameter.getType() == String.class) {
                CompleteArg arg = parameter.getAnnotation(CompleteArg.class);
                argument = argumentName(method, parameter, arg == null ? "" : arg.name());
                bindings.add(new ParameterBinding.Argument(argument, String.class, false, null, ""));
            } else {
                argument = null;
                break;
            }
        }
        if (argument == null || method.getReturnType() != List.class) {
            problems.add(FeatureMethod.describe(method)
                    + " must take one String (the partial value) and return List<String>");
            return Optional.empty();
        }
        return Optional.of(new CompletionDefinition(argument, new FeatureMethod(instance, method, bindings)));
    }

    private List<ParameterBinding> suppliedOnly(Method method) {
        List<ParameterBinding> bindings = new ArrayList<>();
        for (Parameter parameter : method.getParameters()) {
            if (InvocationScope.supplies(parameter.getType())) {
                bindings.add(new ParameterBinding.Supplied(parameter.getType()));
            } else {
                problems.add(FeatureMethod.describe(method) + " parameter '" + parameter.getName() + "' cannot be "
                        + "bound: a @Resource method takes only Progress, McpLog or Cancellation");
            }
        }
        return bindings;
    }

    private void checkResourceReturn(Method method) {
        Class<?> returns = method.getReturnType();
        if (returns != String.class && !ResourceContents.class.isAssignableFrom(returns) && returns != List.class) {
            problems.add(
                    FeatureMethod.describe(method) + " must return String, ResourceContents or List<ResourceContents>");
        }
    }

    private void checkName(Method method, String what, String name) {
        if (!NAME.matcher(name).matches()) {
            problems.add("The " + what + " name '" + name + "' of " + FeatureMethod.describe(method)
                    + " does not match " + Tool.SPEC_NAME_PATTERN);
        }
    }

    private String argumentName(Method method, Parameter parameter, String declared) {
        if (!declared.isEmpty()) {
            return declared;
        }
        if (!parameter.isNamePresent()) {
            problems.add(FeatureMethod.describe(method) + " parameter " + parameter.getName() + " has no name: compile "
                    + "with -parameters or name it in the annotation");
        }
        return parameter.getName();
    }

    private Optional<JsonObject> schema(Method method, JsonSchemaGenerator generator, Type type) {
        try {
            return Optional.of(generator.schemaOf(type));
        } catch (UnsupportedTypeException e) {
            problems.add(FeatureMethod.describe(method) + ": " + e.getMessage());
            return Optional.empty();
        }
    }

    /** The tool's annotations, or null when it declares none. */
    private static ToolAnnotations annotations(Tool.Annotations hints) {
        boolean any = hints.declared()
                || !hints.title().isEmpty()
                || hints.readOnlyHint()
                || !hints.destructiveHint()
                || hints.idempotentHint()
                || !hints.openWorldHint();
        if (!any) {
            return null;
        }
        return Descriptors.annotations(
                hints.title(),
                hints.readOnlyHint(),
                hints.destructiveHint(),
                hints.idempotentHint(),
                hints.openWorldHint());
    }

    private JsonObject declaredSchema(Method method, String schema) {
        JsonValue value = parseDefault(schema);
        if (value instanceof JsonObject object && "object".equals(object.getString("type", ""))) {
            return object;
        }
        problems.add(FeatureMethod.describe(method) + " declares an inputSchema that is not a JSON object schema "
                + "with \"type\": \"object\"");
        return JsonValue.EMPTY_JSON_OBJECT;
    }

    /** A default value is JSON when it parses as JSON, otherwise a string. */
    static JsonValue parseDefault(String value) {
        try {
            return JsonInput.read(value);
        } catch (RuntimeException e) {
            return Jsons.PROVIDER.createValue(value);
        }
    }

    private static String emptyToNull(String value) {
        return value.isEmpty() ? null : value;
    }
}
