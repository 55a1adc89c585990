package io.closeloop.identity.matching;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class BlockingTest {

    /** Keyed features as tokens: a phonetic code, first and last three letters of each name. */
    private static MatchRecord record(String id, String firstCode, String firstPrefix, String firstSuffix,
                                      String lastCode, String lastPrefix, String lastSuffix, String postcode) {
        return new MatchRecord(id, "k", null, null, null, null, firstCode, lastCode, firstPrefix, lastPrefix, postcode,
                firstSuffix, lastSuffix);
    }

    @Test
    void aTypoInTheFirstLettersChangesCodeAndPrefixButTheSuffixStillMeets() {
        MatchRecord robert = record("1", "RPRT", "rob", "ert", "SM0", "smi", "ith", "pc1");
        MatchRecord typo = record("2", "PRT", "obe", "ert", "SM0", "smi", "ith", "pc2");
        MatchRecord stranger = record("3", "PRT", "obe", "ary", "SM0", "smi", "ith", "pc2");
        Blocking blocking = Blocking.defaults();

        assertThat(shared(blocking, robert, typo)).singleElement().satisfies(key -> assertThat(key).startsWith("E|"));
        assertThat(shared(blocking, robert, stranger)).isEmpty();
        // Swapped names keep the same keys.
        MatchRecord swapped = record("4", "SM0", "smi", "ith", "PRT", "obe", "ert", null);
        assertThat(shared(blocking, typo, swapped)).isNotEmpty();
    }

    @Test
    void aRecordSentBeforeSuffixesKeepsItsKeysAndStillMeetsNewRecords() {
        MatchRecord old = new MatchRecord("1", "k", null, null, null, "acme", "RPRT", "SM0", "rob", "smi", "pc1");
        MatchRecord current = record("2", "RPRT", "rob", "ert", "SM0", "smi", "ith", "pc1");
        assertThat(Blocking.defaults().keys(old)).containsExactly("A|k|RPRT|SM0", "B|k|RPRT|smi", "B|k|SM0|rob",
                "C|k|pc1", "D|k|acme|RPRT", "D|k|acme|SM0");
        assertThat(shared(Blocking.defaults(), old, current)).isNotEmpty();
    }

    @Test
    void everyPairIsVisitedOnceWithTheRulesItSharesAndOversizedBlocksAreSkipped() {
        Blocking blocking = new Blocking(List.of(
                new Blocking.Rule("pc", r -> r.postcodeKey() == null ? List.of() : List.of(r.postcodeKey()), Set.of()),
                new Blocking.Rule("fn", r -> List.of(r.firstNameCode()), Set.of())), 3);
        List<MatchRecord> records = List.of(
                record("0", "A", null, null, null, null, null, "p"),
                record("1", "A", null, null, null, null, null, "p"),
                record("2", "B", null, null, null, null, null, "p"),
                record("3", "C", null, null, null, null, null, "q"),
                record("4", "C", null, null, null, null, null, "q"),
                record("5", "C", null, null, null, null, null, "q"),
                record("6", "C", null, null, null, null, null, "r"));
        List<String> visited = new ArrayList<>();
        blocking.forEachCandidatePair(records, (i, j, rules) -> visited.add(i + "-" + j + ":" + rules));
        // Block fn=C holds four records (too many); q still pairs 3, 4 and 5.
        assertThat(visited).containsExactly("0-1:3", "0-2:1", "1-2:1", "3-4:1", "3-5:1", "4-5:1");
    }

    private static List<String> shared(Blocking blocking, MatchRecord a, MatchRecord b) {
        List<String> other = List.of(blocking.keys(b));
        return List.of(blocking.keys(a)).stream().filter(other::contains).toList();
    }
}
