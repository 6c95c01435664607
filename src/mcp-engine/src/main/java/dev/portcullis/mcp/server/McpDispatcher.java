package dev.portcullis.mcp.server;

import dev.portcullis.json.Jsons;
import dev.portcullis.mcp.api.DownstreamException;
import dev.portcullis.mcp.api.McpException;
import dev.portcullis.mcp.protocol.JsonRpc;
import dev.portcullis.mcp.protocol.JsonRpcErrorCodes;
import dev.portcullis.mcp.protocol.McpError;
import dev.portcullis.mcp.protocol.McpMethods;
import dev.portcullis.mcp.protocol.wire.InputRequiredResult;
import dev.portcullis.mcp.protocol.wire.ListPromptsResult;
import dev.portcullis.mcp.protocol.wire.ListResourceTemplatesResult;
import dev.portcullis.mcp.protocol.wire.ListResourcesResult;
import dev.portcullis.mcp.protocol.wire.ListToolsResult;
import dev.portcullis.mcp.protocol.wire.Wire;
import dev.portcullis.mcp.server.context.RequestContext;
import dev.portcullis.mcp.server.context.RequestHandler;
import dev.portcullis.mcp.server.exchange.Era;
import dev.portcullis.mcp.server.exchange.Reply;
import dev.portcullis.mcp.server.exchange.ServerInfo;
import dev.portcullis.mcp.server.features.CompletionHandler;
import dev.portcullis.mcp.server.features.ListHandler;
import dev.portcullis.mcp.server.features.Pagination;
import dev.portcullis.mcp.server.features.PromptsGetHandler;
import dev.portcullis.mcp.server.features.ResourcesReadHandler;
import dev.portcullis.mcp.server.features.ToolRunner;
import dev.portcullis.mcp.server.input.InputRequired;
import dev.portcullis.mcp.server.input.InputResponses;
import dev.portcullis.mcp.server.input.RequestStateCodec;
import dev.portcullis.mcp.server.lifecycle.DiscoverHandler;
import dev.portcullis.mcp.server.lifecycle.InitializeHandler;
import dev.portcullis.mcp.server.lifecycle.PingHandler;
import dev.portcullis.mcp.server.lifecycle.SetLevelHandler;
import dev.portcullis.mcp.server.lifecycle.SubscribeHandler;
import dev.portcullis.mcp.server.observation.McpInstrumentation;
import dev.portcullis.mcp.server.observation.McpObserver;
import dev.portcullis.mcp.server.observation.ServedCall;
import dev.portcullis.mcp.server.tasks.InMemoryTaskRecords;
import dev.portcullis.mcp.server.tasks.TaskLifecycle;
import dev.portcullis.mcp.server.tasks.TaskRecords;
import dev.portcullis.mcp.server.tasks.TasksCancelHandler;
import dev.portcullis.mcp.server.tasks.TasksGetHandler;
import dev.portcullis.mcp.server.tasks.TasksUpdateHandler;
import dev.portcullis.mcp.server.tasks.ToolsCallHandler;
import dev.portcullis.mcp.session.SessionKeys;
import dev.portcullis.mcp.session.SessionStore;
import dev.portcullis.mcp.tools.FeatureRegistry;
import dev.portcullis.mcp.tools.PromptDefinition;
import dev.portcullis.mcp.tools.ResourceDefinition;
import dev.portcullis.mcp.tools.ToolDefinition;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.Executor;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Routes a request to its handler and turns the outcome into a JSON-RPC response: {@code McpError} and
 * {@link McpException} become errors with their code; anything else is logged and becomes -32603 without its
 * message. Modern results get {@code resultType}, {@code _meta} server info and, where cacheable, {@code ttlMs} and
 * {@code cacheScope}.
 *
 * @see <a href="https://modelcontextprotocol.io/specification/2026-07-28/server/utilities/caching">Caching</a>
 */
public final class McpDispatcher {

    private static final Logger LOG = Logger.getLogger(McpDispatcher.class.getName());
    private static final Set<String> LEGACY_ONLY = Set.of(
            McpMethods.INITIALIZE,
            McpMethods.PING,
            McpMethods.LOGGING_SET_LEVEL,
            McpMethods.RESOURCES_SUBSCRIBE,
            McpMethods.RESOURCES_UNSUBSCRIBE);
    private static final Set<String> MODERN_ONLY = Set.of(
            McpMethods.DISCOVER,
            McpMethods.TASKS_GET,
            McpMethods.TASKS_UPDATE,
            McpMethods.TASKS_CANCEL,
            McpMethods.SUBSCRIPTIONS_LISTEN);
    private static final Set<String> CACHEABLE = Set.of(
            McpMethods.DISCOVER,
            McpMethods.TOOLS_LIST,
            McpMethods.RESOURCES_LIST,
            McpMethods.RESOURCES_TEMPLATES_LIST,
            McpMethods.PROMPTS_LIST,
            McpMethods.RESOURCES_READ);

