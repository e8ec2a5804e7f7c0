package org.alignlab.web;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * The distribution's Chromium, driven by its chromedriver (Debian packages chromium and
 * chromium-driver). Nothing is downloaded: without them the browser tests are skipped with one
 * line naming the packages, except where ALIGNLAB_REQUIRE_BROWSER is set (CI), where that is a failure.
 */
final class Browser {
    private static final List<String> CHROMIUM = List.of("/usr/bin/chromium", "/usr/bin/chromium-browser");
    private static final List<String> DRIVER = List.of("/usr/bin/chromedriver", "/usr/lib/chromium/chromedriver");

    private Browser() {
    }

    /** A headless Chromium, or the test is skipped (failed in CI) when there is none. */
    static ChromeDriver open() {
        Path chromium = first(CHROMIUM);
        Path driver = first(DRIVER);
        if (chromium == null || driver == null) {
            String message = "browser tests need the Debian packages chromium and chromium-driver (apt-get install "
                    + "chromium chromium-driver); " + (chromium == null ? "chromium" : "chromedriver") + " was not found";
            if (System.getenv("ALIGNLAB_REQUIRE_BROWSER") != null) {
                Assertions.fail(message + ", and ALIGNLAB_REQUIRE_BROWSER is set");
            }
            Assumptions.abort(message);
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(chromium.toFile());
        // Headless, and nothing of Chromium's own reaches the network.
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-default-apps", "--disable-quic", "--window-size=1280,1000");
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(driver.toFile())
                .usingAnyFreePort().build();
        ChromeDriver browser = new ChromeDriver(service, options);
        // An element looked for right after a click may belong to the page still loading: wait for it.
        browser.manage().timeouts().implicitlyWait(java.time.Duration.ofSeconds(5));
        return browser;
    }

    private static Path first(List<String> candidates) {
        return candidates.stream().map(Path::of).filter(Files::isExecutable).findFirst().orElse(null);
    }
}
