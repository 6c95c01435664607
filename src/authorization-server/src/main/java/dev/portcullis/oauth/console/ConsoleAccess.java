package dev.portcullis.oauth.console;

import static dev.portcullis.oauth.pages.Html.escape;

import dev.portcullis.oauth.authorize.RealmUser;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.core.Response;
import java.util.Optional;

/** Who may see the operator console's pages, and the header they share. */
final class ConsoleAccess {

    private ConsoleAccess() {}

    /** 403 for anyone not signed in or outside the operator group. */
    static Optional<Response> refusal(SignedInUser signedIn, HttpServletRequest http, RealmUser user) {
        if (user == null) {
            return Optional.of(ConsoleHtml.refused(http.getContextPath(), "You are not signed in."));
        }
        if (!signedIn.operator(user)) {
            return Optional.of(ConsoleHtml.refused(
                    http.getContextPath(),
                    "The operator console is open to the group " + signedIn.operatorGroup() + " only."));
        }
        return Optional.empty();
    }

    /** The page title, who is signed in, and the console's navigation. */
    static String header(String base, RealmUser operator, String title) {
        return "<h1>" + escape(title)
                + "</h1>\n<p class=\"lead\">Operator console · signed in as <strong id=\"subject\">"
                + escape(operator.subject()) + "</strong></p>\n<nav aria-label=\"Console\"><ul><li><a href=\""
                + escape(base)
                + "/console\">Clients</a></li><li><a id=\"settings-link\" href=\"" + escape(base)
                + "/console/audit/activity\">Tool activity</a></li><li><a id=\"inspector-link\" href=\""
                + escape(base) + "/console/inspector\">" + InspectorHtml.TITLE + "</a></li><li><a href=\""
                + escape(base) + "/console/settings\">Settings</a></li><li><a href=\"" + escape(base)
                + "/console/selftest\">Self-test</a></li><li><a href=\"" + escape(base)
                + "/account\">Your account</a></li></ul></nav>\n";
    }
}
