package dev.portcullis.resourceserver;

import dev.portcullis.oauth.error.OAuthErrorCodes;
import dev.portcullis.platform.web.NoStore;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The error page of a 401 that the server's MicroProfile JWT sends itself (web.xml {@code <error-page>}): some
 * servers (Payara) answer a rejected bearer token with a bare 401 before the application runs, where others leave
 * the request anonymous for {@link BearerTokenFilter}. Either way the client gets the same RFC 6750 section 3.1
 * challenge, {@code error="invalid_token"} with the resource metadata URL (RFC 9728 section 5.1), and never learns
 * why the token failed. Reached directly, it answers the same 401.
 */
@WebServlet(urlPatterns = RejectedTokenChallenge.PATH, asyncSupported = true)
public class RejectedTokenChallenge extends HttpServlet {

    static final String PATH = "/.rejected-token";
    private static final long serialVersionUID = 1L;
    private static final String DESCRIPTION = "The access token is invalid or expired";

    @Inject
    private transient ResourceServerConfig config;

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("error", OAuthErrorCodes.INVALID_TOKEN);
        params.put("error_description", DESCRIPTION);
        params.put("resource_metadata", config.metadataUrl());
        response.resetBuffer();
        response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
        response.setHeader("WWW-Authenticate", Challenge.header(params));
        NoStore.set(response);
        response.setContentType("application/json");
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.getWriter().write("{\"error\":\"invalid_token\",\"error_description\":\"" + DESCRIPTION + "\"}");
    }
}