    private static final Set<String> MAY_REQUIRE_INPUT =
            Set.of(McpMethods.TOOLS_CALL, McpMethods.PROMPTS_GET, McpMethods.RESOURCES_READ);

    private final Map<String, RequestHandler> handlers = new HashMap<>();
    private final RequestStateCodec requestState;
    private final ServerInfo info;
    private final McpSettings settings;
    private final Supplier<FeatureRegistry> registry;
    private final McpObserver observer;
    private final McpInstrumentation instrumentation;

    public McpDispatcher(
            Supplier<FeatureRegistry> registry,
            ServerInfo info,
            SessionStore sessions,
            McpSettings settings,
            Executor taskExecutor) {
        this(registry, info, sessions, settings, taskExecutor, McpObserver.NONE);
    }

    public McpDispatcher(
            Supplier<FeatureRegistry> registry,
            ServerInfo info,
            SessionStore sessions,
            McpSettings settings,
            Executor taskExecutor,
            McpObserver observer) {
        this(registry, info, sessions, settings, taskExecutor, observer, McpInstrumentation.NONE);
    }

    public McpDispatcher(
            Supplier<FeatureRegistry> registry,
            ServerInfo info,
            SessionStore sessions,
            McpSettings settings,
            Executor taskExecutor,
            McpObserver observer,
            McpInstrumentation instrumentation) {
        this(registry, info, sessions, settings, taskExecutor, observer, instrumentation, new InMemoryTaskRecords());
    }

    /** @param taskRecords where the tasks of the tasks extension live; servers sharing them share their tasks */
    public McpDispatcher(
            Supplier<FeatureRegistry> registry,
            ServerInfo info,
            SessionStore sessions,
            McpSettings settings,
            Executor taskExecutor,
            McpObserver observer,
            McpInstrumentation instrumentation,
            TaskRecords taskRecords) {
        this(
                registry,
                info,
                sessions,
                settings,
                taskExecutor,
                observer,
                instrumentation,
                taskRecords,
                Clock.systemUTC());
    }

    /** @param clock tells task expiry and requestState age */
    public McpDispatcher(
            Supplier<FeatureRegistry> registry,
            ServerInfo info,
            SessionStore sessions,
            McpSettings settings,
            Executor taskExecutor,
            McpObserver observer,
            McpInstrumentation instrumentation,
            TaskRecords taskRecords,
            Clock clock) {
        this.instrumentation = instrumentation;
        this.registry = registry;
        this.observer = Objects.requireNonNull(observer, "observer cannot be null");
        this.info = info;
        this.settings = settings;
        this.requestState = new RequestStateCodec(settings.requestStateKey(), clock);
        Pagination pages = new Pagination(settings.pageSize());
        handlers.put(McpMethods.INITIALIZE, new InitializeHandler(info, sessions));
        handlers.put(McpMethods.DISCOVER, new DiscoverHandler(info));
        handlers.put(McpMethods.PING, new PingHandler());
        handlers.put(McpMethods.LOGGING_SET_LEVEL, new SetLevelHandler());
        handlers.put(
                McpMethods.TOOLS_LIST,
                new ListHandler<>(
                        registry,
                        FeatureRegistry::tools,
                        ToolDefinition::descriptor,
                        ToolDefinition::access,
                        ListToolsResult::json,
                        pages));
        ToolRunner tools = new ToolRunner(registry, instrumentation);
        TaskLifecycle tasks = new TaskLifecycle(
                taskRecords, taskExecutor, clock, tools, TaskLifecycle.TTL_MS, TaskLifecycle.POLL_INTERVAL_MS);
        handlers.put(McpMethods.TOOLS_CALL, new ToolsCallHandler(tools, tasks));
        handlers.put(McpMethods.TASKS_GET, new TasksGetHandler(tasks));
        handlers.put(McpMethods.TASKS_UPDATE, new TasksUpdateHandler(tasks));
        handlers.put(McpMethods.TASKS_CANCEL, new TasksCancelHandler(tasks));
        handlers.put(
                McpMethods.RESOURCES_LIST,
                new ListHandler<>(
                        registry,
                        FeatureRegistry::resources,
                        ResourceDefinition::descriptor,
                        ResourceDefinition::access,
                        ListHandler.typed(ListResourcesResult::new),
                        pages));
        handlers.put(
                McpMethods.RESOURCES_TEMPLATES_LIST,
                new ListHandler<>(
                        registry,
                        FeatureRegistry::resourceTemplates,
                        ResourceDefinition::descriptor,
                        ResourceDefinition::access,
                        ListHandler.typed(ListResourceTemplatesResult::new),
                        pages));
        handlers.put(McpMethods.RESOURCES_READ, new ResourcesReadHandler(registry));
        handlers.put(McpMethods.RESOURCES_SUBSCRIBE, new SubscribeHandler(true));
        handlers.put(McpMethods.RESOURCES_UNSUBSCRIBE, new SubscribeHandler(false));
        handlers.put(
                McpMethods.PROMPTS_LIST,
                new ListHandler<>(
                        registry,
                        FeatureRegistry::prompts,
                        PromptDefinition::descriptor,
                        PromptDefinition::access,
                        ListHandler.typed(ListPromptsResult::new),
                        pages));
        handlers.put(McpMethods.PROMPTS_GET, new PromptsGetHandler(registry));
        handlers.put(McpMethods.COMPLETION_COMPLETE, new CompletionHandler(registry));
    }

