package dev.portcullis.oauth.token;

import java.util.List;

/** A signed access token and what the token response says about it. */
public record IssuedAccessToken(
        String value, String jti, long expiresIn, List<String> scopes, String subject, String resource) {

    @Override
    public String toString() {
        return "IssuedAccessToken[jti=" + jti + ", expiresIn=" + expiresIn + "]"; // never the token
    }
}
