package dev.portcullis.oauth.console;

import jakarta.json.JsonObject;

/**
 * One known MCP client as it registers and authorizes: an entry of {@code src/selftest/client-profiles.json}, the
 * one file the profile IT, the command-line self-test and this console share.
 *
 * @param registration the DCR body the client sends (RFC 7591), with {@code {port}} placeholders filled in
 * @param redirectUri the redirect URI of its authorization request
 * @param scope the scope it asks for at the authorization endpoint
 * @param trailingSlash whether it sends {@code resource} with one slash appended to the PRM's resource
 */
record ClientProfile(
        String id,
        String client,
        JsonObject registration,
        String redirectUri,
        String scope,
        boolean trailingSlash,
        boolean refreshes) {}
