package io.closeloop.reporting.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.closeloop.contracts.CreditLine;
import io.closeloop.contracts.CreditSet;
import io.closeloop.contracts.Json;
import io.closeloop.contracts.Keys;
import io.closeloop.contracts.Money;
import io.closeloop.contracts.SpendRecord;
import io.closeloop.contracts.TenantSettings;
import io.closeloop.contracts.Topics;
import io.closeloop.infra.Infrastructure;
import io.closeloop.infra.LauncherLogging;
import io.closeloop.infra.TokenClient;
import io.closeloop.infra.TopicProbe;
import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The dashboard in a real headless browser: the packaged service behind real Keycloak, signed in on Keycloak's own
 * login page (authorization code flow with PKCE), showing the fixture's hand-computed figures, other figures under
 * another model, a CSV download, and a refusal page for a person without the analyst role.
 *
 * <p>Fixture (tenant acme, March 2026, EUR; globex's revenue must never show):
 * <pre>
 * conversion  value    last_touch                   first_touch
 * c-1 (3 Mar) 1250.00  paid_social/retarget_q1      paid_search/brand
 * c-2 (10 Mar) 800.00  email/march_news             paid_social/retarget_q1
 * c-3 (12 Mar) 300.00  paid_search/brand, restated  display/launch
 *                      from 500.00 (version 1)
 * c-4 (15 Mar) lost    990.00 then withdrawn        -
 * c-5 (2 Apr)  400.00  paid_search/brand, outside the range
 * globex g-1 (5 Mar) 99.00 USD paid_search/globex_search
 * last_touch: paid_social 1,250.00 · email 800.00 · paid_search 300.00 · total 2,350.00 EUR, 3 conversions
 * first_touch: paid_search 1,250.00 · paid_social 800.00 · display 300.00 · total 2,350.00 EUR, 3 conversions
 * spend (base EUR): paid_social 500.00 (4 Mar), paid_search 400.00 (11 Mar); globex 77.00 USD
 * last_touch ROI = (revenue - spend) / spend, ROAS = revenue / spend, CPA = spend / conversions:
 *   paid_social 150.0 % · 250.0 % · 500.00;  email no spend: ROI and ROAS none, CPA 0.00;
 *   paid_search -25.0 % · 75.0 % · 400.00;  total (2,350 - 900) / 900 = 161.1 % · 261.1 % · 300.00
 * </pre>
 * Chromium and chromedriver come from Debian ({@code .ci/prerequisites} installs them).
 */
class DashboardBrowserIT {

    private static final Path DIR = Path.of("target", "dashboard-it").toAbsolutePath();
    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final String RANGE = "from=2026-03-01&to=2026-03-31";

    private static Infrastructure infra;
    private static String baseUrl;
    private static TokenClient tokens;

    @BeforeAll
    static void start() throws Exception {
        deleteTree(DIR);
        LauncherLogging.toFile(DIR.resolve("logs").resolve("infrastructure.log"));
        infra = Infrastructure.start(DIR, true, false);
        int http = Infrastructure.freePort();
        infra.startService("reporting-service", Path.of("").toAbsolutePath(), "reporting", http,
                Infrastructure.freePort());
        baseUrl = "http://127.0.0.1:" + http;
        tokens = TokenClient.of(infra.keycloak());
        seed();
    }

    @AfterAll
    static void stop() {
        if (infra != null) {
            infra.stop();
        }
    }

    @Test
    void anAnalystSeesTheFixturesFiguresChangesTheModelAndDownloadsTheCsv() throws Exception {
        WebDriver browser = browser("analyst");
        try {
            signIn(browser, "acme-analyst");
            WebDriverWait wait = new WebDriverWait(browser, WAIT);
            wait.until(b -> b.getCurrentUrl().startsWith(baseUrl + "/dashboard"));
            assertThat(browser.findElement(By.id("user")).getText()).isEqualTo("acme-analyst");
            // The encrypted session may be split into several q_session_web* cookies: each carries the attributes.
            List<Cookie> session = browser.manage().getCookies().stream()
                    .filter(c -> c.getName().startsWith("q_session_web")).toList();
            assertThat(session).isNotEmpty().allSatisfy(cookie -> {
                assertThat(cookie.isHttpOnly()).isTrue();
                assertThat(cookie.isSecure()).isTrue();
                assertThat(cookie.getSameSite()).isEqualTo("Strict");
                assertThat(cookie.getPath()).isEqualTo("/dashboard");
            });
            show(browser, wait, () -> {
                ((JavascriptExecutor) browser).executeScript("document.getElementById('from').value='2026-03-01';"
                        + "document.getElementById('to').value='2026-03-31';");
                browser.findElement(By.id("apply")).click();
            });

            assertThat(rows(browser, "#revenue-table tbody tr")).containsExactly(
                    "paid_social | retarget_q1 | EUR | 1,250.00 EUR | 1",
                    "email | march_news | EUR | 800.00 EUR | 1",
                    "paid_search | brand | EUR | 300.00 EUR | 1");
            assertThat(rows(browser, "#revenue-table tfoot tr")).containsExactly("Total |  | EUR | 2,350.00 EUR | 3");
            assertThat(rows(browser, "#channels-table tbody tr")).containsExactly(
                    "paid_social | 1,250.00 EUR | 500.00 EUR | 150.0% | 250.0% | 1 | 500.00 EUR",
                    "email | 800.00 EUR | 0.00 EUR | — | — | 1 | 0.00 EUR",
                    "paid_search | 300.00 EUR | 400.00 EUR | -25.0% | 75.0% | 1 | 400.00 EUR");
            assertThat(rows(browser, "#channels-table tfoot tr")).containsExactly(
                    "Total | 2,350.00 EUR | 900.00 EUR | 161.1% | 261.1% | 3 | 300.00 EUR");
            // Another tenant's figures never show.
            assertThat(browser.getPageSource()).doesNotContain("globex_search").doesNotContain("99.00")
                    .doesNotContain("77.00");
            screenshot(browser, "dashboard-last-touch.png");

            show(browser, wait, () -> new Select(browser.findElement(By.id("model"))).selectByValue("first_touch"));
            assertThat(rows(browser, "#revenue-table tbody tr")).containsExactly(
                    "paid_search | brand | EUR | 1,250.00 EUR | 1",
                    "paid_social | retarget_q1 | EUR | 800.00 EUR | 1",
                    "display | launch | EUR | 300.00 EUR | 1");
            screenshot(browser, "dashboard-first-touch.png");

            browser.findElement(By.id("revenue-csv")).click();
            Path csv = DIR.resolve("downloads-analyst")
                    .resolve("attributed-revenue_first_touch_2026-03-01_2026-03-31.csv");
            await().atMost(WAIT).until(() -> Files.exists(csv));
            assertThat(Files.readString(csv).split("\r\n")).containsExactly(
                    "channel,campaign,currency,revenueMinor,conversions,fallbackConversions",
                    "paid_search,brand,EUR,125000,1,0",
                    "paid_social,retarget_q1,EUR,80000,1,0",
                    "display,launch,EUR,30000,1,0");
        } finally {
            browser.quit();
        }
    }

    @Test
    void aComplianceOfficerGetsTheRefusalPageAndNoFigures() throws Exception {
        WebDriver browser = browser("compliance");
        try {
            signIn(browser, "acme-compliance");
            new WebDriverWait(browser, WAIT).until(b -> !b.findElements(By.id("refusal")).isEmpty());
            assertThat(browser.findElement(By.id("refusal")).getText()).isEqualTo("Not for this account");
            assertThat(browser.getPageSource()).contains("acme-compliance").doesNotContain("revenue-table");
            screenshot(browser, "dashboard-refusal.png");
            Object status = ((JavascriptExecutor) browser).executeAsyncScript("const done = arguments[0];"
                    + "fetch('/dashboard/data/attributed-revenue?" + RANGE + "').then(r => done(r.status));");
            assertThat(((Number) status).intValue()).isEqualTo(403);
        } finally {
            browser.quit();
        }
    }

    @Test
    void theApiAnswers401AndTheDashboardSendsABrowserToKeycloakWithPkce() throws Exception {
        HttpClient client = HttpClient.newHttpClient();
        HttpResponse<String> api = client.send(HttpRequest.newBuilder(
                URI.create(baseUrl + "/api/v1/reports/attributed-revenue?" + RANGE)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(api.statusCode()).isEqualTo(401);
        assertThat(api.headers().firstValue("WWW-Authenticate").orElse("")).startsWith("Bearer");

        HttpResponse<String> page = client.send(HttpRequest.newBuilder(URI.create(baseUrl + "/dashboard")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(page.statusCode()).isEqualTo(302);
        String location = URLDecoder.decode(page.headers().firstValue("Location").orElseThrow(),
                StandardCharsets.UTF_8);
        assertThat(location).startsWith(infra.keycloak().issuerUrl() + "/protocol/openid-connect/auth?")
                .contains("client_id=closeloop-web").contains("code_challenge_method=S256")
                .contains("redirect_uri=" + baseUrl + "/dashboard");
        assertThat(page.headers().allValues("Set-Cookie")).anySatisfy(cookie ->
                assertThat(cookie).startsWith("q_auth").containsIgnoringCase("HttpOnly").containsIgnoringCase("Secure"));
    }

    /** Publishes the fixture's settings, spend and credit sets, then waits until the bearer API shows all of them. */
    private static void seed() {
        String kafka = infra.kafka().bootstrapServers();
        for (String tenant : List.of("acme", "globex")) {
            TopicProbe.publish(kafka, Topics.TENANTS, Keys.tenant(tenant), new TenantSettings(tenant, "UTC",
                    tenant.equals("acme") ? "EUR" : "USD", "DE", Instant.parse("2026-01-01T00:00:00Z")),
                    UUID.randomUUID());
        }
        spend(kafka, "acme", "2026-03-04", "paid_social", "retarget_q1", new Money(50_000, "EUR"));
        spend(kafka, "acme", "2026-03-11", "paid_search", "brand", new Money(40_000, "EUR"));
        spend(kafka, "globex", "2026-03-05", "paid_search", "globex_search", new Money(7_700, "USD"));
        List<CreditSet> sets = List.of(
                set("acme", "c-1", "last_touch", 1, "2026-03-03T10:00:00Z", "EUR", 125_000, "paid_social", "retarget_q1"),
                set("acme", "c-1", "first_touch", 1, "2026-03-03T10:00:00Z", "EUR", 125_000, "paid_search", "brand"),
                set("acme", "c-2", "last_touch", 1, "2026-03-10T10:00:00Z", "EUR", 80_000, "email", "march_news"),
                set("acme", "c-2", "first_touch", 1, "2026-03-10T10:00:00Z", "EUR", 80_000, "paid_social", "retarget_q1"),
                set("acme", "c-3", "last_touch", 1, "2026-03-12T10:00:00Z", "EUR", 50_000, "paid_search", "brand"),
                set("acme", "c-3", "last_touch", 2, "2026-03-12T10:00:00Z", "EUR", 30_000, "paid_search", "brand"),
                set("acme", "c-3", "first_touch", 1, "2026-03-12T10:00:00Z", "EUR", 30_000, "display", "launch"),
                set("acme", "c-4", "last_touch", 1, "2026-03-15T10:00:00Z", "EUR", 99_000, "paid_search", "brand"),
                withdrawn(set("acme", "c-4", "last_touch", 2, "2026-03-15T10:00:00Z", "EUR", 99_000, null, null)),
                set("acme", "c-5", "last_touch", 1, "2026-04-02T10:00:00Z", "EUR", 40_000, "paid_search", "brand"),
                set("globex", "g-1", "last_touch", 1, "2026-03-05T10:00:00Z", "USD", 9_900, "paid_search",
                        "globex_search"));
        for (CreditSet set : sets) {
            TopicProbe.publish(kafka, Topics.CREDITS, Keys.conversion(set.tenant(), set.conversionId()), set,
                    UUID.randomUUID());
        }
        String analyst = tokens.passwordToken("acme-analyst", "closeloop");
        await().atMost(WAIT).until(() -> {
            JsonNode report = report(analyst, "last_touch");
            return report.path("rows").size() == 3 && report.path("totals").path(0).path("revenueMinor").asLong() == 235_000
                    && report(analyst, "first_touch").path("rows").size() == 3
                    && get(analyst, "channels?" + RANGE).path("totals").path("spendMinor").asLong() == 90_000;
        });
    }

    private static void spend(String kafka, String tenant, String day, String channel, String campaign, Money amount) {
        LocalDate date = LocalDate.parse(day);
        TopicProbe.publish(kafka, Topics.SPEND_RAW, Keys.spend(tenant, date, channel, campaign), new SpendRecord(tenant,
                UUID.randomUUID(), date, channel, "platform", "cpc", campaign, null, amount, amount,
                Instant.parse(day + "T23:00:00Z")), UUID.randomUUID());
    }

    private static JsonNode get(String token, String path) throws IOException, InterruptedException {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(baseUrl
                        + "/api/v1/reports/" + path)).header("Authorization", "Bearer " + token).build(),
                HttpResponse.BodyHandlers.ofString());
        return Json.mapper().readTree(response.body());
    }

    private static JsonNode report(String token, String model) throws IOException, InterruptedException {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(baseUrl
                        + "/api/v1/reports/attributed-revenue?" + RANGE + "&model=" + model))
                .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofString());
        return Json.mapper().readTree(response.body());
    }

    private static CreditSet set(String tenant, String conversion, String model, long version, String at,
                                 String currency, long value, String channel, String campaign) {
        List<CreditLine> lines = channel == null ? List.of() : List.of(new CreditLine(UUID.randomUUID(),
                Instant.parse(at).minusSeconds(86_400), channel, "source", "medium", campaign, value, 1.0));
        return new CreditSet(tenant, conversion, "purchase", Instant.parse(at), "UTC", UUID.randomUUID(), model, 1,
                version, CreditSet.Status.ACTIVE, currency, value, lines);
    }

    private static CreditSet withdrawn(CreditSet set) {
        return new CreditSet(set.tenant(), set.conversionId(), set.conversionType(), set.conversionTime(),
                set.sourceZone(), set.personId(), set.modelId(), set.modelConfigVersion(), set.setVersion(),
                CreditSet.Status.WITHDRAWN, set.currency(), set.valueMinor(), List.of());
    }

    private static WebDriver browser(String name) throws IOException {
        Path downloads = Files.createDirectories(DIR.resolve("downloads-" + name));
        ChromeOptions options = new ChromeOptions();
        options.setBinary(executable("chromium"));
        options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                "--window-size=1400,2200", "--user-data-dir=" + DIR.resolve("profile-" + name));
        options.setExperimentalOption("prefs", Map.of("download.default_directory", downloads.toString(),
                "download.prompt_for_download", false));
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(executable("chromedriver")))
                .withLogFile(DIR.resolve("logs").resolve("chromedriver-" + name + ".log").toFile())
                .build();
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.executeCdpCommand("Browser.setDownloadBehavior",
                Map.of("behavior", "allow", "downloadPath", downloads.toString()));
        return driver;
    }

    private static String executable(String name) {
        for (String dir : List.of("/usr/bin", "/usr/local/bin")) {
            if (Files.isExecutable(Path.of(dir, name))) {
                return Path.of(dir, name).toString();
            }
        }
        throw new IllegalStateException(name + " is not installed: run .ci/prerequisites");
    }

    /** Keycloak's own login page, reached by the dashboard's redirect. */
    private static void signIn(WebDriver browser, String user) {
        browser.get(baseUrl + "/dashboard");
        WebDriverWait wait = new WebDriverWait(browser, WAIT);
        wait.until(b -> b.getCurrentUrl().startsWith(infra.keycloak().issuerUrl()) && !b.findElements(
                By.id("username")).isEmpty());
        browser.findElement(By.id("username")).sendKeys(user);
        browser.findElement(By.id("password")).sendKeys("closeloop");
        browser.findElement(By.id("kc-login")).click();
    }

    /** Runs an action that reloads the views and waits until they are shown again. */
    private static void show(WebDriver browser, WebDriverWait wait, Runnable action) {
        wait.until(b -> "loaded".equals(body(b).getDomAttribute("data-state")));
        String before = body(browser).getDomAttribute("data-loads");
        action.run();
        wait.until(b -> !before.equals(body(b).getDomAttribute("data-loads"))
                && "loaded".equals(body(b).getDomAttribute("data-state")));
    }

    private static WebElement body(WebDriver browser) {
        return browser.findElement(By.tagName("body"));
    }

    private static List<String> rows(WebDriver browser, String selector) {
        return browser.findElements(By.cssSelector(selector)).stream()
                .map(row -> String.join(" | ", row.findElements(By.tagName("td")).stream()
                        .map(WebElement::getText).toList()))
                .toList();
    }

    private static void screenshot(WebDriver browser, String name) throws IOException {
        File shot = ((ChromeDriver) browser).getScreenshotAs(OutputType.FILE);
        Files.copy(shot.toPath(), DIR.resolve(name), StandardCopyOption.REPLACE_EXISTING);
    }

    private static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
