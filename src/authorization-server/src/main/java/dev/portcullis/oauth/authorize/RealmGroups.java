package dev.portcullis.oauth.authorize;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;

/**
 * The logged-in user's realm groups, through the one standard question Jakarta EE lets an application ask about
 * them: {@link HttpServletRequest#isUserInRole} for each group name it knows ({@link RealmGroupRoles}: the
 * configured {@code portcullis.oauth.realm-groups}, the audit admin group and the console operator group, declared as roles at start).
 *
 * <p>Why this way: there is no portable call that lists a user's groups. Jakarta Security's
 * {@code SecurityContext.getPrincipalsByType} sees no group principals on Open Liberty (it keeps groups in its
 * {@code WSCredential}), and the JAAS subject of Jakarta Authorization ({@code PolicyContext}
 * {@code javax.security.auth.Subject.container}) holds server-specific group objects, if any. A role the
 * application declares, though, maps to the realm group of the same name on all three servers this EAR runs on
 * (Liberty without role bindings, Payara with {@code activate-default-principal-to-role-mapping}, WildFly's Elytron
 * with the realm's groups as roles; src/docs/servers.md), and the realm itself turns an LDAP group into its name
 * (its {@code cn}).
 */
public final class RealmGroups {

    private RealmGroups() {}

    public static List<String> of(HttpServletRequest request) {
        return RealmGroupRoles.names(request.getServletContext()).stream()
                .filter(request::isUserInRole)
                .toList();
    }
}
