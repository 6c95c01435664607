package dev.portcullis.oauth.console;

import static dev.portcullis.oauth.console.ConsoleHtml.button;
import static dev.portcullis.oauth.console.ConsoleHtml.when;
import static dev.portcullis.oauth.pages.Html.escape;

import dev.portcullis.audit.AuditEvent;
import dev.portcullis.audit.AuditEventType;
import dev.portcullis.audit.AuditTrail;
import dev.portcullis.config.EffectiveSettings;
import dev.portcullis.config.EffectiveSettings.EffectiveSetting;
import dev.portcullis.oauth.authorize.RealmUser;
import dev.portcullis.oauth.keys.SigningKey;
import dev.portcullis.oauth.keys.SigningKeys;
import dev.portcullis.oauth.pages.PageHeaders;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * {@code /oauth/console/settings}: what this server runs with, for operators only. The effective Portcullis settings
 * with the config source of each (credentials hidden by {@link EffectiveSettings}, never rendered), the login, the
 * issuer mode, and the signing keys with their {@code kid} and age, with a button that rotates the active key. The
 * rotation's form is bound to the key it replaces, so a second submission of the same page rotates nothing.
 */
@Path("/console/settings")
@RequestScoped
public class SettingsPage {

    static final String ROTATE_KEY = "console-rotate-signing-key";

    @EJB
    private SigningKeys keys;

    @Inject
    private AuditTrail audit;

    @Inject
    private SignedInUser signedIn;

    @Inject
    private Clock clock;

    @Context
    private HttpServletRequest http;

    @Context
    private HttpServletResponse httpResponse;

    @Context
    private UriInfo uri;

    @GET
    @Produces(MediaType.TEXT_HTML)
    public Response settings() {
        RealmUser operator = signedIn.of(http, httpResponse);
        Optional<Response> refusal = ConsoleAccess.refusal(signedIn, http, operator);
        if (refusal.isPresent()) {
            return refusal.get();
        }
        String base = http.getContextPath();
        Config config = ConfigProvider.getConfig();
        StringBuilder body = new StringBuilder(ConsoleAccess.header(base, operator, "Settings"));
        body.append("<dl class=\"facts\"><dt>Issuer mode</dt><dd id=\"issuer-mode\">")
                .append(escape(issuerMode(config)))
                .append("</dd><dt>Login</dt><dd id=\"login\">")
                .append(escape(login(config)))
                .append("</dd><dt>Operator group</dt><dd>")
                .append(escape(signedIn.operatorGroup()))
                .append("</dd></dl>\n");
        body.append(keyTable(operator, base));
        body.append(settingTable(EffectiveSettings.of(config)));
        return ConsoleHtml.page(base, "Settings", body.toString());
    }

    @POST
    @Path("/rotate-key")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    public Response rotateKey(MultivaluedMap<String, String> form) {
        RealmUser operator = signedIn.of(http, httpResponse);
        Optional<Response> refusal = ConsoleAccess.refusal(signedIn, http, operator);
        if (refusal.isPresent()) {
            return refusal.get();
        }
        String replaced = keys.active().kid();
        if (!signedIn.genuine(http, operator, form, ROTATE_KEY, replaced) || !replaced.equals(form.getFirst("kid"))) {
            return ConsoleHtml.forgedForm(http.getContextPath());
        }
        if (!keys.rotatable()) {
            return ConsoleHtml.refused(
                    http.getContextPath(),
                    "The signing keys come from a keystore: replace the keystore to rotate them.");
        }
        SigningKey fresh = keys.rotate();
        audit.record(AuditEvent.of(AuditEventType.SIGNING_KEY_ROTATED)
                .subject(operator.subject())
                .target(fresh.kid())
                .detail("retired", replaced));
        // Absolute from the application's base URI: RESTEasy prefixes a relative Location with it, context path and
        // all.
        URI back = URI.create(uri.getBaseUri().toString().replaceAll("/$", "") + "/console/settings");
        return PageHeaders.secure(Response.seeOther(back), null).build();
    }

