package io.closeloop.attribution.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

import io.closeloop.attribution.TestEvents;
import io.closeloop.attribution.TestEvents.Event;
import io.closeloop.attribution.domain.RestatementJob;
import io.closeloop.attribution.model.ShapleyFit;
import io.closeloop.attribution.model.ShapleyStatistics;
import io.closeloop.attribution.repository.RestatementJobRepository;
import io.closeloop.attribution.service.RestatementJobs;
import io.closeloop.contracts.CreditLine;
import io.closeloop.contracts.CreditSet;
import io.closeloop.contracts.Topics;
import io.closeloop.infra.InfraTestResource;
import io.closeloop.infra.TopicProbe;
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
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/**
 * Fits over the data's own period (history from 2024, long before the wall clock's last 90 days), explicit
 * periods and their validation, the fit's shares beside the credited totals, and restatement jobs: progress,
 * resuming after a dead runner, and tenant isolation.
 */
@QuarkusTest
@QuarkusTestResource(value = InfraTestResource.class, initArgs = @ResourceArg(name = "service", value = "attribution"))
class FitHistoryTest {

    private static final String TENANT = "historyco";
    private static final String[] CHANNELS = {"paid_search", "email", "display"};
    private static final Instant START = Instant.parse("2024-03-01T00:00:00Z");

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    @Inject
    RestatementJobs jobs;

    @Inject
    RestatementJobRepository jobRepository;

