package dev.portcullis.oauth.authorize;

import dev.portcullis.oauth.model.RegisteredClient;

/**
 * A known client and a redirect URI it registered: what must hold before the endpoint may redirect anywhere.
 * {@code redirectUriGiven} says whether the request named the URI (else it is the only registered one).
 *
 * @see <a href="https://www.rfc-editor.org/rfc/rfc6749#section-4.1.2.1">RFC 6749 section 4.1.2.1</a>
 */
public record CheckedClient(RegisteredClient client, String redirectUri, boolean redirectUriGiven) {}
