package io.closeloop.identity.matching;

import java.util.List;

/** Company domain exact or different. */
public final class DomainComparison implements Comparison {

    public static final int EXACT = 0;
    public static final int DIFFERENT = 1;

    @Override
    public String name() {
        return "company_domain";
    }

    @Override
    public List<String> levels() {
        return List.of("exact", "else");
    }

    @Override
    public int level(MatchRecord a, MatchRecord b) {
        if (a.companyDomain() == null || b.companyDomain() == null) {
            return NULL;
        }
        return a.companyDomain().equals(b.companyDomain()) ? EXACT : DIFFERENT;
    }
}
