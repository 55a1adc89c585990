package io.closeloop.identity.repository;

import io.agroal.api.AgroalDataSource;
import io.closeloop.contracts.ComplianceRequest;
import io.closeloop.identity.domain.SubjectRequest;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;

/** Counts erasures still waiting for a confirmation; read with JDBC so that a metrics scrape needs no session. */
@ApplicationScoped
public class OverdueErasures {

    private static final String COUNT = "select count(*) from subject_request where type = ? and status = ?"
            + " and requested_at < now() - make_interval(secs => ?)";

    private final AgroalDataSource dataSource;

    public OverdueErasures(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Erasures of every tenant requested longer than {@code deadline} ago and not confirmed by every service. */
    public long count(Duration deadline) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement count = connection.prepareStatement(COUNT)) {
            count.setString(1, ComplianceRequest.ERASURE);
            count.setString(2, SubjectRequest.IN_PROGRESS);
            count.setLong(3, deadline.toSeconds());
            try (ResultSet result = count.executeQuery()) {
                return result.next() ? result.getLong(1) : 0;
            }
        }
    }
}
