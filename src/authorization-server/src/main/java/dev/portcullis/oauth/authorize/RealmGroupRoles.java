package dev.portcullis.oauth.authorize;

import dev.portcullis.config.AuditConfig;
import dev.portcullis.config.AuthorizeConfig;
import dev.portcullis.config.ConsoleConfig;
import jakarta.inject.Inject;
import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.annotation.WebListener;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Declares the realm groups {@link RealmGroups} asks about as the module's roles when it starts
 * ({@link ServletContext#declareRoles}), so that {@code isUserInRole} answers for each on every server: the
 * configured {@code portcullis.oauth.realm-groups}, {@code portcullis.audit.admin-group} and
 * {@code portcullis.console.operator-group}. The roles web.xml
 * declares itself are not declared twice.
 *
 * @see <a href="https://jakarta.ee/specifications/servlet/6.0/jakarta-servlet-spec-6.0#programmatic-access-control-annotations">Servlet 6.0 section 13.3 (isUserInRole)</a>
 */
@WebListener
public class RealmGroupRoles implements ServletContextListener {

    /** The roles portcullis-oauth.war's web.xml declares. */
    static final List<String> WEB_XML_ROLES = List.of("mcp-users", "mcp-admins", "portcullis-admins");

    private static final String ATTRIBUTE = RealmGroupRoles.class.getName();

    @Inject
    private AuthorizeConfig authorize;

    @Inject
    private AuditConfig audit;

    @Inject
    private ConsoleConfig console;

    @Override
    public void contextInitialized(ServletContextEvent event) {
        Set<String> names = new LinkedHashSet<>(authorize.realmGroups());
        names.add(audit.adminGroup());
        names.add(console.operatorGroup());
        ServletContext context = event.getServletContext();
        String[] undeclared =
                names.stream().filter(name -> !WEB_XML_ROLES.contains(name)).toArray(String[]::new);
        if (undeclared.length > 0) {
            context.declareRoles(undeclared);
        }
        context.setAttribute(ATTRIBUTE, List.copyOf(names));
    }

    /** The group names declared at start; web.xml's roles if the listener has not run. */
    @SuppressWarnings("unchecked")
    static List<String> names(ServletContext context) {
        Object names = context.getAttribute(ATTRIBUTE);
        return names instanceof List<?> list ? (List<String>) list : WEB_XML_ROLES;
    }
}