    @Test
    @TestSecurity(user = "historyco-admin", roles = "admin")
    @OidcSecurity(claims = @Claim(key = "tenant", value = TENANT))
    void importedHistoryIsFittedOverItsOwnPeriodAndCreditedWithoutFallback() {
        ExtractableResponse<Response> put = given().contentType(ContentType.JSON)
                .body("{\"minJourneys\":20,\"shapleyValue\":\"conversion_value\"}")
                .put("/api/v1/attribution/settings").then().statusCode(202)
                .body("shapleyValue", org.hamcrest.Matchers.equalTo("conversion_value")).extract();
        assertThat(put.header("Location")).matches(".*/api/v1/attribution/jobs/[0-9a-f-]{36}");
        awaitCompleted(put.header("Location"));

        TestEvents events = new TestEvents(bootstrap, TENANT);
        List<Event> touches = new ArrayList<>();
        List<Event> conversions = new ArrayList<>();
        List<String> ids = new ArrayList<>();
        ShapleyStatistics expected = new ShapleyStatistics();
        // 30 persons with two touches each in March 2024; the first 20 convert in April 2024.
        for (int p = 0; p < 30; p++) {
            UUID person = UUID.randomUUID();
            List<String> path = List.of(CHANNELS[p % 3], CHANNELS[(p / 3) % 3]);
            touches.add(events.touch(person, START.plus(Duration.ofHours(p)), path.get(0)));
            touches.add(events.touch(person, START.plus(Duration.ofDays(10).plusHours(p)), path.get(1)));
            long value = 1_000L * (1 + p % 5);
            if (p < 20) {
                ids.add("h-" + p);
                conversions.add(events.conversion(person, "h-" + p, Instant.parse("2024-04-01T00:00:00Z")
                        .plus(Duration.ofHours(p)), value));
            }
            expected.add(path, p < 20 ? 1 : 0, p < 20 ? value : 0, p < 20 ? 0 : 1);
        }
        events.settle(touches);
        events.settle(conversions);

        // The default period ends just after the newest conversion (2024-04-01T19:00Z), not at the wall clock.
        ExtractableResponse<Response> fitted = given().post("/api/v1/models/markov/fits").then().statusCode(202)
                .extract();
        JsonPath markov = doubles(fitted);
        assertThat(markov.getString("periodTo")).isEqualTo("2024-04-01T19:00:00.000001Z");
        assertThat(Instant.parse(markov.getString("periodFrom")))
                .isEqualTo(Instant.parse("2024-04-01T19:00:00.000001Z").minus(Duration.ofDays(90)));
        assertThat(markov.getLong("journeys")).isEqualTo(30);
        assertThat(markov.getLong("conversions")).isEqualTo(20);
        assertThat(markov.getBoolean("usedForCredits")).isTrue();
        assertThat(fitted.header("Location")).endsWith("/api/v1/attribution/jobs/"
                + markov.getString("restatementJob.jobId"));
        assertThat(markov.getString("restatementJob.kind")).isEqualTo("fit");
        JsonPath job = awaitCompleted(fitted.header("Location"));
        assertThat(job.getLong("conversionsTotal")).isEqualTo(20);
        assertThat(job.getLong("conversionsDone")).isEqualTo(20);
        assertThat(job.getString("startedAt")).isNotNull();
        assertThat(job.getString("finishedAt")).isNotNull();
        assertThat(job.getString("error")).isNull();

        // Shapley on value, as the tenant chose.
        ExtractableResponse<Response> shapleyFit = given().post("/api/v1/models/shapley/fits").then().statusCode(202)
                .extract();
        Map<String, Double> shapleyWeights = weights(doubles(shapleyFit));
        expected.fit(ShapleyFit.Options.DEFAULT.with(ShapleyFit.CoalitionValue.CONVERSION_VALUE)).weights()
                .forEach((channel, weight) -> assertThat(shapleyWeights.get(channel)).as(channel)
                        .isCloseTo(weight, within(1e-12)));
        assertThat(shapleyWeights).isNotEqualTo(new TreeMap<>(expected.fit().weights()));
        awaitCompleted(shapleyFit.header("Location"));

        // Every conversion of 2024 is credited by the fits, none by the fallback.
        Map<String, CreditSet> markovSets = latestSets(ids, "markov");
        Map<String, CreditSet> shapleySets = latestSets(ids, "shapley");
        for (String id : ids) {
            assertThat(markovSets.get(id).fallbackModelId()).as(id).isNull();
            assertThat(markovSets.get(id).fitVersion()).as(id).isEqualTo(1L);
            assertThat(shapleySets.get(id).fallbackModelId()).as(id).isNull();
        }

        // The fit API shows the fit's shares beside the credited totals, which are the credit sets' own sums.
        JsonPath view = given().get("/api/v1/models/markov/fits/1").then().statusCode(200).extract().jsonPath()
                .using(new JsonPathConfig(JsonPathConfig.NumberReturnType.DOUBLE));
        Map<String, Double> credited = markovSets.values().stream().flatMap(set -> set.lines().stream())
                .collect(Collectors.groupingBy(CreditLine::channel,
                        Collectors.summingDouble(CreditLine::fractionalConversions)));
        Map<String, Double> fitWeights = weights(view);
        List<Map<String, Object>> channels = view.getList("channels");
        assertThat(channels).extracting(c -> c.get("channel")).containsExactly("display", "email", "paid_search");
        for (Map<String, Object> channel : channels) {
            String name = (String) channel.get("channel");
            assertThat(((Number) channel.get("fitShare")).doubleValue()).isEqualTo(fitWeights.get(name));
            assertThat(((Number) channel.get("fitConversions")).doubleValue())
                    .isCloseTo(fitWeights.get(name) * 20, within(1e-9));
            assertThat(((Number) channel.get("creditedConversions")).doubleValue()).as(name)
                    .isCloseTo(credited.get(name), within(1e-9));
            assertThat(((Number) channel.get("creditedShare")).doubleValue()).as(name)
                    .isCloseTo(credited.get(name) / 20, within(1e-9));
        }
        assertThat((Object) view.get("restatementJob")).isNull();

        // An explicit period, UTC days inclusive.
        JsonPath explicit = doubles(given().queryParam("from", "2024-01-01").queryParam("to", "2024-04-01")
                .post("/api/v1/models/markov/fits").then().statusCode(202).extract());
        assertThat(explicit.getString("periodFrom")).isEqualTo("2024-01-01T00:00:00Z");
        assertThat(explicit.getString("periodTo")).isEqualTo("2024-04-02T00:00:00Z");
        assertThat(explicit.getLong("journeys")).isEqualTo(30);
        assertThat(explicit.getLong("conversions")).isEqualTo(20);
        assertThat(weights(explicit)).isEqualTo(fitWeights);
        // A period that ends before April: the non-converting journeys of March only.
        JsonPath march = doubles(given().queryParam("from", "2024-03-01").queryParam("to", "2024-03-31")
                .post("/api/v1/models/markov/fits").then().statusCode(202).extract());
        assertThat(march.getLong("journeys")).isEqualTo(30);
        assertThat(march.getLong("conversions")).isZero();
        awaitCompleted("/api/v1/attribution/jobs/" + march.getString("restatementJob.jobId"));

        // Bad periods: 400 naming the field, and nothing fitted.
        given().queryParam("from", "2024-02-30").post("/api/v1/models/markov/fits").then().statusCode(400)
                .body("errors.field", org.hamcrest.Matchers.contains("from"));
        given().queryParam("from", "2024-05-01").queryParam("to", "2024-04-01").post("/api/v1/models/markov/fits")
                .then().statusCode(400).body("errors.field", org.hamcrest.Matchers.contains("to"));
        given().queryParam("to", "someday").post("/api/v1/models/shapley/fits").then().statusCode(400)
                .body("errors.field", org.hamcrest.Matchers.contains("to"));
        given().get("/api/v1/models/markov/fits/4").then().statusCode(404);
        given().contentType(ContentType.JSON).body("{\"shapleyValue\":\"revenue\"}")
                .put("/api/v1/attribution/settings").then().statusCode(400)
                .body("errors.field", org.hamcrest.Matchers.contains("shapleyValue"));
    }

