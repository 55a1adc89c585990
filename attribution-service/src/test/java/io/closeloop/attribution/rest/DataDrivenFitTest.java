package io.closeloop.attribution.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

import io.closeloop.attribution.TestEvents;
import io.closeloop.attribution.TestEvents.Event;
import io.closeloop.attribution.model.MarkovStatistics;
import io.closeloop.attribution.model.ShapleyStatistics;
import io.closeloop.attribution.service.StatsService;
import io.closeloop.contracts.CreditLine;
import io.closeloop.contracts.CreditSet;
import io.closeloop.infra.InfraTestResource;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.quarkus.test.security.oidc.Claim;
import io.quarkus.test.security.oidc.OidcSecurity;
import io.quarkus.vertx.VertxContextSupport;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.path.json.config.JsonPathConfig;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/**
 * Markov and Shapley in the service: fallback below the minimum of journeys, statistics published per
 * partition by two instances merging into exactly the fit of one instance over everything, the fit endpoint
 * and its roles.
 */
@QuarkusTest
@QuarkusTestResource(value = InfraTestResource.class, initArgs = @ResourceArg(name = "service", value = "attribution"))
class DataDrivenFitTest {

    private static final String TENANT = "fitco";
    private static final String[] CHANNELS = {"paid_search", "email", "paid_social", "display"};

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    @Inject
    StatsService stats;

    @Inject
    io.closeloop.attribution.service.FitService fits;

    @Test
    @TestSecurity(user = "fitco-admin", roles = "admin")
    @OidcSecurity(claims = @Claim(key = "tenant", value = TENANT))
    void twoInstancesStatisticsFitExactlyAsOneInstanceAndTheFitReplacesTheFallback() throws Throwable {
        TestEvents events = new TestEvents(bootstrap, TENANT);
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        Random random = new Random(20261123L);
        List<Event> batch = new ArrayList<>();
        List<Event> conversions = new ArrayList<>();
        MarkovStatistics expectedMarkov = new MarkovStatistics(1);
        ShapleyStatistics expectedShapley = new ShapleyStatistics();
        List<String> conversionIds = new ArrayList<>();
        // 40 persons, 1–3 touches each in the last 10 days; 25 convert a day ago, 15 do not.
        for (int p = 0; p < 40; p++) {
            UUID person = new UUID(random.nextLong(), random.nextLong());
            List<String> path = new ArrayList<>();
            int touches = 1 + random.nextInt(3);
            for (int t = 0; t < touches; t++) {
                String channel = CHANNELS[random.nextInt(CHANNELS.length)];
                path.add(channel);
                batch.add(events.touch(person, now.minus(Duration.ofDays(10 - 3L * t)), channel));
            }
            boolean converts = p < 25;
            if (converts) {
                String id = "fit-" + p;
                conversionIds.add(id);
                conversions.add(events.conversion(person, id, now.minus(Duration.ofDays(1)), 10_000 + p));
            }
            expectedMarkov.add(path, converts ? 1 : 0, converts ? 10_000 + p : 0, converts ? 0 : 1);
            expectedShapley.add(path, converts ? 1 : 0, converts ? 10_000 + p : 0, converts ? 0 : 1);
        }
        events.settle(batch);
        events.settle(conversions);

        // No fit yet: markov and shapley credit with the fallback, last non-direct, and say so.
        String probe = conversionIds.get(0);
        CreditSet lastNonDirect = events.latest(probe, "last_non_direct", 1);
        for (String model : List.of("markov", "shapley")) {
            CreditSet set = events.latest(probe, model, 1);
            assertThat(set.fallbackModelId()).isEqualTo("last_non_direct");
            assertThat(set.fitVersion()).isNull();
            assertThat(set.lines()).isEqualTo(lastNonDirect.lines());
        }
        assertThat(events.creditSets(probe, sets -> sets.size() >= 9).stream().map(CreditSet::modelId).distinct())
                .hasSize(9);

        // Two instances, each with half of the partitions (chunks of 3 paths, see the test configuration).
        publish(Set.of(0, 1, 2), now);
        publish(Set.of(3, 4, 5), now);
        awaitComplete(now);
        Map<String, Double> publishedMarkov = fitPublished("markov");
        Map<String, Double> publishedShapley = fitPublished("shapley");
        // On demand the fit computes the same period's statistics itself: the same weights, exactly.
        JsonPath markov1 = fit("markov");
        JsonPath shapley1 = fit("shapley");
        assertThat(weights(markov1)).isEqualTo(publishedMarkov);
        assertThat(weights(shapley1)).isEqualTo(publishedShapley);
        assertThat(markov1.getLong("version")).isEqualTo(2);
        assertThat(markov1.getLong("journeys")).isEqualTo(40);
        assertThat(markov1.getLong("conversions")).isEqualTo(25);
        // 40 journeys < the default minimum of 1000: stored, but the fallback keeps crediting.
        assertThat(markov1.getBoolean("usedForCredits")).isFalse();
        assertThat(events.latest(probe, "markov", 1).fallbackModelId()).isEqualTo("last_non_direct");

        // The same journeys fitted directly by the model core.
        Map<String, Double> markovWeights = weights(markov1);
        expectedMarkov.fit().weights().forEach((channel, weight) ->
                assertThat(markovWeights.get(channel)).as(channel).isCloseTo(weight, within(1e-12)));
        Map<String, Double> shapleyWeights = weights(shapley1);
        expectedShapley.fit().weights().forEach((channel, weight) ->
                assertThat(shapleyWeights.get(channel)).as(channel).isCloseTo(weight, within(1e-12)));

        // One instance over all partitions: exactly the same weights.
        Instant later = now.plusSeconds(1);
        publish(Set.of(0, 1, 2, 3, 4, 5), later);
        awaitComplete(later);
        assertThat(fitPublished("markov")).isEqualTo(markovWeights);
        assertThat(fitPublished("shapley")).isEqualTo(shapleyWeights);
        JsonPath markov2 = fit("markov");
        assertThat(markov2.getLong("version")).isEqualTo(4);
        assertThat(weights(markov2)).isEqualTo(markovWeights);

        // A minimum the fit meets: a new model-config version, and the fit credits without fallback.
        Integer configVersion = given().contentType(ContentType.JSON).body("{\"minJourneys\":40}")
                .put("/api/v1/attribution/settings").then().statusCode(202).extract().path("configVersion");
        assertThat(configVersion).isEqualTo(2);
        await().atMost(TestEvents.WAIT).until(() -> TestEvents.count("select count(*) from outbox_event") == 0);
        CreditSet fitted = events.first(probe, "markov", set -> set.modelConfigVersion() == 2);
        assertThat(fitted.fallbackModelId()).isNull();
        assertThat(fitted.fitVersion()).isEqualTo(4L);
        assertThat(fitted.modelConfigVersion()).isEqualTo(2);
        assertThat(fitted.lines().stream().mapToLong(CreditLine::creditMinor).sum()).isEqualTo(fitted.valueMinor());

        JsonPath models = given().get("/api/v1/models").then().statusCode(200).extract().jsonPath();
        assertThat(models.getList("modelId")).hasSize(9).contains("markov", "shapley", "w_shaped");
        assertThat(models.getLong("find { it.modelId == 'markov' }.currentFit.version")).isEqualTo(4);
        assertThat((Object) models.get("find { it.modelId == 'markov' }.fallbackModelId")).isNull();
        given().get("/api/v1/models/markov/fits/1").then().statusCode(200);
        given().get("/api/v1/models/markov/fits/99").then().statusCode(404);
        given().post("/api/v1/models/linear/fits").then().statusCode(400);
    }

