package dev.portcullis.json;

import jakarta.json.spi.JsonProvider;

/**
 * One JSON-P provider for the application. {@code jakarta.json.Json}'s static methods look the provider up on
 * every call (a service-loader search, with class-loading failures, on Liberty), which dominated the cost of a
 * registration and sat on every MCP request; the provider itself is thread-safe. Use {@code Jsons.PROVIDER.create*}
 * instead of {@code Json.create*} in application code. It sits next to {@link JsonInput}, the one way the
 * application reads JSON text: together they are how every module (MCP and OAuth alike) reads and builds JSON-P.
 */
public final class Jsons {

    /** The shared provider. */
    public static final JsonProvider PROVIDER = JsonProvider.provider();

    private Jsons() {}
}
