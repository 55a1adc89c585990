package io.closeloop.infra;

import io.closeloop.realistic.RealisticTenant;
import io.closeloop.realistic.RealisticTenantGenerator;
import java.io.PrintStream;
import java.time.Duration;
import java.util.List;

/**
 * What {@code ./closeloop up} does once the services run: loads the sample tenant {@value #TENANT} (the story in
 * {@code realistic-data/SAMPLE.md}), waits until attribution and reporting have caught up, and prints the ROI per
 * channel under two models, the dashboard's address and the demo logins. A second {@code up} on the same data finds
 * the sample complete and only prints.
 */
final class SampleTenant {

    static final String TENANT = "demo";
    static final List<String> MODELS = List.of("last_touch", "linear");
    /** A slow machine catches up eventually; past this the table shows what is there. */
    private static final Duration CATCH_UP = Duration.ofMinutes(Long.getLong("closeloop.sample.wait-minutes", 30));

    private final PrintStream out;
    private final int contacts;

    SampleTenant(PrintStream out, int contacts) {
        this.out = out;
        this.contacts = contacts;
    }

    void loadAndReport(Infrastructure infra, List<ServiceProcess> services) {
        String ingest = url(services, "ingest-service");
        String reporting = url(services, "reporting-service");
        try {
            out.printf("%nGenerating the sample tenant \"%s\" (%,d contacts) ...%n", TENANT, contacts);
            RealisticTenant tenant = RealisticTenantGenerator.generateSample(RealisticTenantGenerator.SAMPLE_SEED,
                    contacts);
            PlatformClient client = new PlatformClient(TokenClient.of(infra.keycloak()), TENANT, Summary.DEMO_PASSWORD);
            SampleLoader loader = new SampleLoader(client, ingest, reporting, out);
            if (loader.reportedConversions(tenant) == SampleLoader.expectedConversions(tenant)) {
                out.println("The sample tenant is loaded already.");
            } else {
                SampleLoader.Result result = loader.load(tenant);
                result.firstRejections().forEach(r -> out.println("  refused: " + r));
                loader.awaitReports(tenant, CATCH_UP);
            }
            RoiTable.print(client, reporting, tenant.firstDay(), tenant.lastDay(), MODELS, out);
        } catch (RuntimeException e) {
            out.printf("%nThe sample tenant could not be loaded: %s%nThe platform keeps running; details in %s%n",
                    e.getMessage(), infra.dir().resolve("logs"));
            org.slf4j.LoggerFactory.getLogger(SampleTenant.class).error("sample tenant failed", e);
        }
        out.printf("%nDashboard: %s/dashboard%n", reporting);
        out.printf("Demo logins (password \"%s\"): %s-analyst (reports), %s-admin (configuration)%n",
                Summary.DEMO_PASSWORD, TENANT, TENANT);
        out.printf("%nStop with Ctrl-C here, or ./closeloop stop from another terminal.%n");
        out.flush();
    }

    private static String url(List<ServiceProcess> services, String name) {
        return services.stream().filter(s -> s.name().equals(name)).findFirst()
                .map(s -> "http://127.0.0.1:" + s.systemProperties().get("quarkus.http.port"))
                .orElseThrow(() -> new IllegalStateException(name + " is not running"));
    }
}
