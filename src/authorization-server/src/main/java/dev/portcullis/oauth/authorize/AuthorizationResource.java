package dev.portcullis.oauth.authorize;

import dev.portcullis.audit.AuditEvent;
import dev.portcullis.audit.AuditEventType;
import dev.portcullis.audit.AuditTrail;
import dev.portcullis.audit.Correlation;
import dev.portcullis.config.AuthServerConfig;
import dev.portcullis.config.AuthorizeConfig;
import dev.portcullis.oauth.consent.Consents;
import dev.portcullis.oauth.error.OAuthErrorCodes;
import dev.portcullis.oauth.grant.ApprovedAuthorization;
import dev.portcullis.oauth.grant.AuthorizationCodes;
import dev.portcullis.oauth.pages.ErrorHtml;
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
import java.util.logging.Logger;

/**
 * {@code /oauth/authorize}. GET takes the authorization request (after the realm's FORM login, which web.xml
 * demands), and answers with the consent page, or with a code straight away when the user already approved this
 * client for these scopes (only clients whose identity is proven, see {@link Consents}). The code carries the
 * user's real login time ({@link LoginMoment}). POST is the consent form: approve issues a code, deny answers
 * {@code access_denied}.
 * Redirects after GET are 302 and after POST 303 (OAuth 2.1 section 7.5.2); all carry {@code iss}.
 *
 * <p>Audit: the GET starts a flow id (random, server-made) that the consent form carries under its CSRF token's
 * HMAC (so the client cannot choose or change it) and the code row carries to the token response; every event of
 * the flow is recorded with it.
 *
 * @see <a href="https://datatracker.ietf.org/doc/html/draft-ietf-oauth-v2-1-13#section-4.1">OAuth 2.1 section 4.1</a>
 * @see <a href="https://www.rfc-editor.org/rfc/rfc9207#section-2">RFC 9207 section 2</a>
 */
@Path("/authorize")
@RequestScoped
public class AuthorizationResource {

    private static final Logger LOG = Logger.getLogger(AuthorizationResource.class.getName());

    @Inject
    private AuthorizationRequestValidator validator;

    @Inject
    private FormTokens formTokens;

    @Inject
    private AuthServerConfig serverConfig;

    @Inject
    private AuthorizeConfig config;

    @EJB
    private AuthorizationCodes codes;

    @EJB
    private Consents consents;

    @Inject
    private AuditTrail audit;

    @Context
    private HttpServletRequest http;

    @Context
    private HttpServletResponse httpResponse;

    @Inject
    private LoginCookie loginCookie;

