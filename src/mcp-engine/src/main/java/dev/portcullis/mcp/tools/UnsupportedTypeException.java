package dev.portcullis.mcp.tools;

import java.lang.reflect.Type;

/** A Java type that has no JSON Schema mapping; reported as a deployment problem. */
public class UnsupportedTypeException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public UnsupportedTypeException(Type type, String why) {
        super("type " + type.getTypeName() + " is not supported: " + why, null, false, false);
    }
}
