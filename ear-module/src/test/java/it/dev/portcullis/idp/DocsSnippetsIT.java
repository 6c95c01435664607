package it.dev.portcullis.idp;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The identity-provider docs show configuration the tests really use: every fenced block that a
 * {@code <!-- from: path -->} line introduces must appear, line for line (indentation aside), in that file of the
 * repository. Edit the file and the page together, or this fails.
 */
class DocsSnippetsIT {

    private static final List<String> PAGES =
            List.of("src/docs/ldap.md", "src/docs/oidc-federation.md", "src/docs/external-issuer.md");
    private static final Pattern SNIPPET =
            Pattern.compile("<!-- from: (\\S+) -->\\s*\\n```[a-z]*\\n(.*?)\\n```", Pattern.DOTALL);

    @Test
    void everyMarkedSnippetIsInTheFileItNames() throws Exception {
        Path root = Path.of(System.getProperty("it.idp.seeds.dir", "../src/it-idp"))
                .toAbsolutePath()
                .getParent()
                .getParent();
        for (String page : PAGES) {
            String markdown = Files.readString(root.resolve(page));
            Matcher snippet = SNIPPET.matcher(markdown);
            List<String> checked = new ArrayList<>();
            while (snippet.find()) {
                String source = Files.readString(root.resolve(snippet.group(1)));
                assertThat(normalized(source))
                        .as(page + " snippet from " + snippet.group(1))
                        .contains(normalized(snippet.group(2)));
                checked.add(snippet.group(1));
            }
            assertThat(checked).as(page + " has marked snippets").isNotEmpty();
        }
    }

    private static String normalized(String text) {
        return String.join("\n", text.lines().map(String::strip).toList());
    }
}
