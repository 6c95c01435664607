package dev.portcullis.oauth.registration;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portcullis.oauth.caller.CallerNetwork;
import org.junit.jupiter.api.Test;

/** The rate limit's key is the caller's network: nothing in the request body can change it. */
class RegistrationRateLimiterTest {

    @Test
    void callerNetworkWhenIpv4ThenTheAddressItself() {
        assertThat(CallerNetwork.of("203.0.113.7")).isEqualTo("203.0.113.7");
    }

    @Test
    void callerNetworkWhenIpv6ThenItsSlash64SoRotatingWithinItGainsNothing() {
        assertThat(CallerNetwork.of("2001:db8:1:2::1"))
                .isEqualTo(CallerNetwork.of("2001:db8:1:2:ffff:ffff:ffff:ffff"))
                .isEqualTo("2001:db8:1:2::/64")
                .isNotEqualTo(CallerNetwork.of("2001:db8:1:3::1"));
    }

    @Test
    void callerNetworkWhenMissingOrGarbledThenOneSharedKey() {
        assertThat(CallerNetwork.of(null))
                .isEqualTo(CallerNetwork.of(""))
                .isEqualTo(CallerNetwork.of("zz:zz"))
                .isEqualTo("unknown");
    }
}
