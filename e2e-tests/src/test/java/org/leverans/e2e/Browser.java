package org.leverans.e2e;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedCondition;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A real headless Chromium (Debian's {@code chromium} and {@code chromedriver}, which {@code .ci/run} installs),
 * driven through WebDriver. Selenium Manager is never asked for anything: driver and browser are named here. Each
 * browser has a fresh profile, so it starts signed out.
 */
final class Browser implements AutoCloseable {

	static final String CHROMIUM = System.getProperty("leverans.e2e.chromium", "/usr/bin/chromium");

	static final String CHROMEDRIVER = System.getProperty("leverans.e2e.chromedriver", "/usr/bin/chromedriver");

	/** Where page screenshots for the docs go, when asked for ({@code -Dleverans.screenshots=../docs/screenshots}). */
	static final String SCREENSHOTS = System.getProperty("leverans.screenshots");

	/** The time zone the browser shows times in: the platform is in UTC, the people in Helsinki. */
	static final String VIEWER_TIME_ZONE = "Europe/Helsinki";

	static final Duration PATIENCE = Duration.ofSeconds(60);

	private final ChromeDriver driver;

	private final Path profile;

	private final URI gateway;

	private final boolean phone;

	private Browser(ChromeDriver driver, Path profile, URI gateway, boolean phone) {
		this.driver = driver;
		this.profile = profile;
		this.gateway = gateway;
		this.phone = phone;
	}

	static Browser desktop(URI gateway) {
		return desktop(gateway, VIEWER_TIME_ZONE);
	}

	/** A desktop browser whose clock runs in another time zone, as a person's abroad does. */
	static Browser desktop(URI gateway, String timeZone) {
		return open(gateway, 1280, 900, false, timeZone, ENGLISH);
	}

	/** A phone-sized screen (390 × 844 CSS pixels, as Chrome's device emulation makes it; a window cannot be that narrow). */
	static Browser phone(URI gateway) {
		return open(gateway, 390, 844, true, VIEWER_TIME_ZONE, ENGLISH);
	}

	/**
	 * A desktop browser where nobody has chosen a language yet, so the pages speak the one in the person's token.
	 * The other browsers have English chosen, as a person who picked it on a page would: the specs read the English
	 * pages, while most demo users' tokens say Finnish or Swedish.
	 */
	static Browser desktopInTokenLanguage(URI gateway) {
		return open(gateway, 1280, 900, false, VIEWER_TIME_ZONE, null);
	}

	/** The pages' language choice, as assets/i18n.js keeps it. */
	static final String LANGUAGE_CHOICE = "leverans.language";

	static final String ENGLISH = "en";

	private static Browser open(URI gateway, int width, int height, boolean phone, String timeZone, String language) {
		Path profile;
		try {
			profile = Files.createTempDirectory("leverans-chromium-");
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(new File(CHROMEDRIVER))
			.usingAnyFreePort()
			.withEnvironment(Map.of("TZ", timeZone))
			.build();
		ChromeOptions options = new ChromeOptions().setBinary(CHROMIUM)
			.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
					"--disable-background-networking", "--disable-component-update", "--disable-sync",
					"--disable-dev-shm-usage", "--user-data-dir=" + profile, "--window-size=" + width + "," + height,
					"--lang=en-GB");
		if (phone) {
			options.setExperimentalOption("mobileEmulation",
					Map.of("deviceMetrics", Map.of("width", width, "height", height, "pixelRatio", 2.0, "touch", true)));
		}
		ChromeDriver driver = new ChromeDriver(service, options);
		driver.manage().timeouts().pageLoadTimeout(PATIENCE);
		if (language != null) {
			// Before any page of the gateway runs, unless a spec (or the page's menu) has chosen since.
			driver.executeCdpCommand("Page.addScriptToEvaluateOnNewDocument", Map.of("source", """
					try {
					  if (location.origin === '%s' && !localStorage.getItem('%s')) localStorage.setItem('%s', '%s');
					} catch (e) { /* a page without storage */ }
					""".formatted(origin(gateway), LANGUAGE_CHOICE, LANGUAGE_CHOICE, language)));
		}
		return new Browser(driver, profile, gateway, phone);
	}

	private static String origin(URI gateway) {
		return gateway.getScheme() + "://" + gateway.getAuthority();
	}

	/**
	 * Opens a page while signed out: the gateway sends the browser to the auth-server's sign-in form, the person
	 * fills it in, and the gateway brings them back to the page they asked for.
	 */
	Browser signIn(String path, String username) {
		this.driver.get(this.gateway.resolve(path).toString());
		WebElement user = waitFor(By.id("username"));
		user.sendKeys(username);
		this.driver.findElement(By.id("password")).sendKeys("demo");
		this.driver.findElement(By.cssSelector("button[type=submit]")).click();
		new WebDriverWait(this.driver, PATIENCE)
			.until(ExpectedConditions.urlContains(this.gateway.getAuthority() + path.replaceAll("\\?.*", "")));
		waitFor(By.cssSelector("header.site .who"));
		return this;
	}

	void go(String path) {
		this.driver.get(this.gateway.resolve(path).toString());
	}

	ChromeDriver driver() {
		return this.driver;
	}

	WebElement waitFor(By locator) {
		return new WebDriverWait(this.driver, PATIENCE).until(ExpectedConditions.visibilityOfElementLocated(locator));
	}

	<T> T waitUntil(ExpectedCondition<T> condition) {
		return new WebDriverWait(this.driver, PATIENCE).pollingEvery(Duration.ofMillis(200)).until(condition);
	}

	/**
	 * Clicks what the locator finds once it is visible, finding it again when a live page redrew it between finding
	 * and clicking (a stream event refreshes a list).
	 */
	void click(By locator) {
		new WebDriverWait(this.driver, PATIENCE).ignoring(StaleElementReferenceException.class).until(driver -> {
			WebElement element = ExpectedConditions.visibilityOfElementLocated(locator).apply(driver);
			if (element == null) {
				return false;
			}
			element.click();
			return true;
		});
	}

	WebElement waitForText(By locator, String text) {
		waitUntil(ExpectedConditions.textToBePresentInElementLocated(locator, text));
		return this.driver.findElement(locator);
	}

	/** The page has its live stream open, so a change made now arrives (the stream also replays, but not forever). */
	void awaitLive() {
		waitFor(By.cssSelector("body[data-stream='live']"));
	}

	/** A Chrome DevTools Protocol command, e.g. to make the network fail under the page. */
	Map<String, Object> devTools(String command, Map<String, Object> parameters) {
		return this.driver.executeCdpCommand(command, parameters);
	}

	Object script(String script, Object... arguments) {
		return ((JavascriptExecutor) this.driver).executeScript(script, arguments);
	}

	/** Sets a form control's value as a person would by picking it (date pickers ignore typed keys in some locales). */
	void setValue(By locator, String value) {
		script("arguments[0].value = arguments[1]; arguments[0].dispatchEvent(new Event('change', {bubbles: true}));",
				this.driver.findElement(locator), value);
	}

	void resize(int width, int height) {
		this.driver.manage().window().setSize(new Dimension(width, height));
	}

	List<WebElement> all(By locator) {
		return this.driver.findElements(locator);
	}

	/** A page screenshot for the docs, when screenshots were asked for; otherwise nothing. */
	void screenshotForDocs(String name) {
		if (SCREENSHOTS == null || SCREENSHOTS.isBlank()) {
			return;
		}
		if (this.phone) {
			// what fits on the phone's screen, as a person holding it sees it
			save(Path.of(SCREENSHOTS), name);
			return;
		}
		// Full page height, so a screenshot shows the whole page rather than the first screen of it.
		Dimension before = this.driver.manage().window().getSize();
		Number height = (Number) script("return document.documentElement.scrollHeight");
		resize(before.getWidth(), Math.min(Math.max(before.getHeight(), height.intValue() + 120), 4000));
		try {
			save(Path.of(SCREENSHOTS), name);
		}
		finally {
			resize(before.getWidth(), before.getHeight());
		}
	}

	/** What the browser showed when a spec failed: a PNG and the page's HTML under e2e-tests/target/. */
	void keepForFailure(String name) {
		Path folder = Path.of("target", "browser-failures");
		save(folder, name);
		try {
			Files.writeString(folder.resolve(name + ".html"), this.driver.getPageSource(), StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private void save(Path folder, String name) {
		try {
			Files.createDirectories(folder);
			File png = this.driver.getScreenshotAs(OutputType.FILE);
			Files.copy(png.toPath(), folder.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	@Override
	public void close() {
		try {
			this.driver.quit();
		}
		finally {
			deleteQuietly(this.profile);
		}
	}

	private static void deleteQuietly(Path folder) {
		try (var paths = Files.walk(folder)) {
			paths.sorted(java.util.Comparator.reverseOrder()).forEach((path) -> path.toFile().delete());
		}
		catch (IOException ex) {
			// a temp profile left behind is harmless
		}
	}

}
