package io.closeloop.infra;

import java.io.PrintStream;
import java.time.Duration;
import java.util.List;

/** What a person needs after {@code up}: where everything listens, who can log in, how to get a token. */
final class Summary {

    static final List<String> TENANTS = List.of("acme", "globex", "initech", "demo");
    static final List<String> ROLES = List.of("ingest", "analyst", "compliance", "admin");
    static final String DEMO_PASSWORD = "closeloop";

    private final PrintStream out;

    Summary(PrintStream out) {
        this.out = out;
    }

    void print(Infrastructure infra, List<ServiceProcess> services, Duration took) {
        out.println();
        out.printf("Closeloop is up (%d s). Data and logs: %s%n%n", took.toSeconds(), infra.dir());
        row("WHAT", "LISTENS ON", "NOTES");
        row("Kafka", infra.kafka().bootstrapServers(), "topics from the catalogue (+ .dlq), auto-create off");
        row("PostgreSQL", "127.0.0.1:" + infra.postgres().port(),
                "databases " + String.join(", ", Infrastructure.SERVICES) + "; role = database, password <db>-pw");
        infra.keycloakIfStarted().ifPresent(kc -> {
            row("Keycloak", kc.baseUrl(), "admin console " + kc.baseUrl() + "/admin (" + KeycloakServer.ADMIN_USER
                    + "/" + KeycloakServer.ADMIN_PASSWORD + "), issuer " + kc.issuerUrl());
            row("Keycloak management", "http://127.0.0.1:" + kc.managementPort(), "/health/ready; log " + kc.logFile());
        });
        for (ServiceProcess s : services) {
            String http = s.systemProperties().get("quarkus.http.port");
            row(s.name(), "http://127.0.0.1:" + http, "management :" + s.managementPort() + " (/q/health), log "
                    + s.logFile());
        }
        infra.keycloakIfStarted().ifPresent(kc -> {
            out.printf("%nDemo users of realm %s (password \"%s\"), each with the one realm role in its name:%n",
                    KeycloakServer.REALM, DEMO_PASSWORD);
            for (String tenant : TENANTS) {
                out.print("  tenant " + tenant + ":");
                ROLES.forEach(role -> out.print(" " + tenant + "-" + role));
                out.println();
            }
            out.println("Machine clients (client credentials, role ingest): "
                    + "acme-service / acme-service-secret, globex-service / globex-service-secret, "
                    + "initech-service / initech-service-secret, demo-service / demo-service-secret");
            out.printf("%nGet an access token (paste one line):%n");
            String extract = " | sed -E 's/.*\"access_token\":\"([^\"]+)\".*/\\1/'";
            for (String tenant : TENANTS) {
                for (String role : ROLES) {
                    String user = tenant + "-" + role;
                    out.printf("  %-18s TOKEN=$(curl -s -d grant_type=password -d client_id=%s -d username=%s "
                            + "-d password=%s %s%s)%n", user + ":", TokenClient.CLI_CLIENT, user, DEMO_PASSWORD,
                            kc.tokenEndpoint(), extract);
                }
            }
            for (String tenant : TENANTS) {
                String client = tenant + "-service";
                out.printf("  %-18s TOKEN=$(curl -s -d grant_type=client_credentials -u %s:%s-secret %s%s)%n",
                        client + ":", client, client, kc.tokenEndpoint(), extract);
            }
            out.println("  then: curl -H \"Authorization: Bearer $TOKEN\" http://127.0.0.1:<service port>/...");
        });
        out.printf("%nStop with Ctrl-C here, or ./closeloop stop from another terminal.%n");
        out.flush();
    }

    private void row(String what, String where, String notes) {
        out.printf("  %-22s %-28s %s%n", what, where, notes);
    }
}
