package dev.portcullis.oauth.authorize;

import jakarta.security.auth.message.config.AuthConfigFactory;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.annotation.WebListener;
import java.util.logging.Logger;

/**
 * Keeps this module on the FORM login of its web.xml: removes a Jakarta Authentication module that the server
 * registered for this context before the first request ({@link AuthConfigFactory#removeServerAuthModule}).
 *
 * <p>Why: a server may install the root module's MicroProfile JWT as a Jakarta Security authentication mechanism
 * bean of the whole EAR, and its Jakarta Security then registers the bridge to that mechanism for every web module.
 * Payara does ({@code JwtAuthCdiExtension}, then Soteria's {@code SamRegistrationInstaller} for context
 * {@code /oauth} too): the JWT mechanism then stood in front of the FORM login, and {@code /oauth/authorize}
 * answered 200 with an empty body instead of the login page. This module declares no mechanism of its own, so
 * whatever is registered here is that foreign one; without it the server's web.xml login applies again
 * (Servlet 6.0 section 13.6). Where nothing is registered (Liberty, and WildFly with the FORM-only domain of
 * {@code jboss-web.xml}) the call does nothing.
 *
 * @see <a href="https://jakarta.ee/specifications/authentication/3.0/jakarta-authentication-spec-3.0#servlet-container-profile">Jakarta Authentication 3.0, Servlet Container Profile</a>
 * @see <a href="https://jakarta.ee/specifications/authentication/3.0/apidocs/jakarta.security.auth.message/jakarta/security/auth/message/config/authconfigfactory#removeServerAuthModule(java.lang.Object)">AuthConfigFactory.removeServerAuthModule</a>
 */
@WebListener
public class FormLoginOnly implements ServletContextListener {

    private static final Logger LOG = Logger.getLogger(FormLoginOnly.class.getName());

    @Override
    public void contextInitialized(ServletContextEvent event) {
        AuthConfigFactory factory;
        try {
            factory = AuthConfigFactory.getFactory();
        } catch (RuntimeException noFactory) {
            // SecurityException by the API's contract, or whatever a server without a Jakarta Authentication runtime
            // throws instead: then nothing can be registered here either
            LOG.fine(() -> "No Jakarta Authentication factory ("
                    + noFactory.getClass().getName() + "): the module's login is its web.xml's");
            return;
        }
        if (factory != null) {
            factory.removeServerAuthModule(event.getServletContext());
        }
    }
}