    /** Whether the era knows the method. */
    boolean knows(Era era, String method) {
        return handlers.containsKey(method)
                && !(era == Era.MODERN && LEGACY_ONLY.contains(method))
                && !(era == Era.LEGACY && MODERN_ONLY.contains(method));
    }

    /**
     * Serves a request under an {@link McpInstrumentation} observation labelled with the method and, for
     * {@code tools/call}, the tool; both only as the engine knows them, so labels stay bounded.
     */
    Reply dispatch(RequestContext context) {
        String method = context.message().method();
        boolean known = knows(context.era(), method);
        McpInstrumentation.Observation observation = McpInstrumentation.safely(() -> instrumentation.request(
                known ? method : McpInstrumentation.UNKNOWN,
                known ? toolLabel(method, context.params()) : McpInstrumentation.NO_TOOL,
                clientId(context)));
        Reply reply = null;
        try {
            reply = observed(context);
            return reply;
        } finally {
            observation.end(outcome(reply));
        }
    }

    private String toolLabel(String method, JsonObject params) {
        if (!McpMethods.TOOLS_CALL.equals(method)) {
            return McpInstrumentation.NO_TOOL;
        }
        JsonValue name = params == null ? null : params.get("name");
        if (name instanceof JsonString text
                && registry.get().tool(text.getString()).isPresent()) {
            return text.getString();
        }
        return McpInstrumentation.UNKNOWN;
    }

    /** The {@code client_id} claim of the caller's access token (RFC 9068 section 2.2), never the token. */
    private static String clientId(RequestContext context) {
        return context.caller() == null
                ? null
                : context.caller().claim("client_id").map(Object::toString).orElse(null);
    }

    /** The JSON-RPC error code of a reply, {@link McpInstrumentation#TOOL_ERROR} for a tool result with isError, or null. */
    private static String outcome(Reply reply) {
        if (reply == null) {
            return String.valueOf(JsonRpcErrorCodes.INTERNAL_ERROR);
        }
        JsonObject body = reply.body();
        if (body == null) {
            return null;
        }
        JsonValue error = body.get("error");
        if (error instanceof JsonObject object && object.get("code") instanceof JsonNumber code) {
            return code.toString();
        }
        JsonValue result = body.get("result");
        if (result instanceof JsonObject object && object.get("isError") == JsonValue.TRUE) {
            return McpInstrumentation.TOOL_ERROR;
        }
        return null;
    }

    /** Serves a request and tells the observer about feature calls and opened sessions. */
    private Reply observed(RequestContext context) {
        String method = context.message().method();
        if (!OBSERVED.contains(method)) {
            Reply reply = serve(context);
            if (McpMethods.INITIALIZE.equals(method) && reply.newSessionId() != null) {
                observe(() -> observer.sessionOpened(SessionKeys.of(reply.newSessionId()), context.caller()));
            }
            return reply;
        }
        long started = System.nanoTime();
        Reply reply = serve(context);
        long duration = System.nanoTime() - started;
        observe(() -> observer.served(served(context, reply, duration)));
        return reply;
    }

    private static final Set<String> OBSERVED =
            Set.of(McpMethods.TOOLS_CALL, McpMethods.RESOURCES_READ, McpMethods.PROMPTS_GET);

