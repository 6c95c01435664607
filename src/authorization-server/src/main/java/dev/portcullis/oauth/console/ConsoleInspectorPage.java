package dev.portcullis.oauth.console;

import static dev.portcullis.oauth.pages.Html.escape;

import dev.portcullis.inspector.McpExchanges;
import dev.portcullis.oauth.authorize.RealmUser;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Optional;

/**
 * {@code /oauth/console/inspector}: every exchange of {@code /mcp} live, for operators ({@link McpExchanges}, this
 * node's only). Its event stream is {@code /oauth/console/inspector/events}, refused like the page to anyone else.
 */
@Path("/console/inspector")
@RequestScoped
public class ConsoleInspectorPage {

    @EJB
    private McpExchanges exchanges;

    @Inject
    private SignedInUser signedIn;

    @Context
    private HttpServletRequest http;

    @Context
    private HttpServletResponse httpResponse;

    @GET
    @Produces(MediaType.TEXT_HTML)
    public Response page() {
        RealmUser operator = signedIn.of(http, httpResponse);
        Optional<Response> refusal = ConsoleAccess.refusal(signedIn, http, operator);
        if (refusal.isPresent()) {
            return refusal.get();
        }
        String base = http.getContextPath();
        return InspectorHtml.page(
                base,
                ConsoleAccess.header(base, operator, InspectorHtml.TITLE),
                "every caller's",
                base + "/console/inspector/events",
                "<p><a href=\"" + escape(base) + "/account/inspector\">Try a tool as yourself</a></p>\n");
    }

    @GET
    @Path("/events")
    @Produces("text/event-stream")
    public Response events(@HeaderParam("Last-Event-ID") String lastEventId) {
        RealmUser operator = signedIn.of(http, httpResponse);
        Optional<Response> refusal = ConsoleAccess.refusal(signedIn, http, operator);
        if (refusal.isPresent()) {
            return Response.status(refusal.get().getStatus()).build();
        }
        return InspectorFeed.stream(exchanges, subject -> true, lastEventId);
    }
}
