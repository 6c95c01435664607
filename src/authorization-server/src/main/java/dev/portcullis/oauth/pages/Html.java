package dev.portcullis.oauth.pages;

/** HTML escaping and the page skeleton every page shares. */
public final class Html {

    static final String STYLESHEET_PATH = "/assets/portcullis.css";

    private Html() {}

    /** Escapes text for element content and double-quoted attribute values. */
    public static String escape(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (char c : text.toCharArray()) {
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    /** A hidden form field; nothing when {@code value} is null. */
    public static String hidden(String name, String value) {
        return value == null
                ? ""
                : "<input type=\"hidden\" name=\"" + escape(name) + "\" value=\"" + escape(value) + "\">\n";
    }

    /** A complete page: {@code title} is escaped here, {@code body} must already be safe HTML. */
    public static String page(String contextPath, String title, String body) {
        return """
                <!DOCTYPE html>
                <html lang="en">
                <head>
                <meta charset="utf-8">
                <meta name="viewport" content="width=device-width, initial-scale=1">
                <meta name="referrer" content="no-referrer">
                <title>%s · Portcullis</title>
                <link rel="stylesheet" href="%s">
                </head>
                <body>
                <main class="card">
                <p class="brand">Portcullis</p>
                %s
                </main>
                </body>
                </html>
                """.formatted(escape(title), escape(contextPath + STYLESHEET_PATH), body);
    }
}