    @GET
    @Produces(MediaType.TEXT_HTML)
    public Response authorize(@Context UriInfo uri) {
        return handle(AuthorizationRequest.from(uri.getQueryParameters()), null);
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    public Response decide(MultivaluedMap<String, String> form) {
        return handle(AuthorizationRequest.from(form), form);
    }

    private Response handle(AuthorizationRequest request, MultivaluedMap<String, String> form) {
        boolean consentForm = form != null;
        String flowId = consentForm ? form.getFirst("flow_id") : Correlation.newId();
        if (!Correlation.wellFormed(flowId)) {
            flowId = null; // a form without one fails its CSRF check below
        }
        if (!consentForm) {
            audit.joinFlow(flowId); // a form's flow id counts only once its CSRF token proved it is ours (below)
        }
        boolean loggingIn = RealmUser.loggingIn(http, loginCookie);
        RealmUser caller = RealmUser.of(http, httpResponse, loginCookie);
        if (caller == null) {
            return ErrorHtml.render(
                    http.getContextPath(), 403, OAuthErrorCodes.ACCESS_DENIED, "You are not signed in.");
        }
        if (loggingIn) {
            audit.record(AuditEvent.of(AuditEventType.LOGIN_SUCCEEDED)
                    .subject(caller.subject())
                    .client(request.clientId()));
        }
        if (!consentForm) {
            audit.record(AuditEvent.of(AuditEventType.AUTHORIZATION_STARTED)
                    .subject(caller.subject())
                    .client(request.clientId())
                    .detail("scope", request.scope())
                    .detail("resource", String.join(" ", request.resources()))
                    .detail("redirect_uri", request.redirectUri()));
        }
        CheckedClient checked;
        try {
            checked = validator.checkClient(request);
        } catch (UntrustedRedirectException e) {
            LOG.fine(() -> "Authorization request refused without redirect: " + e.error());
            refused(request, caller, e.error(), e.getMessage());
            return ErrorHtml.render(http.getContextPath(), 400, e.error(), e.getMessage());
        }
        // The token is bound to this user in this login session, and to the flow: a form another user or another
        // session was shown, or whose flow id was changed, is refused here, before anything is issued.
        if (consentForm
                && (flowId == null
                        || !formTokens.valid(
                                form.getFirst("csrf_token"),
                                RequestBinding.CONSENT_PURPOSE,
                                caller.formHolder(),
                                RequestBinding.of(request, flowId)))) {
            LOG.fine(() -> "Consent form without a valid CSRF token for client "
                    + checked.client().clientId());
            refused(request, caller, OAuthErrorCodes.INVALID_REQUEST, "consent form without a valid CSRF token");
            return ErrorHtml.render(
                    http.getContextPath(),
                    403,
                    OAuthErrorCodes.INVALID_REQUEST,
                    "This form has expired, or was shown to another sign-in or another user. Start again from the application.");
        }
        if (consentForm) {
            audit.joinFlow(flowId);
        }
        try {
            ValidatedAuthorization authorization = validator.validate(request, checked);
            if (consentForm) {
                return decide(authorization, caller, form.getFirst("decision"), flowId);
            }
            if (config.rememberConsent()
                    && consents.covers(caller.subject(), authorization.client(), authorization.scopes())) {
                audit.record(AuditEvent.of(AuditEventType.CONSENT_GRANTED)
                        .subject(caller.subject())
                        .client(authorization.clientId())
                        .detail("scope", String.join(" ", authorization.scopes()))
                        .detail("by", "remembered_consent"));
                return redirect(codeResponse(authorization, caller, flowId), 302);
            }
            audit.record(AuditEvent.of(AuditEventType.CONSENT_SHOWN)
                    .subject(caller.subject())
                    .client(authorization.clientId())
                    .detail("scope", String.join(" ", authorization.scopes())));
            return ConsentHtml.render(
                    http.getContextPath(),
                    request,
                    authorization,
                    caller.subject(),
                    config.rememberConsent(),
                    formTokens.issue(
                            RequestBinding.CONSENT_PURPOSE, caller.formHolder(), RequestBinding.of(request, flowId)),
                    flowId);
        } catch (AuthorizationErrorException e) {
            LOG.fine(() ->
                    "Authorization request from client " + checked.client().clientId() + " answered " + e.error());
            if (!OAuthErrorCodes.ACCESS_DENIED.equals(e.error())) {
                refused(request, caller, e.error(), e.getMessage());
            }
            return redirect(
                    AuthorizationResponses.error(checked.redirectUri(), e, request.state(), serverConfig.issuer()),
                    consentForm ? 303 : 302);
        }
    }

    private void refused(AuthorizationRequest request, RealmUser caller, String error, String description) {
        audit.record(AuditEvent.of(AuditEventType.AUTHORIZATION_REFUSED)
                .subject(caller.subject())
                .client(request.clientId())
                .failed(description)
                .detail("error", error));
    }

    private Response decide(ValidatedAuthorization authorization, RealmUser caller, String decision, String flowId) {
        if ("deny".equals(decision)) {
            audit.record(AuditEvent.of(AuditEventType.CONSENT_DENIED)
                    .outcome(AuditEvent.FAILED)
                    .subject(caller.subject())
                    .client(authorization.clientId())
                    .detail("scope", String.join(" ", authorization.scopes())));
            throw new AuthorizationErrorException(OAuthErrorCodes.ACCESS_DENIED, "the user denied the request");
        }
        if (!"approve".equals(decision)) {
            throw new AuthorizationErrorException(OAuthErrorCodes.INVALID_REQUEST, "decision must be approve or deny");
        }
        audit.record(AuditEvent.of(AuditEventType.CONSENT_GRANTED)
                .subject(caller.subject())
                .client(authorization.clientId())
                .detail("scope", String.join(" ", authorization.scopes()))
                .detail("by", "user"));
        if (config.rememberConsent()) {
            consents.remember(caller.subject(), authorization.client(), authorization.scopes());
        }
        return redirect(codeResponse(authorization, caller, flowId), 303);
    }

    private URI codeResponse(ValidatedAuthorization authorization, RealmUser caller, String flowId) {
        String code = codes.issue(new ApprovedAuthorization(
                authorization.clientId(),
                authorization.redirectUri(),
                authorization.checked().redirectUriGiven(),
                authorization.codeChallenge(),
                authorization.resource(),
                authorization.scopes(),
                caller.subject(),
                caller.groups(),
                caller.authenticatedAt(),
                flowId));
        return AuthorizationResponses.code(
                authorization.redirectUri(), code, authorization.state(), serverConfig.issuer());
    }

    private static Response redirect(URI location, int status) {
        return PageHeaders.secure(Response.status(status).location(location), null)
                .build();
    }
}
