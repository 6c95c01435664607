package dev.portcullis.oauth.console;

import static dev.portcullis.oauth.pages.Html.escape;

import dev.portcullis.oauth.pages.Html;
import dev.portcullis.oauth.pages.PageHeaders;
import dev.portcullis.oauth.pages.UntrustedText;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/** Building blocks of the account and console pages; every value is escaped here. */
final class ConsoleHtml {

    private ConsoleHtml() {}

    static Response page(String contextPath, String title, String body) {
        return PageHeaders.html(200, Html.page(contextPath, title, body));
    }

    /** The refusal of a form without its genuine token or from another origin (403). */
    static Response forgedForm(String contextPath) {
        return refused(contextPath, "This form has expired or was not sent from this server's page.");
    }

    /** A refusal page (403): no request value is echoed. */
    static Response refused(String contextPath, String message) {
        String body = "<h1>Not allowed</h1>\n<p class=\"lead\" id=\"refusal\">" + escape(message) + "</p>\n"
                + "<p><a href=\"" + escape(contextPath) + "/account\">Your account</a></p>\n";
        return PageHeaders.html(403, Html.page(contextPath, "Not allowed", body));
    }

    /** A form with one button posting {@code fields} and the CSRF token to {@code action}. */
    static String button(
            String action, String csrfToken, String label, String accessibleName, String id, String... fields) {
        StringBuilder form = new StringBuilder("<form method=\"post\" action=\"")
                .append(escape(action))
                .append("\">");
        for (int i = 0; i + 1 < fields.length; i += 2) {
            form.append(Html.hidden(fields[i], fields[i + 1]));
        }
        form.append(Html.hidden("csrf_token", csrfToken)).append("<button type=\"submit\" class=\"secondary\"");
        if (id != null) {
            form.append(" id=\"").append(escape(id)).append('"');
        }
        return form.append(" aria-label=\"")
                .append(escape(accessibleName))
                .append("\">")
                .append(escape(label))
                .append("</button></form>")
                .toString();
    }

    static String when(Instant instant) {
        return instant == null
                ? "never"
                : escape(instant.truncatedTo(ChronoUnit.SECONDS).toString());
    }

    /** A client's claimed name, cleaned of control and bidi characters, or a placeholder. */
    static String name(String claimed) {
        String name = UntrustedText.clean(claimed);
        return escape(name.isEmpty() ? "(no name)" : name);
    }

    /** The name of a client with no registration: a metadata document's host, else a placeholder. */
    static String unregistered(String clientId) {
        try {
            if (clientId.startsWith("https://") && URI.create(clientId).getHost() != null) {
                return escape(URI.create(clientId).getHost());
            }
        } catch (IllegalArgumentException e) {
            // not a URL: the placeholder
        }
        return "(unregistered application)";
    }

    static String query(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
