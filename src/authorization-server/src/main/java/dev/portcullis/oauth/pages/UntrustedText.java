package dev.portcullis.oauth.pages;

/**
 * Text a client chose (its {@code client_name}), made fit to show as plain text: control characters (Unicode Cc),
 * format characters (Cf: the bidi embeddings, overrides and isolates U+202A-U+202E and U+2066-U+2069, the marks
 * U+200E, U+200F and U+061C, zero-width characters) and line or paragraph separators are removed, and every space
 * separator becomes a plain space, so a name cannot reorder or hide what the page says around it; at most
 * {@link #MAX_CODE_POINTS} code points remain. HTML escaping is still the caller's job ({@link Html#escape}).
 *
 * @see <a href="https://www.unicode.org/reports/tr9/#Explicit_Directional_Embeddings">UAX #9 (bidi controls)</a>
 * @see <a href="https://www.rfc-editor.org/rfc/rfc6749#section-10.2">RFC 6749 section 10.2 (client impersonation)</a>
 */
public final class UntrustedText {

    static final int MAX_CODE_POINTS = 80;

    private UntrustedText() {}

    /** {@code text} without invisible or reordering characters, shortened with an ellipsis; "" for null. */
    public static String clean(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(Math.min(text.length(), MAX_CODE_POINTS * 2));
        int kept = 0;
        for (int i = 0; i < text.length(); ) {
            int codePoint = text.codePointAt(i);
            i += Character.charCount(codePoint);
            if (hidden(codePoint)) {
                continue;
            }
            if (kept == MAX_CODE_POINTS) {
                return out.append('…').toString().strip();
            }
            out.appendCodePoint(Character.isSpaceChar(codePoint) ? ' ' : codePoint);
            kept++;
        }
        return out.toString().strip();
    }

    private static boolean hidden(int codePoint) {
        return switch (Character.getType(codePoint)) {
            case Character.CONTROL,
                    Character.FORMAT,
                    Character.LINE_SEPARATOR,
                    Character.PARAGRAPH_SEPARATOR,
                    Character.PRIVATE_USE,
                    Character.SURROGATE,
                    Character.UNASSIGNED -> true;
            default -> false;
        };
    }
}