    @Test
    @TestSecurity(user = "fitco-analyst", roles = "analyst")
    @OidcSecurity(claims = @Claim(key = "tenant", value = TENANT))
    void analystsListModelsButOnlyAdminsFitOrChangeSettings() {
        given().get("/api/v1/models").then().statusCode(200);
        given().post("/api/v1/models/markov/fits").then().statusCode(403);
        given().get("/api/v1/attribution/settings").then().statusCode(403);
    }

    @Test
    @TestSecurity(user = "fitco-admin", roles = "admin")
    @OidcSecurity(claims = @Claim(key = "tenant", value = "settingsco"))
    void settingsAreValidatedFieldByField() {
        given().get("/api/v1/attribution/settings").then().statusCode(200)
                .body("configVersion", org.hamcrest.Matchers.equalTo(1))
                .body("lookbackDays", org.hamcrest.Matchers.equalTo(90))
                .body("fallbackModelId", org.hamcrest.Matchers.equalTo("last_non_direct"));
        given().contentType(ContentType.JSON)
                .body("{\"markovOrder\":4,\"fallbackModelId\":\"markov\",\"lookbackDaysByType\":{\"deal\":0}}")
                .put("/api/v1/attribution/settings").then().statusCode(400)
                .body("errors.field", org.hamcrest.Matchers.containsInAnyOrder("markovOrder", "fallbackModelId",
                        "lookbackDaysByType.deal"));
        given().contentType(ContentType.JSON)
                .body("{\"lookbackDaysByType\":{\"purchase\":30},\"collapseRepeats\":true,\"markovOrder\":2}")
                .put("/api/v1/attribution/settings").then().statusCode(202)
                .body("configVersion", org.hamcrest.Matchers.equalTo(2))
                .body("lookbackDaysByType.purchase", org.hamcrest.Matchers.equalTo(30))
                .body("markovOrder", org.hamcrest.Matchers.equalTo(2));
    }

    private void publish(Set<Integer> partitions, Instant at) throws Throwable {
        VertxContextSupport.subscribeAndAwait(() -> Panache.withTransaction(() -> stats.publish(TENANT, partitions, at)));
    }

    /** Waits until every partition's statistics of generation {@code at} are in, all chunks. */
    private static void awaitComplete(Instant at) {
        long generation = at.toEpochMilli();
        await().atMost(TestEvents.WAIT).until(() -> TestEvents.count("select count(*) from (select partition"
                + " from partition_stats where tenant = '" + TENANT + "' and generation = " + generation
                + " group by partition having count(*) = max(chunk_count)) complete") == 6);
    }

    /** The scheduled fit's way: over the statistics every instance published. */
    private Map<String, Double> fitPublished(String model) throws Throwable {
        return new java.util.TreeMap<>(io.closeloop.attribution.service.ModelCatalog.weights(
                VertxContextSupport.subscribeAndAwait(() -> Panache.withTransaction(() ->
                        fits.fitPublished(TENANT, model, Instant.now())))));
    }

    private static JsonPath fit(String model) {
        // Doubles, not RestAssured's default floats: the weights are compared exactly.
        return given().post("/api/v1/models/" + model + "/fits").then().statusCode(202).extract().jsonPath()
                .using(new JsonPathConfig(JsonPathConfig.NumberReturnType.DOUBLE));
    }

    private static Map<String, Double> weights(JsonPath fit) {
        Map<String, Object> raw = fit.getMap("weights");
        Map<String, Double> weights = new java.util.TreeMap<>();
        raw.forEach((channel, weight) -> weights.put(channel, ((Number) weight).doubleValue()));
        return weights;
    }
}
