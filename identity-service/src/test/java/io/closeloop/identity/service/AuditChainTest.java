package io.closeloop.identity.service;

import static io.closeloop.identity.service.AuditFixture.append;
import static io.closeloop.identity.service.AuditFixture.tamper;
import static io.closeloop.identity.service.AuditFixture.verify;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.closeloop.contracts.ConsentPurpose;
import io.closeloop.identity.domain.AuditEntry;
import io.closeloop.identity.domain.AuditHash;
import io.closeloop.identity.domain.ChainedEntry;
import io.closeloop.infra.InfraTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.quarkus.test.security.oidc.Claim;
import io.quarkus.test.security.oidc.OidcSecurity;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

/** The chain in the real database: links, tampering as the database owner, and concurrent appends. */
@QuarkusTest
@QuarkusTestResource(value = InfraTestResource.class, initArgs = @ResourceArg(name = "service", value = "identity"))
class AuditChainTest {

    private static final Instant AT = Instant.parse("2026-10-01T10:00:00Z");

    @Inject
    AuditLog audit;

    @Test
    @TestSecurity(user = "chain-compliance", roles = "compliance")
    @OidcSecurity(claims = @Claim(key = "tenant", value = "chain-happy"))
    void eachEntryCarriesTheHashOfTheOneBeforeAndTheHeadTheNewest() throws Exception {
        UUID person = UUID.randomUUID();
        UUID event = UUID.randomUUID();
        ChainedEntry first = append(audit, "chain-happy", AuditEntry.consentReceived(AT, event, person, "cmp",
                Map.of(ConsentPurpose.MEASUREMENT, "granted")));
        ChainedEntry second = append(audit, "chain-happy", AuditEntry.consentDecision(AT, event, person,
                ConsentPurpose.MEASUREMENT, true, "granted by a cmp signal"));
        ChainedEntry third = append(audit, "chain-happy", AuditEntry.merge(AT, UUID.randomUUID(), person,
                UUID.randomUUID(), "same crm contact id"));

        assertThat(List.of(first.seq(), second.seq(), third.seq())).containsExactly(1L, 2L, 3L);
        assertThat(first.prevHash()).isEqualTo(AuditHash.GENESIS);
        assertThat(second.prevHash()).isEqualTo(first.hash());
        assertThat(third.prevHash()).isEqualTo(second.hash());
        assertThat(second.hash()).isEqualTo(AuditHash.of("chain-happy", 2, second.recordedAt(), second.entry(),
                first.hash()));
        assertThat(rows("select seq || '|' || prev_hash || '|' || hash from audit_entry"
                + " where tenant = 'chain-happy' order by seq")).containsExactly(
                "1|" + AuditHash.GENESIS + "|" + first.hash(),
                "2|" + first.hash() + "|" + second.hash(),
                "3|" + second.hash() + "|" + third.hash());
        assertThat(rows("select seq || '|' || hash from audit_head where tenant = 'chain-happy'"))
                .containsExactly("3|" + third.hash());
        assertValid(verify(), 3);
    }

    @Test
    @TestSecurity(user = "chain-compliance", roles = "compliance")
    @OidcSecurity(claims = @Claim(key = "tenant", value = "chain-changed"))
    void aRowChangedInTheDatabaseIsNamedByItsSeq() throws Exception {
        appendDecisions("chain-changed", 5);

        assertThat(tamper("update audit_entry set outcome = 'allowed'"
                + " where tenant = 'chain-changed' and seq = 3")).isEqualTo(1);

        JsonPath verdict = verify();
        assertThat(verdict.getBoolean("valid")).isFalse();
        assertThat(verdict.getLong("entries")).isEqualTo(5);
        assertThat(verdict.getLong("firstBrokenSeq")).isEqualTo(3);
        assertThat(verdict.getString("reason")).isEqualTo("the entry's content does not match its hash");
    }

