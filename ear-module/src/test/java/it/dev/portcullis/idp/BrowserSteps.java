package it.dev.portcullis.idp;

import it.dev.portcullis.oauth.HeadlessChromium;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Predicate;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;

/** The browser steps the browser tests share: waiting for a page, filling a login form. */
public final class BrowserSteps {

    private BrowserSteps() {}

    public static void waitFor(WebDriver browser, Predicate<WebDriver> condition) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        while (!condition.test(browser)) {
            if (Instant.now().isAfter(deadline)) {
                HeadlessChromium.screenshot(browser, "idp-timeout");
                throw new AssertionError("timed out at " + browser.getCurrentUrl() + ": " + browser.getPageSource());
            }
            Thread.sleep(100);
        }
    }

    public static boolean has(WebDriver browser, String id) {
        return !browser.findElements(By.id(id)).isEmpty();
    }

    /** Fills and submits a login form whose fields and button have these ids. */
    public static void signIn(
            WebDriver browser, String userField, String passwordField, String button, String user, String password) {
        browser.findElement(By.id(userField)).clear();
        browser.findElement(By.id(userField)).sendKeys(user);
        browser.findElement(By.id(passwordField)).clear();
        browser.findElement(By.id(passwordField)).sendKeys(password);
        browser.findElement(By.id(button)).click();
    }
}
