package dev.portcullis.mcp.tools;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An RFC 6570 level-1 URI template ({@code scheme:...{var}...}): simple string expansion, one variable per
 * expression. A variable matches one or more characters other than {@code /}, {@code ?} and {@code #}.
 *
 * @see <a href="https://www.rfc-editor.org/rfc/rfc6570#section-1.2">RFC 6570 section 1.2</a>
 */
public final class UriTemplate {

    private static final Pattern VARIABLE = Pattern.compile("[A-Za-z0-9_]+");
    private static final Pattern SCHEME = Pattern.compile("^[A-Za-z][A-Za-z0-9+.-]*:.+");

    private final String template;
    private final List<String> variables;
    private final Pattern pattern;

    private UriTemplate(String template, List<String> variables, Pattern pattern) {
        this.template = template;
        this.variables = List.copyOf(variables);
        this.pattern = pattern;
    }

    /** Parses {@code template}, or throws {@link IllegalArgumentException} saying what is wrong with it. */
    public static UriTemplate parse(String template) {
        if (template == null || !SCHEME.matcher(template).matches()) {
            throw new IllegalArgumentException("'" + template + "' is not an absolute URI template (scheme:...)");
        }
        List<String> variables = new ArrayList<>();
        StringBuilder regex = new StringBuilder();
        int i = 0;
        while (i < template.length()) {
            int open = template.indexOf('{', i);
            int close = template.indexOf('}', i);
            if (open < 0) {
                if (close >= 0) {
                    throw new IllegalArgumentException("'" + template + "' has an unmatched '}'");
                }
                regex.append(Pattern.quote(template.substring(i)));
                break;
            }
            if (close < open) {
                throw new IllegalArgumentException("'" + template + "' has an unmatched brace");
            }
            regex.append(Pattern.quote(template.substring(i, open)));
            String name = template.substring(open + 1, close);
            if (!VARIABLE.matcher(name).matches()) {
                throw new IllegalArgumentException("'" + template + "' has an unsupported expression {" + name
                        + "}: only level-1 {name} variables of [A-Za-z0-9_] are supported");
            }
            if (variables.contains(name)) {
                throw new IllegalArgumentException("'" + template + "' repeats the variable " + name);
            }
            variables.add(name);
            regex.append("([^/?#]+)");
            i = close + 1;
        }
        if (variables.isEmpty()) {
            throw new IllegalArgumentException("'" + template + "' has no variables; use @Resource for a fixed URI");
        }
        return new UriTemplate(template, variables, Pattern.compile(regex.toString()));
    }

    public String template() {
        return template;
    }

    public List<String> variables() {
        return variables;
    }

    /** The variables' values when {@code uri} matches. */
    public Optional<Map<String, String>> match(String uri) {
        Matcher matcher = pattern.matcher(uri);
        if (!matcher.matches()) {
            return Optional.empty();
        }
        Map<String, String> values = new LinkedHashMap<>();
        for (int i = 0; i < variables.size(); i++) {
            values.put(variables.get(i), matcher.group(i + 1));
        }
        return Optional.of(values);
    }
}