    @Test
    @TestSecurity(user = "chain-compliance", roles = "compliance")
    @OidcSecurity(claims = @Claim(key = "tenant", value = "chain-gap"))
    void aDeletedMiddleRowIsCaught() throws Exception {
        appendDecisions("chain-gap", 5);

        assertThat(tamper("delete from audit_entry where tenant = 'chain-gap' and seq = 3")).isEqualTo(1);

        JsonPath verdict = verify();
        assertThat(verdict.getBoolean("valid")).isFalse();
        assertThat(verdict.getLong("entries")).isEqualTo(4);
        assertThat(verdict.getLong("firstBrokenSeq")).isEqualTo(3);
        assertThat(verdict.getString("reason")).isEqualTo("entry 3 is missing (the next stored entry is 4)");
    }

    @Test
    @TestSecurity(user = "chain-compliance", roles = "compliance")
    @OidcSecurity(claims = @Claim(key = "tenant", value = "chain-tail"))
    void deletedNewestRowsAreCaughtByTheHead() throws Exception {
        appendDecisions("chain-tail", 5);

        assertThat(tamper("delete from audit_entry where tenant = 'chain-tail' and seq >= 4")).isEqualTo(2);

        JsonPath verdict = verify();
        assertThat(verdict.getBoolean("valid")).isFalse();
        assertThat(verdict.getLong("entries")).isEqualTo(3);
        assertThat(verdict.getLong("firstBrokenSeq")).isEqualTo(4);
        assertThat(verdict.getString("reason")).isEqualTo("the head names entry 5 but the chain ends at entry 3");
    }

    @Test
    @TestSecurity(user = "chain-compliance", roles = "compliance")
    @OidcSecurity(claims = @Claim(key = "tenant", value = "chain-concurrent"))
    void fiftyConcurrentAppendsNeverForkTheChain() throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(16);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<ChainedEntry>> appends = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            AuditEntry entry = decision(i);
            appends.add(threads.submit(() -> {
                start.await();
                return append(audit, "chain-concurrent", entry);
            }));
        }
        start.countDown();
        List<Long> seqs = new ArrayList<>();
        for (Future<ChainedEntry> append : appends) {
            seqs.add(append.get().seq());
        }
        threads.shutdown();

        assertThat(seqs).containsExactlyInAnyOrderElementsOf(LongStream.rangeClosed(1, 50).boxed().toList());
        assertThat(rows("select count(distinct prev_hash) from audit_entry where tenant = 'chain-concurrent'"))
                .containsExactly("50");
        assertValid(verify(), 50);
    }

    @Test
    void theServiceRoleCannotChangeOrDeleteEntries() throws Exception {
        appendDecisions("chain-locked", 1);
        try (Connection c = InfraTestResource.postgres().connect("identity", "identity", "identity-pw");
             Statement s = c.createStatement()) {
            assertThatThrownBy(() -> s.executeUpdate("update audit_entry set reason = 'x' where tenant = 'chain-locked'"))
                    .hasMessageContaining("permission denied");
            assertThatThrownBy(() -> s.executeUpdate("delete from audit_entry where tenant = 'chain-locked'"))
                    .hasMessageContaining("permission denied");
        }
        assertThat(rows("select count(*) from audit_entry where tenant = 'chain-locked'")).containsExactly("1");
    }

    private void appendDecisions(String tenant, int count) {
        for (int i = 0; i < count; i++) {
            append(audit, tenant, decision(i));
        }
    }

    private static AuditEntry decision(int i) {
        return AuditEntry.consentDecision(AT.plusSeconds(i), UUID.randomUUID(), UUID.randomUUID(),
                ConsentPurpose.MEASUREMENT, false, "denied by tenant default (EU)");
    }

    private static void assertValid(JsonPath verdict, long entries) {
        assertThat(verdict.getBoolean("valid")).isTrue();
        assertThat(verdict.getLong("entries")).isEqualTo(entries);
        assertThat((Object) verdict.get("firstBrokenSeq")).isNull();
        assertThat((Object) verdict.get("reason")).isNull();
    }

    private static List<String> rows(String sql) throws SQLException {
        try (Connection c = InfraTestResource.postgres().superuserConnection("identity");
             Statement s = c.createStatement();
             ResultSet rs = s.executeQuery(sql)) {
            List<String> values = new ArrayList<>();
            while (rs.next()) {
                values.add(rs.getString(1));
            }
            return values;
        }
    }
}
