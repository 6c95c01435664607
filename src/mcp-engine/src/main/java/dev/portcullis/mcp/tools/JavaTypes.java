package dev.portcullis.mcp.tools;

import java.lang.reflect.Array;
import java.lang.reflect.GenericArrayType;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Classification of Java types into JSON shapes, shared by the schema generator and the argument converter. */
final class JavaTypes {

    static final Set<Class<?>> INTEGERS = Set.of(
            int.class,
            Integer.class,
            long.class,
            Long.class,
            short.class,
            Short.class,
            byte.class,
            Byte.class,
            BigInteger.class);
    static final Set<Class<?>> NUMBERS = Set.of(double.class, Double.class, float.class, Float.class, BigDecimal.class);

    private JavaTypes() {}

    static Class<?> raw(Type type) {
        if (type instanceof Class<?> c) {
            return c;
        }
        if (type instanceof ParameterizedType p) {
            return (Class<?>) p.getRawType();
        }
        if (type instanceof GenericArrayType g) {
            return Array.newInstance(raw(g.getGenericComponentType()), 0).getClass();
        }
        throw new UnsupportedTypeException(type, "type variables and wildcards have no schema");
    }

    static Type argument(Type type, int index) {
        if (type instanceof ParameterizedType p) {
            return p.getActualTypeArguments()[index];
        }
        throw new UnsupportedTypeException(type, "raw collection types need a type argument, e.g. List<String>");
    }

    static boolean isOptional(Type type) {
        return raw(type) == Optional.class;
    }

    static boolean isCollection(Class<?> raw) {
        return Collection.class.isAssignableFrom(raw);
    }

    static boolean isMap(Class<?> raw) {
        return Map.class.isAssignableFrom(raw);
    }

    static Type elementType(Type type) {
        if (type instanceof GenericArrayType g) {
            return g.getGenericComponentType();
        }
        Class<?> raw = raw(type);
        return raw.isArray() ? raw.getComponentType() : argument(type, 0);
    }
}
