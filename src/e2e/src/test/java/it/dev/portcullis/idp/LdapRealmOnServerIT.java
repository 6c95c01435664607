package it.dev.portcullis.idp;

import static org.assertj.core.api.Assertions.assertThat;

import it.dev.portcullis.idp.RealmJourney.Outcome;
import it.dev.portcullis.support.AppServer;
import it.dev.portcullis.support.ServerUnderTest;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The server's own LDAP realm (Payara: {@code src/servers/payara/realm-ldap.asadmin}) against the same real
 * OpenLDAP and directory as Liberty's {@link LdapRealmIT}: a directory user signs in on the FORM login page in
 * Chromium while the official TypeScript SDK does discovery, registration and PKCE, and the directory's groups reach
 * the token and {@code @RolesAllowed("mcp-admins")}. The realm is switched on the running server of the end-to-end
 * suite and switched back to the demo users afterwards. Liberty's LDAP realm is proven by LdapRealmIT itself.
 */
@ExtendWith(ServerUnderTest.class)
class LdapRealmOnServerIT {

    private static final AppServer SERVER = AppServer.current();
    private static Slapd directory;
    private static RealmJourney journey;

    @BeforeAll
    static void directoryRealm() throws Exception {
        Assumptions.assumeFalse(SERVER.managedByBuild(), "Liberty's LDAP realm: ear-module's LdapRealmIT");
        directory = Slapd.start(Integer.getInteger("it.ldap.port", 9389));
        SERVER.useRealm(
                "ldap",
                Map.of(
                        // The test directory is a plain-LDAP slapd on loopback; the deploy guide says ldaps:// for
                        // others.
                        "LDAP_URL", "ldap://127.0.0.1:" + directory.port(),
                        "LDAP_BASE_DN", Slapd.SUFFIX,
                        "LDAP_BIND_DN", Slapd.BIND_DN,
                        "LDAP_BIND_PASSWORD", Slapd.BIND_PASSWORD));
        journey = new RealmJourney(SERVER.baseUrl().toString().replaceAll("/$", ""), "portcullis");
    }

    @AfterAll
    static void demoRealmAgain() throws Exception {
        if (directory != null) {
            try {
                SERVER.useRealm("file", Map.of());
            } finally {
                directory.close();
            }
        }
    }

    @Test
    void directoryAdminSignsInAndHerGroupsReachTheAdminOnlyEjb() throws Exception {
        Outcome carol = journey.signIn("carol", "carol-password");

        assertThat(carol.whoAmI().getString("name")).isEqualTo("carol");
        assertThat(PetTools.strings(carol.token().getJsonArray("groups")))
                .containsExactlyInAnyOrder("mcp-users", "mcp-admins");
        assertThat(carol.removal().getBoolean("isError"))
                .as(carol.removal().toString())
                .isFalse();
    }

    @Test
    void directoryUserWithoutAdminGroupIsRefusedByTheEjb() throws Exception {
        Outcome dave = journey.signIn("dave", "dave-password");

        assertThat(dave.whoAmI().getString("name")).isEqualTo("dave");
        assertThat(PetTools.strings(dave.token().getJsonArray("groups"))).containsExactly("mcp-users");
        assertThat(dave.removal().getBoolean("isError"))
                .as(dave.removal().toString())
                .isTrue();
    }
}
