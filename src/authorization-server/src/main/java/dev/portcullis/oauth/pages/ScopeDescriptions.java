package dev.portcullis.oauth.pages;

import java.util.Map;

/** What each scope lets a client do, in plain words for the consent page. */
public final class ScopeDescriptions {

    private static final Map<String, String> KNOWN = Map.of(
            "pets:read", "See the pets in the pet store",
            "pets:write", "Add, change and remove pets in the pet store");

    private ScopeDescriptions() {}

    public static String describe(String scope) {
        return KNOWN.getOrDefault(scope, "Use the tools that need the permission “" + scope + "”");
    }
}
