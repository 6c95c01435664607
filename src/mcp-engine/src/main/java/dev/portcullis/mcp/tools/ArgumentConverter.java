package dev.portcullis.mcp.tools;

import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.lang.reflect.Array;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Converts JSON arguments to the Java types {@link JsonSchemaGenerator} supports. A value of the wrong shape is an
 * {@link InvalidArgumentException} whose message names the argument path, so the model can correct its call.
 */
public final class ArgumentConverter {

    /** {@code value} (null when absent) as {@code type}; {@code path} names the value in messages. */
    public Object convert(JsonValue value, Type type, String path) {
        Class<?> raw = JavaTypes.raw(type);
        if (raw == Optional.class) {
            return value == null || value == JsonValue.NULL
                    ? Optional.empty()
                    : Optional.of(convert(value, JavaTypes.argument(type, 0), path));
        }
        if (value == null || value == JsonValue.NULL) {
            if (raw.isPrimitive()) {
                throw new InvalidArgumentException(path + " is required");
            }
            return null;
        }
        if (JsonValue.class.isAssignableFrom(raw)) {
            return expect(raw.isInstance(value), value, raw, path);
        }
        if (raw == String.class) {
            return ((JsonString) expect(value instanceof JsonString, value, "a string", path)).getString();
        }
        if (raw == char.class || raw == Character.class) {
            String s = ((JsonString) expect(value instanceof JsonString, value, "a string", path)).getString();
            if (s.length() != 1) {
                throw new InvalidArgumentException(path + " must be a single character");
            }
            return s.charAt(0);
        }
        if (raw == boolean.class || raw == Boolean.class) {
            expect(value == JsonValue.TRUE || value == JsonValue.FALSE, value, "a boolean", path);
            return value == JsonValue.TRUE;
        }
        if (JavaTypes.INTEGERS.contains(raw) || JavaTypes.NUMBERS.contains(raw)) {
            return number((JsonNumber) expect(value instanceof JsonNumber, value, "a number", path), raw, path);
        }
        if (raw.isEnum()) {
            return enumConstant(
                    raw, ((JsonString) expect(value instanceof JsonString, value, "a string", path)).getString(), path);
        }
        if (raw.isArray() || JavaTypes.isCollection(raw)) {
            return collection((JsonArray) expect(value instanceof JsonArray, value, "an array", path), type, raw, path);
        }
        if (JavaTypes.isMap(raw)) {
            JsonObject object = (JsonObject) expect(value instanceof JsonObject, value, "an object", path);
            Map<String, Object> map = new LinkedHashMap<>();
            object.forEach((k, v) -> map.put(k, convert(v, JavaTypes.argument(type, 1), path + "." + k)));
            return map;
        }
        if (raw.isRecord()) {
            return record((JsonObject) expect(value instanceof JsonObject, value, "an object", path), raw, path);
        }
        throw new UnsupportedTypeException(type, "no JSON conversion");
    }

    private static Object number(JsonNumber number, Class<?> raw, String path) {
        BigDecimal decimal = number.bigDecimalValue();
        if (JavaTypes.NUMBERS.contains(raw)) {
            if (raw == BigDecimal.class) {
                return decimal;
            }
            return raw == float.class || raw == Float.class
                    ? (Object) decimal.floatValue()
                    : (Object) decimal.doubleValue();
        }
        BigInteger integer;
        try {
            integer = decimal.toBigIntegerExact();
        } catch (ArithmeticException e) {
            throw new InvalidArgumentException(path + " must be an integer");
        }
        try {
            if (raw == long.class || raw == Long.class) {
                return integer.longValueExact();
            }
            if (raw == int.class || raw == Integer.class) {
                return integer.intValueExact();
            }
            if (raw == short.class || raw == Short.class) {
                return integer.shortValueExact();
            }
            if (raw == byte.class || raw == Byte.class) {
                return integer.byteValueExact();
            }
            return integer;
        } catch (ArithmeticException e) {
            throw new InvalidArgumentException(path + " is out of range");
        }
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Object enumConstant(Class<?> raw, String name, String path) {
        try {
            return Enum.valueOf((Class) raw, name);
        } catch (IllegalArgumentException e) {
            throw new InvalidArgumentException(path + " must be one of " + List.of(raw.getEnumConstants()));
        }
    }

    private Object collection(JsonArray array, Type type, Class<?> raw, String path) {
        Type element = JavaTypes.elementType(type);
        List<Object> values = new ArrayList<>();
        for (int i = 0; i < array.size(); i++) {
            values.add(convert(array.get(i), element, path + "[" + i + "]"));
        }
        if (raw.isArray()) {
            Object result = Array.newInstance(raw.getComponentType(), values.size());
            for (int i = 0; i < values.size(); i++) {
                Array.set(result, i, values.get(i));
            }
            return result;
        }
        if (Set.class.isAssignableFrom(raw)) {
            return new LinkedHashSet<>(values);
        }
        if (raw.isAssignableFrom(ArrayList.class) || raw == Collection.class) {
            return values;
        }
        throw new UnsupportedTypeException(type, "use List, Set or Collection");
    }

    private Object record(JsonObject object, Class<?> raw, String path) {
        RecordComponent[] components = raw.getRecordComponents();
        Object[] values = new Object[components.length];
        Class<?>[] types = new Class<?>[components.length];
        for (int i = 0; i < components.length; i++) {
            RecordComponent component = components[i];
            JsonValue value = object.get(component.getName());
            if (value == null && !JavaTypes.isOptional(component.getGenericType())) {
                throw new InvalidArgumentException(path + "." + component.getName() + " is required");
            }
            values[i] = convert(value, component.getGenericType(), path + "." + component.getName());
            types[i] = component.getType();
        }
        try {
            var constructor = raw.getDeclaredConstructor(types);
            constructor.setAccessible(true);
            return constructor.newInstance(values);
        } catch (InvocationTargetException e) {
            throw new InvalidArgumentException(
                    path + " is not valid: " + e.getCause().getMessage());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot construct " + raw.getName(), e);
        }
    }

    private static JsonValue expect(boolean ok, JsonValue value, Object expected, String path) {
        if (!ok) {
            String what = expected instanceof Class<?> c ? "a JSON " + c.getSimpleName() : expected.toString();
            throw new InvalidArgumentException(path + " must be " + what + ", not "
                    + value.getValueType().name().toLowerCase(Locale.ROOT));
        }
        return value;
    }
}
