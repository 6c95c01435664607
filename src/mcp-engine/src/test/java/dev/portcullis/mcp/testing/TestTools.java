package dev.portcullis.mcp.testing;

import dev.portcullis.mcp.api.CompleteArg;
import dev.portcullis.mcp.api.CompletePrompt;
import dev.portcullis.mcp.api.ImageContent;
import dev.portcullis.mcp.api.McpLog;
import dev.portcullis.mcp.api.Progress;
import dev.portcullis.mcp.api.Prompt;
import dev.portcullis.mcp.api.PromptArg;
import dev.portcullis.mcp.api.PromptMessage;
import dev.portcullis.mcp.api.Resource;
import dev.portcullis.mcp.api.ResourceTemplate;
import dev.portcullis.mcp.api.TextContent;
import dev.portcullis.mcp.api.Tool;
import dev.portcullis.mcp.api.ToolArg;
import dev.portcullis.mcp.api.ToolCallException;
import dev.portcullis.mcp.tools.FeatureRegistry;
import dev.portcullis.mcp.tools.FeatureRegistryBuilder;
import java.util.List;
import java.util.Optional;

/** A feature bean used by the engine's unit tests. */
public final class TestTools {

    /** Sizes of shirts. */
    public enum Size {
        S,
        M,
        L
    }

    /** A structured answer. */
    public record Sum(long total, Optional<String> note) {}

    public static FeatureRegistry registry() {
        TestTools tools = new TestTools();
        FeatureRegistryBuilder builder = new FeatureRegistryBuilder().addBean(TestTools.class, () -> tools);
        if (!builder.problems().isEmpty()) {
            throw new IllegalStateException(builder.problems().toString());
        }
        return builder.build();
    }

    @Tool(description = "Echoes its text.")
    public String echo(@ToolArg(description = "What to echo", header = "Text") String text) {
        return text;
    }

    @Tool(name = "add", structuredContent = true, annotations = @Tool.Annotations(readOnlyHint = true))
    public Sum add(int a, @ToolArg(defaultValue = "0") int b) {
        return new Sum(a + b, Optional.empty());
    }

    @Tool(name = "fail")
    public String fail(@ToolArg(required = false) Optional<Size> size) {
        throw new ToolCallException("Size " + size.orElse(Size.M) + " is sold out");
    }

    @Tool(name = "crash")
    public String crash() {
        throw new IllegalStateException("secret internal detail");
    }

    @Tool(name = "image")
    public List<Object> image() {
        return List.of(new TextContent("a dot"), new ImageContent("iVBORw0KGgo=", "image/png"));
    }

    @Tool(name = "slow")
    public String slow(Progress progress, McpLog log) {
        log.info("starting");
        progress.notify(1, 2.0, "half");
        progress.notify(2, 2.0, "done");
        return "finished";
    }

    @Tool(name = "ask")
    public String ask(dev.portcullis.mcp.api.ClientRequests client) {
        return client.createMessage("Hello?", 5).toString();
    }

    @Resource(uri = "test://hello", mimeType = "text/plain")
    public String hello() {
        return "Hello";
    }

    @ResourceTemplate(uriTemplate = "test://items/{id}", mimeType = "text/plain")
    public String item(String id) {
        return "Item " + id;
    }

    @Prompt(name = "greet", description = "Greets someone")
    public PromptMessage greet(@PromptArg(description = "Who") String name) {
        return PromptMessage.user("Say hello to " + name);
    }

    @CompletePrompt("greet")
    public List<String> completeName(@CompleteArg(name = "name") String prefix) {
        return List.of("Alice", "Albert", "Bob").stream()
                .filter(n -> n.startsWith(prefix))
                .toList();
    }
}
