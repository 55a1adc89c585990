package io.closeloop.reporting.rest.dashboard;

import io.closeloop.reporting.config.ReportingConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.TreeSet;

/**
 * The dashboard's HTML: the page (filters and empty sections that its script fills from the data routes) and the
 * refusal page for a signed-in person without the analyst role. Templates live outside the public static files.
 */
@ApplicationScoped
public class DashboardPage {

    /** The chart library's bundle inside its WebJar; DashboardPageTest checks it is on the class path. */
    static final String CHART_SCRIPT = "/webjars/chart.js/4.5.1/dist/chart.umd.min.js";

    private final String page;
    private final String refusal;

    public DashboardPage(ReportingConfig config) {
        StringBuilder models = new StringBuilder();
        for (String model : new TreeSet<>(config.models())) {
            models.append("<option value=\"").append(escape(model)).append('"')
                    .append(model.equals(config.defaultModel()) ? " selected" : "").append('>')
                    .append(escape(model)).append("</option>");
        }
        this.page = template("dashboard/page.html").replace("{{models}}", models)
                .replace("{{chartScript}}", CHART_SCRIPT);
        this.refusal = template("dashboard/refusal.html");
    }

    String dashboard(String user) {
        return page.replace("{{user}}", escape(user));
    }

    String refusal(String user) {
        return refusal.replace("{{user}}", escape(user == null ? "" : user));
    }

    static String escape(String text) {
        if (text == null) {
            return "";
        }
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;")
                .replace("'", "&#39;");
    }

    private static String template(String resource) {
        try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing template " + resource);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
