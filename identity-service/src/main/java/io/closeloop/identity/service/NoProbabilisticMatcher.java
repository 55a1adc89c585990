package io.closeloop.identity.service;

import io.quarkus.arc.DefaultBean;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;

/** Links nothing: the matcher in use until a real one is deployed as a bean. */
@DefaultBean
@ApplicationScoped
public class NoProbabilisticMatcher implements ProbabilisticMatcher {

    @Override
    public double score(Map<String, String> left, Map<String, String> right) {
        return 0;
    }
}
