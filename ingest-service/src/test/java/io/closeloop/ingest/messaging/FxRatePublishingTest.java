package io.closeloop.ingest.messaging;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.closeloop.contracts.FxRate;
import io.closeloop.contracts.Headers;
import io.closeloop.contracts.Json;
import io.closeloop.contracts.Topics;
import io.closeloop.infra.InfraTestResource;
import io.closeloop.infra.TopicProbe;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.quarkus.test.security.oidc.Claim;
import io.quarkus.test.security.oidc.OidcSecurity;
import io.restassured.http.ContentType;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/** A created or changed FX rate is announced on {@code fx.rates}; storing the same rate again announces nothing. */
@QuarkusTest
@QuarkusTestResource(value = InfraTestResource.class, initArgs = @ResourceArg(name = "service", value = "ingest"))
class FxRatePublishingTest {

    private static final String KEY = "fxpub:USD:EUR:2026-10-01";

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    @Test
    @TestSecurity(user = "fxpub-admin", roles = "admin")
    @OidcSecurity(claims = @Claim(key = "tenant", value = "fxpub"))
    void createdAndChangedRatesArePublishedUnchangedOnesAreNot() {
        put("0.9215");
        put("0.9215");
        put("0.9300");

        List<ConsumerRecord<String, String>> records = TopicProbe.readUntil(bootstrap, Topics.FX_RATES.name(),
                Duration.ofSeconds(60), read -> read.stream().anyMatch(r -> KEY.equals(r.key())
                        && r.value().contains("0.9300"))).stream().filter(r -> KEY.equals(r.key())).toList();

        assertThat(records).extracting(r -> rate(r).rate()).containsExactly("0.9215", "0.9300");
        FxRate last = rate(records.get(1));
        assertThat(last.tenant()).isEqualTo("fxpub");
        assertThat(last.currency()).isEqualTo("USD");
        assertThat(last.baseCurrency()).isEqualTo("EUR");
        assertThat(last.day()).isEqualTo(LocalDate.parse("2026-10-01"));
        assertThat(TopicProbe.header(records.get(1), Headers.EVENT_TYPE)).isEqualTo("fx.rate");
    }

    private static void put(String rate) {
        given().contentType(ContentType.JSON).body("{\"rate\":\"" + rate + "\"}")
                .put("/api/v1/fx-rates/2026-10-01/USD/EUR").then().statusCode(200);
    }

    private static FxRate rate(ConsumerRecord<String, String> record) {
        try {
            return Json.read(record.value(), FxRate.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
