package dev.portcullis.oauth.console;

import static dev.portcullis.oauth.pages.Html.escape;

import dev.portcullis.oauth.pages.Html;
import dev.portcullis.oauth.pages.PageHeaders;
import jakarta.ws.rs.core.Response;
import java.util.Collection;

/**
 * The live inspector's page: the traffic table the script fills from the event stream, its filters and pause
 * button, the detail pane, and (on the account page) the try-a-tool form. The script ({@link InspectorScriptResource})
 * finds its URLs and the form token in {@code data-*} attributes; no inline script.
 */
final class InspectorHtml {

    static final String TITLE = "Live inspector";

    private InspectorHtml() {}

    static Response page(String base, String header, String scope, String eventsUrl, String tryTool) {
        String body = header
                + "<p>The JSON-RPC traffic of <code>/mcp</code> as this server node answers it (" + escape(scope)
                + "), newest first. Tokens, secrets and sensitive arguments are redacted.</p>\n"
                + traffic(eventsUrl) + tryTool
                + "<script type=\"module\" src=\"" + escape(base + InspectorScriptResource.PATH) + "\"></script>\n";
        return PageHeaders.scripted(200, Html.page(base, TITLE, body));
    }

    private static String traffic(String eventsUrl) {
        return "<section id=\"inspector\" aria-labelledby=\"traffic-heading\" data-events=\"" + escape(eventsUrl)
                + "\">\n<h2 id=\"traffic-heading\">Traffic</h2>\n"
                + "<form id=\"filters\" role=\"search\" aria-label=\"Filter the traffic\">"
                + "<label for=\"filter-client\">Client</label><input id=\"filter-client\" name=\"client\">"
                + "<label for=\"filter-session\">Session</label><input id=\"filter-session\" name=\"session\">"
                + "<label for=\"filter-method\">Method</label><input id=\"filter-method\" name=\"method\">"
                + "<button type=\"button\" id=\"pause\" class=\"secondary\" aria-pressed=\"false\">Pause</button>"
                + "</form>\n<p id=\"stream-status\" role=\"status\">Connecting…</p>\n"
                + "<div class=\"table-scroll\" role=\"region\" aria-labelledby=\"exchanges-caption\" tabindex=\"0\">"
                + "<table class=\"consents\" id=\"exchanges\">\n"
                + "<caption id=\"exchanges-caption\">Exchanges, newest first</caption>\n"
                + "<thead><tr><th scope=\"col\">Time</th><th scope=\"col\">Method</th><th scope=\"col\">Target</th>"
                + "<th scope=\"col\">Caller</th><th scope=\"col\">Client</th><th scope=\"col\">Session</th>"
                + "<th scope=\"col\">Status</th><th scope=\"col\">ms</th></tr></thead>\n<tbody></tbody>\n</table></div>\n"
                + "<section id=\"detail\" aria-labelledby=\"detail-heading\" aria-live=\"polite\">"
                + "<h2 id=\"detail-heading\">Exchange</h2>"
                + "<p id=\"detail-summary\">Choose an exchange in the table to see it here.</p>"
                + "<h3>Request</h3><pre id=\"detail-request\" tabindex=\"0\"></pre>"
                + "<h3>Response</h3><pre id=\"detail-response\" tabindex=\"0\"></pre></section>\n</section>\n";
    }

    /** The try-a-tool form: the tool list and argument fields come from tools/list, called as the user. */
    static String tryTool(String callUrl, String csrfToken, Collection<String> scopes) {
        StringBuilder html = new StringBuilder("<section id=\"try\" aria-labelledby=\"try-heading\" data-call=\"")
                .append(escape(callUrl))
                .append("\" data-csrf=\"")
                .append(escape(csrfToken))
                .append("\">\n<h2 id=\"try-heading\">Try a tool</h2>\n")
                .append("<p>Calls <code>/mcp</code> as you, with a token of at most five minutes that this server")
                .append(" mints for the client <code>")
                .append(escape(TryTool.CLIENT_ID))
                .append("</code> and keeps: the page never sees it.</p>\n")
                .append("<form id=\"try-form\"><fieldset id=\"try-scopes\"><legend>Scopes of the token</legend>");
        for (String scope : scopes) {
            String id = "try-scope-" + scope.replaceAll("[^A-Za-z0-9_-]", "-");
            html.append("<label for=\"")
                    .append(escape(id))
                    .append("\"><input type=\"checkbox\" name=\"scope\" id=\"")
                    .append(escape(id))
                    .append("\" value=\"")
                    .append(escape(scope))
                    .append("\"> ")
                    .append(escape(scope))
                    .append("</label>");
        }
        return html.append("</fieldset>\n<button type=\"button\" id=\"try-load\" class=\"secondary\">")
                .append("List the tools</button>\n<label for=\"try-tool\">Tool</label>")
                .append("<select id=\"try-tool\" name=\"tool\" disabled></select>\n")
                .append("<fieldset id=\"try-args\"><legend>Arguments</legend></fieldset>\n")
                .append("<button type=\"submit\" id=\"try-call\" disabled>Call the tool</button></form>\n")
                .append("<p id=\"try-status\" role=\"status\"></p>\n")
                .append("<h3>Request</h3><pre id=\"try-request\" tabindex=\"0\"></pre>\n")
                .append("<h3>Response</h3><pre id=\"try-response\" tabindex=\"0\"></pre>\n")
                .append("<h3>Challenge</h3><pre id=\"try-challenge\" tabindex=\"0\"></pre>\n</section>\n")
                .toString();
    }
}
