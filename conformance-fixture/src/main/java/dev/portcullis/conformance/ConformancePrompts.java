package dev.portcullis.conformance;

import dev.portcullis.mcp.api.CompleteArg;
import dev.portcullis.mcp.api.CompletePrompt;
import dev.portcullis.mcp.api.EmbeddedResource;
import dev.portcullis.mcp.api.ImageContent;
import dev.portcullis.mcp.api.Prompt;
import dev.portcullis.mcp.api.PromptArg;
import dev.portcullis.mcp.api.PromptMessage;
import dev.portcullis.mcp.api.TextResourceContents;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/** The conformance suite's prompts and a completion. */
@ApplicationScoped
public class ConformancePrompts {

    @Prompt(name = "test_simple_prompt", description = "A simple prompt without arguments")
    public PromptMessage simple() {
        return PromptMessage.user("This is a simple prompt for testing.");
    }

    @Prompt(name = "test_prompt_with_arguments", description = "A prompt with two arguments")
    public PromptMessage withArguments(@PromptArg(description = "First test argument") String arg1,
            @PromptArg(description = "Second test argument") String arg2) {
        return PromptMessage.user("Prompt with arguments: arg1='" + arg1 + "', arg2='" + arg2 + "'");
    }

    @Prompt(name = "test_prompt_with_embedded_resource", description = "A prompt embedding a resource")
    public List<PromptMessage> withEmbeddedResource(@PromptArg(description = "URI of the resource to embed")
            String resourceUri) {
        return List.of(PromptMessage.user(new EmbeddedResource(new TextResourceContents(resourceUri, "text/plain",
                "Embedded resource content for testing."))), PromptMessage.user("Please process the embedded resource above."));
    }

    @Prompt(name = "test_prompt_with_image", description = "A prompt with an image")
    public List<PromptMessage> withImage() {
        return List.of(PromptMessage.user(new ImageContent(ConformanceTools.PNG, "image/png")),
                PromptMessage.user("Please analyze the image above."));
    }

    @CompletePrompt("test_prompt_with_arguments")
    public List<String> completeArg1(@CompleteArg(name = "arg1") String value) {
        return List.of("paris", "park", "party").stream().filter(v -> v.startsWith(value)).toList();
    }
}
