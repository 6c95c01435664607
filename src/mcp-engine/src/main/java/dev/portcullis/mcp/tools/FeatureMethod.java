package dev.portcullis.mcp.tools;

import jakarta.json.JsonObject;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.List;
import java.util.function.Supplier;

/** A feature method of a bean, ready to invoke with JSON arguments. */
final class FeatureMethod {

    private static final ArgumentConverter CONVERTER = new ArgumentConverter();

    private final Supplier<Object> instance;
    private final Method method;
    private final List<ParameterBinding> parameters;
    private final AccessRule access;

    FeatureMethod(Supplier<Object> instance, Method method, List<ParameterBinding> parameters) {
        this.instance = instance;
        this.method = method;
        this.parameters = List.copyOf(parameters);
        this.access = AccessRule.of(method.getDeclaringClass(), method);
        this.method.setAccessible(true);
    }

    /** Who may use this method. */
    AccessRule access() {
        return access;
    }

    List<ParameterBinding> parameters() {
        return parameters;
    }

    boolean takes(Class<?> suppliedType) {
        return parameters.stream().anyMatch(p -> p instanceof ParameterBinding.Supplied s && s.type() == suppliedType);
    }

    /** Binds the arguments and invokes; exceptions the method throws propagate unwrapped. */
    Object invoke(JsonObject arguments, InvocationScope scope) {
        Object[] values = new Object[parameters.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = parameters.get(i).resolve(arguments, scope, CONVERTER);
        }
        try {
            return method.invoke(instance.get(), values);
        } catch (InvocationTargetException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (cause instanceof Error error) {
                throw error;
            }
            throw new FeatureFailedException(describe(method), cause);
        } catch (IllegalAccessException e) {
            throw new FeatureFailedException(describe(method), e);
        }
    }

    static String describe(Method method) {
        return method.getDeclaringClass().getName() + "#" + method.getName();
    }

    @Override
    public String toString() {
        return describe(method);
    }
}
