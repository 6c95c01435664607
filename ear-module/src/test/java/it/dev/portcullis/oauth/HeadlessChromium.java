package it.dev.portcullis.oauth;

import it.dev.portcullis.support.AppServer;
import it.dev.portcullis.support.Https;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.Base64;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Starts Debian's Chromium through Debian's chromedriver (never a downloaded browser or driver). TLS: Chromium
 * trusts the server's self-signed certificate and only it, pinned by its SPKI hash
 * ({@code --ignore-certificate-errors-spki-list}, which Chromium honours only with an explicit profile directory);
 * certificate checks stay on for everything else.
 */
public final class HeadlessChromium {

    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

    private HeadlessChromium() {}

    /** A new headless browser; skips the test when Chromium is not installed, except on CI where it must be. */
    public static WebDriver start() {
        boolean installed = Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
        if (!installed && System.getenv("CI") != null) {
            throw new IllegalStateException("CI must have chromium and chromium-driver (.ci/run installs them)");
        }
        Assumptions.assumeTrue(
                installed, "chromium and chromium-driver are not installed (apt-get install chromium chromium-driver)");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments(
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--disable-dev-shm-usage",
                "--window-size=1000,900",
                "--user-data-dir=" + profileDirectory(),
                "--ignore-certificate-errors-spki-list=" + serverSpkiHash());
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort()
                .build();
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
        return driver;
    }

    /** Base64 SHA-256 of the server certificate's SubjectPublicKeyInfo: the one certificate Chromium accepts. */
    static String serverSpkiHash() {
        try {
            byte[] spki =
                    Https.serverCertificate(AppServer.current()).getPublicKey().getEncoded();
            return Base64.getEncoder()
                    .encodeToString(MessageDigest.getInstance("SHA-256").digest(spki));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Saves a PNG of the current page under target/screenshots/. */
    public static Path screenshot(WebDriver driver, String name) {
        try {
            Path directory = Path.of(System.getProperty("it.screenshots.dir", "target/screenshots"));
            Files.createDirectories(directory);
            Path file = directory.resolve(name + ".png");
            Files.write(file, ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String profileDirectory() {
        try {
            Path base = Path.of(System.getProperty("it.chromium.profile.dir", "target/chromium-profile"));
            Files.createDirectories(base);
            return Files.createTempDirectory(base, "profile").toAbsolutePath().toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
