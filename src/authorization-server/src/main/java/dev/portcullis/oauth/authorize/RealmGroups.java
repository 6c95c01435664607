package dev.portcullis.oauth.authorize;

import jakarta.servlet.http.HttpServletRequest;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.logging.Logger;
import javax.security.auth.Subject;

/**
 * The logged-in user's realm groups. Jakarta EE has no portable way to list them ({@code isUserInRole} only
 * answers for roles the application declares, and Jakarta Security's {@code getPrincipalsByType} sees no group
 * principals on Liberty, which keeps groups in its {@code WSCredential}). So this small adapter asks Open Liberty's
 * {@code WSSubject} through reflection (no compile-time dependency; the class is Liberty's public
 * {@code ibm-api}), and elsewhere falls back to the application roles the user is in.
 *
 * <p>Liberty names groups {@code group:<realm>/<unique id>}; the realm prefix is dropped, and an LDAP DN becomes
 * the value of its first RDN ({@code cn=mcp-users,ou=groups,...} becomes {@code mcp-users}).
 */
public final class RealmGroups {

    /** The roles web.xml declares: the fallback's candidates. */
    static final List<String> DECLARED_ROLES = List.of("mcp-users", "mcp-admins", "portcullis-admins");

    private static final Logger LOG = Logger.getLogger(RealmGroups.class.getName());

    private RealmGroups() {
    }

    public static List<String> of(HttpServletRequest request) {
        List<String> liberty = fromLiberty();
        if (liberty != null) {
            return liberty;
        }
        return DECLARED_ROLES.stream().filter(request::isUserInRole).toList();
    }

    /** The groups from Liberty's caller subject, or null when not on Liberty or the subject has none. */
    private static List<String> fromLiberty() {
        try {
            Class<?> wsSubject = Class.forName("com.ibm.websphere.security.auth.WSSubject");
            Class<?> wsCredential = Class.forName("com.ibm.websphere.security.cred.WSCredential");
            Subject subject = (Subject) wsSubject.getMethod("getCallerSubject").invoke(null);
            if (subject == null) {
                return null;
            }
            Method groupIds = wsCredential.getMethod("getGroupIds");
            Set<String> groups = new LinkedHashSet<>();
            for (Object credential : subject.getPublicCredentials(wsCredential)) {
                for (Object id : (List<?>) groupIds.invoke(credential)) {
                    groups.add(simpleName(String.valueOf(id)));
                }
            }
            return new ArrayList<>(groups);
        } catch (ClassNotFoundException e) {
            return null;
        } catch (ReflectiveOperationException | ClassCastException | SecurityException e) {
            Throwable cause = e instanceof InvocationTargetException ite ? ite.getCause() : e;
            LOG.fine(() -> "Realm groups not readable from the Liberty subject: " + cause);
            return null;
        }
    }

    /** {@code group:Realm/mcp-users} → {@code mcp-users}; {@code group:Realm/cn=a,ou=b} → {@code a}. */
    static String simpleName(String groupId) {
        String name = groupId.startsWith("group:") ? groupId.substring("group:".length()) : groupId;
        int slash = name.indexOf('/');
        if (slash >= 0) {
            name = name.substring(slash + 1);
        }
        String lower = name.toLowerCase(Locale.ROOT);
        if (lower.startsWith("cn=") || lower.startsWith("ou=") || lower.startsWith("uid=")) {
            int comma = name.indexOf(',');
            name = name.substring(name.indexOf('=') + 1, comma < 0 ? name.length() : comma);
        }
        return name;
    }
}
