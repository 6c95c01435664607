package dev.portcullis.mcp.tools;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.lang.reflect.Type;

/** How one feature-method parameter gets its value: from a client argument, or from the server. */
sealed interface ParameterBinding {

    Object resolve(JsonObject arguments, InvocationScope scope, ArgumentConverter converter);

    /** A client argument; {@code defaultValue} is null when there is none. */
    record Argument(String name, Type type, boolean required, JsonValue defaultValue, String description)
            implements ParameterBinding {
        @Override
        public Object resolve(JsonObject arguments, InvocationScope scope, ArgumentConverter converter) {
            JsonValue value = arguments.get(name);
            if (value == null || value == JsonValue.NULL) {
                value = defaultValue;
            }
            if (value == null && required) {
                throw new InvalidArgumentException("Missing required argument '" + name + "'");
            }
            return converter.convert(value, type, name);
        }
    }

    /** A {@code Progress}, {@code McpLog} or {@code Cancellation} parameter. */
    record Supplied(Class<?> type) implements ParameterBinding {
        @Override
        public Object resolve(JsonObject arguments, InvocationScope scope, ArgumentConverter converter) {
            return scope.supply(type);
        }
    }
}
