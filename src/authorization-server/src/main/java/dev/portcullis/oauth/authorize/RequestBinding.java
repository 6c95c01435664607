package dev.portcullis.oauth.authorize;

import dev.portcullis.json.Jsons;
import jakarta.json.JsonArrayBuilder;

/**
 * The exact authorization request a consent form is about, as one string for the CSRF token's HMAC: every
 * parameter as sent, so a token does not carry over to a form whose parameters were changed.
 */
final class RequestBinding {

    static final String CONSENT_PURPOSE = "consent";

    private RequestBinding() {}

    /** The request and the audit flow id the form carries (both under the form token's HMAC). */
    static String of(AuthorizationRequest request, String flowId) {
        return of(request) + "\n" + (flowId == null ? "" : flowId);
    }

    static String of(AuthorizationRequest request) {
        JsonArrayBuilder parts = Jsons.PROVIDER.createArrayBuilder();
        for (String value : new String[] {
            request.clientId(),
            request.redirectUri(),
            request.responseType(),
            request.state(),
            request.codeChallenge(),
            request.codeChallengeMethod(),
            request.scope()
        }) {
            if (value == null) {
                parts.addNull();
            } else {
                parts.add(value);
            }
        }
        JsonArrayBuilder resources = Jsons.PROVIDER.createArrayBuilder();
        request.resources().forEach(resources::add);
        return parts.add(resources).build().toString();
    }
}
