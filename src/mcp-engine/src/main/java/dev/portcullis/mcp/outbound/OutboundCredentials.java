package dev.portcullis.mcp.outbound;

import dev.portcullis.mcp.api.AccessTokens;
import java.time.Clock;
import java.util.Optional;
import java.util.function.Function;

/**
 * {@link AccessTokens} for code outside CDI (a batch job, the integration tests): the same set-up as an injected
 * {@code @Downstream(name)}, from any look-up of the {@code portcullis.downstream.<name>.*} keys.
 */
public final class OutboundCredentials {

    private OutboundCredentials() {}

    /** @throws DownstreamConfigurationException naming the offending key */
    public static AccessTokens create(String name, Function<String, Optional<String>> config) {
        return create(name, config, Clock.systemUTC());
    }

    /**
     * @param clock tells when a cached token is due for renewal; outside CDI there is no injected one to share
     * @throws DownstreamConfigurationException naming the offending key
     */
    public static AccessTokens create(String name, Function<String, Optional<String>> config, Clock clock) {
        return DownstreamTokens.create(DownstreamSettings.read(config, name), clock);
    }
}