    private String keyTable(RealmUser operator, String base) {
        List<SigningKey> published = keys.published();
        Instant now = clock.instant();
        StringBuilder table = new StringBuilder(
                        "<table class=\"consents\" id=\"signing-keys\">\n<caption>Signing keys ")
                .append("(the JWKS publishes each; the active one signs)</caption>\n<tr><th scope=\"col\">kid</th>")
                .append("<th scope=\"col\">State</th><th scope=\"col\">Created</th><th scope=\"col\">Age</th></tr>\n");
        SigningKey active = keys.active();
        for (SigningKey key : published) {
            boolean isActive = key.kid().equals(active.kid());
            table.append("<tr><td><code class=\"kid\">")
                    .append(escape(key.kid()))
                    .append("</code></td><td>")
                    .append(isActive ? "active" : "retired " + when(key.retiredAt()))
                    .append("</td><td>")
                    .append(when(key.createdAt()))
                    .append("</td><td>")
                    .append(escape(age(key, now)))
                    .append("</td></tr>\n");
        }
        table.append("</table>\n");
        if (keys.rotatable()) {
            table.append(button(
                    base + "/console/settings/rotate-key",
                    signedIn.token(operator, ROTATE_KEY, active.kid()),
                    "Rotate signing key",
                    "Rotate the signing key " + active.kid(),
                    "rotate-key",
                    "kid",
                    active.kid()));
        } else {
            table.append(
                    "<p id=\"keystore-keys\">The keys come from a keystore: replace the keystore to rotate them.</p>\n");
        }
        return table.toString();
    }

    private static String settingTable(List<EffectiveSetting> settings) {
        StringBuilder table = new StringBuilder(
                        "<table class=\"consents\" id=\"settings\">\n<caption>Effective settings ")
                .append(
                        "(credentials are never shown)</caption>\n<tr><th scope=\"col\">Setting</th><th scope=\"col\">Value</th>")
                .append("<th scope=\"col\">Source</th></tr>\n");
        for (EffectiveSetting setting : settings) {
            String value = setting.hidden()
                    ? "<em class=\"hidden-value\">hidden</em>"
                    : setting.value() == null || setting.value().isEmpty()
                            ? "<em>empty</em>"
                            : "<code>" + escape(setting.value()) + "</code>";
            table.append("<tr><td><code>")
                    .append(escape(setting.name()))
                    .append("</code></td><td>")
                    .append(value)
                    .append("</td><td>")
                    .append(escape(setting.source() == null ? "" : setting.source()))
                    .append("</td></tr>\n");
        }
        return table.append("</table>\n").toString();
    }

    private static String age(SigningKey key, Instant now) {
        Duration age = Duration.between(key.createdAt(), now);
        return age.toDays() > 0
                ? age.toDays() + " d"
                : age.toHours() > 0 ? age.toHours() + " h" : Math.max(0, age.toMinutes()) + " min";
    }

    /** As the resource server decides it ({@code ResourceServerConfig}): open, an external issuer, or the built-in one. */
    private static String issuerMode(Config config) {
        String auth = config.getOptionalValue("portcullis.mcp.auth", String.class)
                .orElse("oauth")
                .strip();
        if ("open".equalsIgnoreCase(auth)) {
            return "open: /mcp takes no token (portcullis.mcp.auth=open, development only)";
        }
        String builtIn = config.getOptionalValue("portcullis.issuer", String.class)
                .orElse("")
                .strip();
        String trusted = config.getOptionalValue("portcullis.token.issuer", String.class)
                .map(String::strip)
                .filter(v -> !v.isEmpty())
                .orElse(builtIn);
        return trusted.equals(builtIn)
                ? "built-in authorization server, issuer " + builtIn
                : "external issuer " + trusted + " (portcullis.token.issuer)";
    }

    private static String login(Config config) {
        Optional<String> realm = config.getOptionalValue("portcullis.realm", String.class);
        boolean demo =
                config.getOptionalValue("portcullis.demo-realm", Boolean.class).orElse(false);
        return "FORM login through the application server's realm"
                + realm.map(r -> " (" + r + ")").orElse("")
                + (demo ? "; the demo realm is active: its passwords are public" : "");
    }
}
