package io.closeloop.e2e;

import io.closeloop.infra.Infrastructure;
import io.closeloop.infra.TokenClient;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The whole platform for end-to-end tests, started once per JVM: real Kafka, PostgreSQL and Keycloak, and
 * the four packaged services each in its own JVM.
 */
final class Platform4Services {

    static final String[] SERVICES = {"ingest", "identity", "attribution", "reporting"};

    private static Platform4Services running;

    final Infrastructure infra;
    final TokenClient tokens;
    private final Map<String, String> baseUrls = new LinkedHashMap<>();

    private Platform4Services(Infrastructure infra) {
        this.infra = infra;
        this.tokens = TokenClient.of(infra.keycloak());
    }

    static synchronized Platform4Services get() {
        if (running == null) {
            Path root = Path.of(System.getProperty("closeloop.repo.root", "..")).toAbsolutePath().normalize();
            Path dir = root.resolve("e2e-tests").resolve("target").resolve("platform");
            Infrastructure infra = Infrastructure.start(dir, true, false);
            Platform4Services platform = new Platform4Services(infra);
            try {
                for (String service : SERVICES) {
                    int http = Infrastructure.freePort();
                    int management = Infrastructure.freePort();
                    infra.startService(service + "-service", root.resolve(service + "-service"), service, http,
                            management);
                    platform.baseUrls.put(service, "http://127.0.0.1:" + http);
                }
            } catch (RuntimeException e) {
                infra.stop();
                throw e;
            }
            running = platform;
        }
        return running;
    }

    String url(String service) {
        return baseUrls.get(service);
    }

    String token(String user) {
        return tokens.passwordToken(user, "closeloop");
    }
}