    @Test
    @TestSecurity(user = "resumeco-admin", roles = "admin")
    @OidcSecurity(claims = @Claim(key = "tenant", value = "resumeco"))
    void aJobWhoseRunnerDiedResumesAfterItsLastCommittedBatch() throws Throwable {
        TestEvents events = new TestEvents(bootstrap, "resumeco");
        List<Event> conversions = new ArrayList<>();
        for (int c = 0; c < 25; c++) {
            conversions.add(events.conversion(UUID.randomUUID(), String.format("r-%02d", c),
                    START.plus(Duration.ofHours(c)), 500));
        }
        events.settle(conversions);
        // A runner that died after two batches of ten: running, cursor at the tenth conversion, no heartbeat since.
        RestatementJob dead = new RestatementJob();
        dead.id = UUID.randomUUID();
        dead.tenant = "resumeco";
        dead.kind = RestatementJobs.SETTINGS;
        dead.state = RestatementJob.RUNNING;
        dead.conversionsTotal = 25;
        dead.conversionsDone = 10;
        dead.cursorOccurredAt = START.plus(Duration.ofHours(9));
        dead.cursorConversion = "r-09";
        dead.createdAt = Instant.now().minus(Duration.ofHours(1)).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        dead.startedAt = dead.createdAt;
        dead.heartbeatAt = dead.createdAt;
        VertxContextSupport.subscribeAndAwait(() -> Panache.withTransaction(() -> jobRepository.persist(dead)));

        JsonPath job = awaitCompleted("/api/v1/attribution/jobs/" + dead.id);
        // Resumed, not restarted: 10 before plus the 15 after the cursor.
        assertThat(job.getLong("conversionsDone")).isEqualTo(25);
        assertThat(job.getLong("conversionsTotal")).isEqualTo(25);
        assertThat(Instant.parse(job.getString("startedAt"))).isEqualTo(dead.startedAt);
    }

    @Test
    @TestSecurity(user = "otherco-analyst", roles = "analyst")
    @OidcSecurity(claims = @Claim(key = "tenant", value = "otherco"))
    void anotherTenantsJobIsNotFound() throws Throwable {
        RestatementJob foreign = VertxContextSupport.subscribeAndAwait(() -> Panache.withTransaction(() ->
                jobs.submit("someoneelse", RestatementJobs.SETTINGS, null, Instant.now())));
        RestatementJob own = VertxContextSupport.subscribeAndAwait(() -> Panache.withTransaction(() ->
                jobs.submit("otherco", RestatementJobs.FIT, "markov", Instant.now())));
        given().get("/api/v1/attribution/jobs/" + foreign.id).then().statusCode(404)
                .contentType(io.closeloop.common.Problem.MEDIA_TYPE);
        given().get("/api/v1/attribution/jobs/" + own.id).then().statusCode(200)
                .body("kind", org.hamcrest.Matchers.equalTo("fit"));
        given().get("/api/v1/attribution/jobs/" + UUID.randomUUID()).then().statusCode(404);
        given().get("/api/v1/attribution/jobs/not-a-job").then().statusCode(400);
        given().post("/api/v1/attribution/jobs/" + own.id + "/rerun").then().statusCode(403);
    }

    private static JsonPath awaitCompleted(String location) {
        String path = location.substring(location.indexOf("/api/"));
        await().atMost(TestEvents.WAIT).until(() -> "completed".equals(given().get(path).then().statusCode(200)
                .extract().path("state")));
        return given().get(path).then().extract().jsonPath();
    }

    /** The newest set under the model of each conversion, once each has a set credited by a fit. */
    private Map<String, CreditSet> latestSets(List<String> ids, String model) {
        Function<List<org.apache.kafka.clients.consumer.ConsumerRecord<String, String>>, Map<String, CreditSet>> latest =
                read -> {
                    Map<String, CreditSet> sets = new HashMap<>();
                    read.stream().filter(r -> r.key() != null && r.key().startsWith(TENANT + ":"))
                            .map(TestEvents::creditSet).filter(s -> s.modelId().equals(model))
                            .forEach(s -> sets.merge(s.conversionId(), s,
                                    (a, b) -> a.setVersion() >= b.setVersion() ? a : b));
                    return sets;
                };
        var read = TopicProbe.readUntil(bootstrap, Topics.CREDITS.name(), TestEvents.WAIT, records -> {
            Map<String, CreditSet> sets = latest.apply(records);
            return ids.stream().allMatch(id -> sets.containsKey(id) && sets.get(id).fallbackModelId() == null);
        });
        return latest.apply(read);
    }

    private static JsonPath doubles(ExtractableResponse<Response> response) {
        return response.jsonPath().using(new JsonPathConfig(JsonPathConfig.NumberReturnType.DOUBLE));
    }

    private static Map<String, Double> weights(JsonPath fit) {
        Map<String, Object> raw = fit.getMap("weights");
        Map<String, Double> weights = new TreeMap<>();
        raw.forEach((channel, weight) -> weights.put(channel, ((Number) weight).doubleValue()));
        return weights;
    }
}
