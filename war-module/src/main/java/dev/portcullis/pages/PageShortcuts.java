package dev.portcullis.pages;

import dev.portcullis.platform.web.NoStore;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * {@code /console…} and {@code /account…} redirect to the same path under {@code /oauth}, where the operator console
 * and the self-service pages sit behind the realm's FORM login (src/docs/console.md). The target is a path on this
 * host built from the request's own raw path, so the redirect can never leave the origin.
 */
@WebServlet(urlPatterns = {"/console", "/console/*", "/account", "/account/*"})
public class PageShortcuts extends HttpServlet {

    static final String PAGES_MODULE = "/oauth";

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        String query = request.getQueryString();
        response.setStatus(HttpServletResponse.SC_FOUND);
        response.setHeader("Location", PAGES_MODULE + path + (query == null ? "" : "?" + query));
        NoStore.set(response);
    }
}
