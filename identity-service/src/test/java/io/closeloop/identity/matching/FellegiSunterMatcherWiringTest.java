package io.closeloop.identity.matching;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.closeloop.identity.service.FellegiSunterMatcher;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The service's matcher learns a tenant's weights from its stored feature maps and scores with them. */
class FellegiSunterMatcherWiringTest {

    @Test
    void learnsPerTenantInTheBackgroundThenScoresSamePersonAboveAndOthersBelowTheThreshold() {
        FellegiSunterMatcher matcher = new FellegiSunterMatcher();
        List<SyntheticPeople.Raw> raw = new SyntheticPeople(7L, SyntheticPeople.Noise.standard()).generate(1000);
        List<Map<String, String>> records = raw.stream().map(FellegiSunterMatcherWiringTest::features).toList();
        assertThat(matcher.wantsRecords("acme")).isTrue();
        assertThat(matcher.score("acme", records.get(0), records.get(0))).isEqualTo(0.0);

        matcher.learn("acme", records);
        assertThat(matcher.wantsRecords("acme")).isFalse();
        await().atMost(Duration.ofSeconds(120)).until(() -> matcher.score("acme", records.get(0), records.get(0)) > 0);

        long samePairs = 0;
        long sameLinked = 0;
        long otherPairs = 0;
        long otherLinked = 0;
        Map<String, List<Integer>> byPerson = new HashMap<>();
        for (int i = 0; i < raw.size(); i++) {
            byPerson.computeIfAbsent(raw.get(i).personId(), k -> new ArrayList<>()).add(i);
        }
        for (List<Integer> same : byPerson.values()) {
            for (int a = 1; a < same.size(); a++) {
                samePairs++;
                sameLinked += linked(matcher, records.get(same.get(0)), records.get(same.get(a)));
            }
        }
        for (int i = 0; i + 1 < raw.size(); i++) {
            if (!raw.get(i).personId().equals(raw.get(i + 1).personId())) {
                otherPairs++;
                otherLinked += linked(matcher, records.get(i), records.get(i + 1));
            }
        }
        System.out.printf("service matcher at %.2f: %d/%d same-person pairs linked, %d/%d other pairs linked%n",
                RecordLinker.DEFAULT_THRESHOLD, sameLinked, samePairs, otherLinked, otherPairs);
        assertThat((double) sameLinked / samePairs).isGreaterThan(0.5);
        assertThat((double) otherLinked / otherPairs).isLessThan(0.01);
        assertThat(matcher.score("globex", records.get(0), records.get(0))).isEqualTo(0.0);
    }

    private static int linked(FellegiSunterMatcher matcher, Map<String, String> a, Map<String, String> b) {
        return matcher.score("acme", a, b) >= RecordLinker.DEFAULT_THRESHOLD ? 1 : 0;
    }

    private static Map<String, String> features(SyntheticPeople.Raw r) {
        return ClearRecords.features(r.firstName(), r.lastName(), r.emailOrUrl(), r.postcode());
    }

    @Test
    void schemaTwoMapsStillCompareByTheirHmacs() {
        FellegiSunterMatcher matcher = new FellegiSunterMatcher();
        List<Map<String, String>> records = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            records.add(Map.of("first_name", "f" + (i % 40), "last_name", "l" + (i % 70), "postcode", "p" + (i % 50)));
        }
        matcher.learn("acme", records);
        await().atMost(Duration.ofSeconds(60)).until(() -> matcher.score("acme", records.get(0), records.get(0)) > 0);
        assertThat(matcher.score("acme", records.get(0), records.get(0)))
                .isGreaterThan(matcher.score("acme", records.get(0), records.get(1)));
    }
}
