package dev.portcullis.mcp.tools;

import dev.portcullis.mcp.api.Caller;
import dev.portcullis.mcp.api.RequiresScopes;
import jakarta.annotation.security.DenyAll;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.TreeSet;

/**
 * Who may use a feature method, from the standard security annotations and {@link RequiresScopes}. Method-level
 * {@code @RolesAllowed}/{@code @PermitAll}/{@code @DenyAll} override the class's, as in Jakarta Annotations
 * section 3.3; scopes add up from class and method.
 *
 * <p>Roles decide visibility: a caller outside the roles neither sees nor calls the feature. Scopes do not hide a
 * feature, because a client that never sees a tool cannot step up to use it; a call without them gets the 403
 * challenge instead.
 *
 * @see <a href="https://jakarta.ee/specifications/annotations/2.1/annotations-spec-2.1#jakarta-annotation-security-rolesallowed">Jakarta Annotations: RolesAllowed</a>
 */
public record AccessRule(boolean denyAll, Set<String> roles, Set<String> scopes) {

    /** Anyone may use it. */
    public static final AccessRule OPEN = new AccessRule(false, Set.of(), Set.of());

    public AccessRule {
        roles = Set.copyOf(roles);
        scopes = Collections.unmodifiableSet(new TreeSet<>(scopes));
    }

    static AccessRule of(Class<?> beanClass, Method method) {
        Set<String> scopes = new LinkedHashSet<>();
        scopes.addAll(declaredScopes(beanClass));
        scopes.addAll(declaredScopes(method));
        AnnotatedElement decider = hasSecurityAnnotation(method) ? method : beanClass;
        if (decider.isAnnotationPresent(DenyAll.class)) {
            return new AccessRule(true, Set.of(), scopes);
        }
        RolesAllowed roles = decider.getAnnotation(RolesAllowed.class);
        if (roles == null || decider.isAnnotationPresent(PermitAll.class)) {
            return new AccessRule(false, Set.of(), scopes);
        }
        return new AccessRule(false, Set.of(roles.value()), scopes);
    }

    /** Whether {@code caller} may see and call the feature, scopes aside. */
    public boolean admits(Caller caller) {
        if (denyAll) {
            return false;
        }
        return roles.isEmpty() || roles.stream().anyMatch(caller::isInRole);
    }

    /** The scopes the feature needs that {@code caller} lacks; empty when it has them all. */
    public Set<String> missingScopes(Caller caller) {
        Set<String> missing = new TreeSet<>(scopes);
        missing.removeAll(caller.scopes());
        return missing;
    }

    /** Whether the rule depends on who calls, so lists may differ by caller (CACHE26 cacheScope). */
    public boolean variesByCaller() {
        return denyAll || !roles.isEmpty();
    }

    private static boolean hasSecurityAnnotation(Method method) {
        return method.isAnnotationPresent(RolesAllowed.class)
                || method.isAnnotationPresent(PermitAll.class)
                || method.isAnnotationPresent(DenyAll.class);
    }

    private static Set<String> declaredScopes(AnnotatedElement element) {
        RequiresScopes declared = element.getAnnotation(RequiresScopes.class);
        return declared == null ? Set.of() : new LinkedHashSet<>(Arrays.asList(declared.value()));
    }
}
