package it.dev.portcullis.support;

/**
 * The machine clients the test server's operator provisioned (ear-module/pom.xml, {@code portcullis.oauth.machine-*}):
 * the only {@code client_credentials} clients there are, since anonymous registration cannot create one.
 */
public enum MachineClientsFixture {

    /** client_secret_basic, allowlisted for pets:read and pets:write. */
    SERVICE("it-service", "it-service-secret-basic-0123456789"),
    /** client_secret_post, allowlisted for pets:read and pets:write. */
    SERVICE_POST("it-service-post", "it-service-secret-post-0123456789"),
    /** client_secret_basic, allowlisted for pets:read only. */
    READ_ONLY("it-service-read", "it-service-secret-read-0123456789"),
    /** client_secret_basic, no scopes configured: the default allowlist, none. */
    UNSCOPED("it-service-unscoped", "it-service-secret-none-0123456789"),
    /** pets:read; used only by ClientAuthenticationThrottleIT, so no other test's success is in the verified cache. */
    THROTTLE_VICTIM("it-throttle-victim", "it-throttle-secret-victim-0123456789"),
    /** pets:read; ClientAuthenticationThrottleIT's second client. */
    THROTTLE_NEIGHBOUR("it-throttle-neighbour", "it-throttle-secret-neighbour-0123456789");

    private final String clientId;
    private final String secret;

    MachineClientsFixture(String clientId, String secret) {
        this.clientId = clientId;
        this.secret = secret;
    }

    public String clientId() {
        return clientId;
    }

    public String secret() {
        return secret;
    }
}
