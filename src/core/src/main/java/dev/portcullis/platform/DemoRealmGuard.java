package dev.portcullis.platform;

import java.util.Optional;
import org.eclipse.microprofile.config.Config;

/**
 * The demo realm (public passwords, {@code bob} an administrator) is the default so that a checkout runs in two
 * commands. The server's configuration says when it is active ({@code portcullis.demo-realm=true}, set by
 * liberty-config's realm-basic.xml); this class turns that into a loud warning at every start, and into a refusal
 * to start when the operator declared a production installation ({@code portcullis.production=true}).
 */
final class DemoRealmGuard {

    static final String DEMO_REALM = "portcullis.demo-realm";
    static final String PRODUCTION = "portcullis.production";

    static final String WARNING =
            "THE DEMO REALM IS ACTIVE: its users and passwords are public (alice, bob, auditor; bob is an"
                    + " mcp-admin, auditor reads the audit trail). Anyone who reaches this server can sign in. Use it only for demonstrations on this machine;"
                    + " select a real realm (PORTCULLIS_REALM=ldap or oidc) and set PORTCULLIS_PRODUCTION=true for an installation.";

    private final boolean demoRealm;
    private final boolean production;

    DemoRealmGuard(boolean demoRealm, boolean production) {
        this.demoRealm = demoRealm;
        this.production = production;
    }

    static DemoRealmGuard from(Config config) {
        return new DemoRealmGuard(flag(config, DEMO_REALM), flag(config, PRODUCTION));
    }

    private static boolean flag(Config config, String key) {
        return config.getOptionalValue(key, String.class)
                .map(String::trim)
                .map("true"::equalsIgnoreCase)
                .orElse(false);
    }

    /** The warning to log at start-up, when the demo realm is active. */
    Optional<String> warning() {
        return demoRealm ? Optional.of(WARNING) : Optional.empty();
    }

    /** Why the server must not start: the demo realm in an installation declared as production. */
    Optional<String> problem() {
        if (demoRealm && production) {
            return Optional.of(
                    "the demo realm (public passwords) is active and " + PRODUCTION + " is true."
                            + " Select a real realm (PORTCULLIS_REALM=ldap or oidc), or unset PORTCULLIS_PRODUCTION for a demonstration.");
        }
        return Optional.empty();
    }
}
