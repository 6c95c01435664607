package it.dev.portcullis.oauth;

import static org.assertj.core.api.Assertions.assertThat;

import it.dev.portcullis.support.AppServer;
import it.dev.portcullis.support.Https;
import java.io.IOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A user's cookie jar over HTTPS, logged in through the FORM login page like a browser would (without following
 * redirects, so tests see each one). Trusts only the server's certificate.
 */
public final class UserSession {

    private static final Pattern HIDDEN =
            Pattern.compile("<input type=\"hidden\" name=\"([^\"]+)\" value=\"([^\"]*)\">");

    private final AppServer server = AppServer.current();
    private final CookieManager cookies = new CookieManager(null, CookiePolicy.ACCEPT_ALL);
    private final HttpClient client = HttpClient.newBuilder()
            .sslContext(Https.trustingServer(server))
            .cookieHandler(cookies)
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(10))
            .build();

    /** A session of {@code user}, logged in through the login page. */
    static UserSession loggedIn(String user, String password) throws IOException, InterruptedException {
        UserSession session = new UserSession();
        HttpResponse<String> challenge = session.get("/oauth/consents");
        assertThat(challenge.statusCode()).isEqualTo(302);
        assertThat(challenge.headers().firstValue("Location").orElseThrow()).contains("/oauth/login");
        HttpResponse<String> login =
                session.postForm("/oauth/j_security_check", Map.of("j_username", user, "j_password", password));
        assertThat(login.statusCode()).isEqualTo(302);
        assertThat(login.headers().firstValue("Location").orElseThrow()).endsWith("/oauth/consents");
        // Like a browser, follow the redirect back at once: the server takes the login time from that request.
        assertThat(session.get("/oauth/consents").statusCode()).isEqualTo(200);
        return session;
    }

    /** A session nobody logged in to. */
    static UserSession anonymous() {
        return new UserSession();
    }

    /** The session's cookies as a {@code Cookie} header value, for requests sent over a raw socket. */
    String cookieHeader() {
        return String.join(
                "; ",
                cookies.getCookieStore().getCookies().stream()
                        .map(cookie -> cookie.getName() + "=" + cookie.getValue())
                        .toList());
    }

    /** The value of the cookie {@code name} the server set, or null. */
    String cookie(String name) {
        return cookies.getCookieStore().getCookies().stream()
                .filter(c -> c.getName().equals(name))
                .map(java.net.HttpCookie::getValue)
                .findFirst()
                .orElse(null);
    }

    /** Replaces the value of the cookie {@code name} the server set (a user who edits their cookies). */
    void replaceCookie(String name, String value) {
        for (java.net.HttpCookie cookie : cookies.getCookieStore().getCookies()) {
            if (cookie.getName().equals(name)) {
                cookie.setValue(value);
            }
        }
    }

    HttpResponse<String> get(String pathAndQuery) throws IOException, InterruptedException {
        return client.send(
                HttpRequest.newBuilder(server.url(pathAndQuery)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> authorize(Map<String, String> parameters) throws IOException, InterruptedException {
        return get("/oauth/authorize?" + form(parameters));
    }

    HttpResponse<String> postForm(String path, Map<String, String> parameters)
            throws IOException, InterruptedException {
        return client.send(
                HttpRequest.newBuilder(server.url(path))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(form(parameters)))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** A form POST with extra request headers (name, value, ...), e.g. the {@code Origin} a browser would send. */
    HttpResponse<String> postForm(String path, Map<String, String> parameters, String... headers)
            throws IOException, InterruptedException {
        HttpRequest.Builder request =
                HttpRequest.newBuilder(server.url(path)).header("Content-Type", "application/x-www-form-urlencoded");
        for (int i = 0; i + 1 < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return client.send(
                request.POST(HttpRequest.BodyPublishers.ofString(form(parameters)))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** The hidden fields of the (first) form on a page, unescaped. */
    public static Map<String, String> hiddenFields(String html) {
        Map<String, String> fields = new LinkedHashMap<>();
        Matcher matcher = HIDDEN.matcher(html);
        while (matcher.find()) {
            fields.putIfAbsent(unescape(matcher.group(1)), unescape(matcher.group(2)));
        }
        return fields;
    }

    /** The query parameters of a redirect's Location. */
    public static Map<String, String> redirectParameters(HttpResponse<?> response) {
        URI location = URI.create(response.headers().firstValue("Location").orElseThrow());
        Map<String, String> parameters = new LinkedHashMap<>();
        for (String pair : location.getRawQuery().split("&")) {
            int eq = pair.indexOf('=');
            parameters.put(
                    URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                    URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return parameters;
    }

    static String form(Map<String, String> parameters) {
        StringBuilder form = new StringBuilder();
        parameters.forEach((name, value) -> {
            if (value != null) {
                form.append(form.length() == 0 ? "" : "&")
                        .append(URLEncoder.encode(name, StandardCharsets.UTF_8))
                        .append('=')
                        .append(URLEncoder.encode(value, StandardCharsets.UTF_8));
            }
        });
        return form.toString();
    }

    /** {@code form} with one parameter repeated, for the "must not repeat" rule. */
    static String withRepeated(Map<String, String> parameters, String name, List<String> extraValues) {
        StringBuilder query = new StringBuilder(form(parameters));
        extraValues.forEach(value ->
                query.append('&').append(name).append('=').append(URLEncoder.encode(value, StandardCharsets.UTF_8)));
        return query.toString();
    }

    private static String unescape(String html) {
        return html.replace("&quot;", "\"")
                .replace("&#39;", "'")
                .replace("&lt;", "<")
                .replace("&gt;", ">")
                .replace("&amp;", "&");
    }
}
