package it.dev.portcullis.oauth;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;

/**
 * The automated accessibility check of a page: axe-core (its {@code axe.min.js}, pinned through the
 * {@code com.deque.html.axe-core:selenium} test dependency) runs in the page through WebDriver, which is outside the
 * page's Content-Security-Policy, so the page itself still allows no script. Violations of impact
 * {@code serious} or {@code critical} fail the test.
 *
 * @see <a href="https://github.com/dequelabs/axe-core/blob/develop/doc/API.md#api-name-axerun">axe.run</a>
 */
final class AxeCheck {

    private static final String AXE = load();

    private AxeCheck() {}

    static void assertNoSeriousViolation(WebDriver browser) {
        JavascriptExecutor js = (JavascriptExecutor) browser;
        browser.manage().timeouts().scriptTimeout(Duration.ofSeconds(30));
        js.executeScript(AXE);
        Object serious = js.executeAsyncScript("const done = arguments[arguments.length - 1];"
                + "axe.run(document, {resultTypes: ['violations']}).then(r => done(JSON.stringify(r.violations"
                + ".filter(v => v.impact === 'serious' || v.impact === 'critical')"
                + ".map(v => ({id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map(n => n.target.join(' '))})))),"
                + " e => done('axe failed: ' + e));");
        assertThat(serious)
                .as("axe-core serious or critical violations on " + browser.getCurrentUrl())
                .isEqualTo("[]");
    }

    private static String load() {
        try (InputStream in = AxeCheck.class.getClassLoader().getResourceAsStream("axe.min.js")) {
            if (in == null) {
                throw new IllegalStateException(
                        "axe.min.js is not on the test class path (com.deque.html.axe-core:selenium)");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
