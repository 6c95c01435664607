package dev.portcullis.oauth.console;

import static dev.portcullis.oauth.pages.Html.escape;

import dev.portcullis.inspector.McpExchanges;
import dev.portcullis.json.JsonInput;
import dev.portcullis.json.Jsons;
import dev.portcullis.oauth.authorize.RealmUser;
import dev.portcullis.platform.web.NoStore;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.regex.Pattern;

/**
 * {@code /oauth/account/inspector}: the signed-in user's own exchanges of {@code /mcp} live (those whose caller
 * subject is theirs, {@code /oauth/account/inspector/events}), and "try a tool" ({@link TryTool}), whose form posts
 * to {@code /oauth/account/inspector/call} with the user's form token from this origin only.
 */
@Path("/account/inspector")
@RequestScoped
public class AccountInspectorPage {

    static final String CALL = "account-inspector-call";
    private static final Pattern TOOL_NAME = Pattern.compile("[A-Za-z0-9_./-]{1,128}");
    private static final int MAX_ARGUMENTS_CHARS = 16_000;

    @EJB
    private McpExchanges exchanges;

    @Inject
    private SignedInUser signedIn;

    @Inject
    private TryTool tryTool;

    @Context
    private HttpServletRequest http;

    @Context
    private HttpServletResponse httpResponse;

    @GET
    @Produces(MediaType.TEXT_HTML)
    public Response page() {
        RealmUser user = signedIn.of(http, httpResponse);
        String base = http.getContextPath();
        if (user == null) {
            return ConsoleHtml.refused(base, "You are not signed in.");
        }
        String header = "<h1>" + InspectorHtml.TITLE + "</h1>\n<p class=\"lead\">Your calls · signed in as "
                + "<strong id=\"subject\">" + escape(user.subject())
                + "</strong></p>\n<nav aria-label=\"Pages\"><ul><li><a href=\""
                + escape(base) + "/account\">Your account</a></li></ul></nav>\n";
        return InspectorHtml.page(
                base,
                header,
                "your calls only",
                base + "/account/inspector/events",
                InspectorHtml.tryTool(
                        base + "/account/inspector/call",
                        signedIn.token(user, CALL, user.subject()),
                        tryTool.grantableScopes()));
    }

    @GET
    @Path("/events")
    @Produces("text/event-stream")
    public Response events(@HeaderParam("Last-Event-ID") String lastEventId) {
        RealmUser user = signedIn.of(http, httpResponse);
        if (user == null) {
            return Response.status(403).build();
        }
        String subject = user.subject();
        return InspectorFeed.stream(exchanges, subject::equals, lastEventId);
    }

    /**
     * One try: {@code method} {@code tools/list} or {@code tools/call} with {@code tool} and {@code arguments} (a JSON
     * object), {@code scope} repeated. 403 for a forged form; 400 for a bad method, tool name or arguments.
     */
    @POST
    @Path("/call")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.APPLICATION_JSON)
    public Response call(MultivaluedMap<String, String> form) throws InterruptedException {
        RealmUser user = signedIn.of(http, httpResponse);
        if (!signedIn.genuine(http, user, form, CALL, user == null ? null : user.subject())) {
            return problem(403, "This form has expired or was not sent from this server's page.");
        }
        String method = form.getFirst("method");
        String tool = form.getFirst("tool");
        if ("tools/list".equals(method)) {
            tool = null;
        } else if (!"tools/call".equals(method)
                || tool == null
                || !TOOL_NAME.matcher(tool).matches()) {
            return problem(400, "Choose tools/list, or tools/call with a tool's name.");
        }
        JsonObject arguments = JsonValue.EMPTY_JSON_OBJECT;
        String text = form.getFirst("arguments");
        if (tool != null && text != null && !text.isBlank()) {
            if (text.length() > MAX_ARGUMENTS_CHARS) {
                return problem(400, "The arguments are too long.");
            }
            try {
                arguments = JsonInput.readObject(
                        text); // the one reader: /mcp's depth limit; a provider's own failure is a JsonException too
            } catch (JsonException e) {
                return problem(
                        400,
                        "The arguments must be a JSON object nested at most " + JsonInput.maxDepth() + " levels deep.");
            }
        }
        List<String> scopes = form.get("scope") == null
                ? List.of()
                : form.get("scope").stream().limit(50).toList();
        String answer = tryTool.call(user, scopes, method, tool, arguments).toString();
        return NoStore.set(Response.ok(answer).type(MediaType.APPLICATION_JSON_TYPE))
                .build();
    }

    private static Response problem(int status, String message) {
        return NoStore.set(Response.status(status).type(MediaType.APPLICATION_JSON_TYPE))
                .entity(Jsons.PROVIDER
                        .createObjectBuilder()
                        .add("error", message)
                        .build()
                        .toString())
                .build();
    }
}
