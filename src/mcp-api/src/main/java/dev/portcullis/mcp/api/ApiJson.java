package dev.portcullis.mcp.api;

import jakarta.json.spi.JsonProvider;

/**
 * The API's own JSON-P provider, looked up once: {@code jakarta.json.Json}'s static methods search for the provider
 * on every call. Package-private, so that the API depends on nothing of the engine and adds nothing public.
 */
final class ApiJson {

    /** The provider; thread-safe. */
    static final JsonProvider PROVIDER = JsonProvider.provider();

    private ApiJson() {}
}
