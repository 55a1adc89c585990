package io.closeloop.identity.support;

import io.closeloop.identity.service.ProbabilisticMatcher;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A stand-in scorer for the service tests: 0.95 times the share of name, domain and postcode fields that
 * agree. The tests prove the wiring (blocking, threshold, confidence on the link and on resolved events),
 * not match quality, which the matcher's own tests measure; it replaces the EM-fitted matcher here.
 */
@ApplicationScoped
public class AgreementMatcher implements ProbabilisticMatcher {

    private static final List<String> FIELDS = List.of("first_name", "last_name", "company_domain", "postcode");

    @Override
    public Uni<Scorer> scorer(String tenant) {
        return Uni.createFrom().item(AgreementMatcher::score);
    }

    static double score(Map<String, String> left, Map<String, String> right) {
        long agree = FIELDS.stream().filter(f -> left.get(f) != null && Objects.equals(left.get(f), right.get(f)))
                .count();
        return 0.95 * agree / FIELDS.size();
    }
}
