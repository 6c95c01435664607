package dev.portcullis.mcp.tools;

import dev.portcullis.json.Jsons;
import java.util.List;

/**
 * A completion method for one argument of a prompt or one variable of a resource template.
 *
 * @see <a href="https://modelcontextprotocol.io/specification/2025-11-25/server/utilities/completion">Completion</a>
 */
public final class CompletionDefinition {

    private final String argument;
    private final FeatureMethod method;

    CompletionDefinition(String argument, FeatureMethod method) {
        this.argument = argument;
        this.method = method;
    }

    public String argument() {
        return argument;
    }

    /** The candidates for the partial {@code value}. */
    @SuppressWarnings("unchecked")
    public List<String> complete(String value, InvocationScope scope) {
        Object returned = method.invoke(
                Jsons.PROVIDER
                        .createObjectBuilder()
                        .add(argument, value == null ? "" : value)
                        .build(),
                scope);
        return returned == null ? List.of() : List.copyOf((List<String>) returned);
    }
}