    private ServedCall served(RequestContext context, Reply reply, long durationNanos) {
        String method = context.message().method();
        JsonObject params = context.params();
        String target = McpMethods.RESOURCES_READ.equals(method)
                ? params.getString("uri", null)
                : params.getString("name", null);
        JsonObject body = reply.body();
        String outcome = ServedCall.OK;
        Integer code = null;
        JsonObject result = null;
        if (body != null && body.get("error") instanceof JsonObject error) {
            outcome = ServedCall.ERROR;
            code = error.get("code") instanceof JsonNumber number ? number.intValue() : null;
        } else if (body != null && body.get("result") instanceof JsonObject r) {
            result = r;
            if (r.getBoolean("isError", false)) {
                outcome = ServedCall.TOOL_ERROR;
            } else if ("input_required".equals(r.getString("resultType", ""))) {
                outcome = ServedCall.INPUT_REQUIRED;
            }
        }
        boolean record = McpMethods.TOOLS_CALL.equals(method)
                && target != null
                && registry.get()
                        .tool(target)
                        .map(ToolDefinition::auditArguments)
                        .orElse(false);
        JsonObject arguments = record && params.get("arguments") instanceof JsonObject a ? a : null;
        DownstreamException failure = context.downstreamFailure();
        return new ServedCall(
                method,
                target,
                context.caller(),
                outcome,
                code,
                durationNanos,
                arguments,
                record ? result : null,
                failure == null ? null : new ServedCall.DownstreamFailure(failure.downstream(), failure.reason()));
    }

    private static void observe(Runnable notice) {
        try {
            notice.run();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "An MCP observer failed: {0}", e.toString());
        }
    }

    /** Serves a request. Unknown methods: 200 + -32601 in legacy (a 404 would mean "session gone"), 404 in modern. */
    private Reply serve(RequestContext context) {
        String method = context.message().method();
        if (!knows(context.era(), method)) {
            McpError error = new McpError(
                    JsonRpcErrorCodes.METHOD_NOT_FOUND,
                    "Method not found: " + method,
                    null,
                    context.era() == Era.MODERN ? 404 : 200);
            return Reply.of(error.httpStatus(), JsonRpc.error(context.message().id(), error));
        }
        try {
            if (context.era() == Era.MODERN && MAY_REQUIRE_INPUT.contains(method)) {
                context.inputs(inputs(context));
            }
            JsonObject result;
            try {
                result = handlers.get(method).handle(context);
            } catch (InputRequired required) {
                result = inputRequired(context, required);
            }
            return new Reply(
                    200,
                    JsonRpc.result(context.message().id(), decorate(context, method, result)),
                    context.newSessionId());
        } catch (McpError e) {
            return Reply.of(e.httpStatus(), JsonRpc.error(context.message().id(), e));
        } catch (McpException e) {
            return Reply.of(200, JsonRpc.error(context.message().id(), e.code(), e.getMessage(), null));
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "MCP " + method + " failed", e);
            return Reply.of(
                    200,
                    JsonRpc.error(context.message().id(), JsonRpcErrorCodes.INTERNAL_ERROR, "Internal error", null));
        }
    }

    /** This round's answers: those in a valid {@code requestState} plus {@code inputResponses}. */
    private InputResponses inputs(RequestContext context) {
        JsonObject params = context.params();
        JsonValue responses = params.get("inputResponses");
        if (responses != null && responses.getValueType() != JsonValue.ValueType.OBJECT) {
            throw McpError.invalidParams("Invalid params: inputResponses must be an object");
        }
        JsonValue state = params.get("requestState");
        Map<String, JsonObject> earlier = Map.of();
        if (state instanceof JsonString text) {
            earlier = requestState.decode(text.getString(), context.message().method(), target(params));
        } else if (state != null) {
            throw McpError.invalidParams("Invalid params: requestState must be a string");
        }
        return InputResponses.merge(
                earlier, responses == null ? JsonValue.EMPTY_JSON_OBJECT : responses.asJsonObject());
    }

    /** The {@code InputRequiredResult} for the questions a feature method could not get answered (MRTR26). */
    private JsonObject inputRequired(RequestContext context, InputRequired required) {
        if (!MAY_REQUIRE_INPUT.contains(context.message().method()) || context.era() != Era.MODERN) {
            throw new IllegalStateException("input_required outside tools/call, prompts/get and resources/read");
        }
        return Wire.toJson(new InputRequiredResult(
                InputRequired.inputRequests(required.requests()),
                requestState.encode(
                        context.message().method(),
                        target(context.params()),
                        context.inputs().answers())));
    }

    private static String target(JsonObject params) {
        return params.getString("name", params.getString("uri", ""));
    }

    private JsonObject decorate(RequestContext context, String method, JsonObject result) {
        if (context.era() != Era.MODERN) {
            return result;
        }
        JsonObjectBuilder decorated = Jsons.PROVIDER.createObjectBuilder(result);
        if (!result.containsKey("resultType")) {
            decorated.add("resultType", "complete");
        }
        if (CACHEABLE.contains(method)) {
            decorated.add("ttlMs", settings.ttlMs()).add("cacheScope", settings.cacheScope());
        }
        JsonObjectBuilder meta = result.containsKey("_meta")
                ? Jsons.PROVIDER.createObjectBuilder(result.getJsonObject("_meta"))
                : Jsons.PROVIDER.createObjectBuilder();
        return decorated
                .add("_meta", meta.add("io.modelcontextprotocol/serverInfo", info.toJson()))
                .build();
    }
}
