package io.closeloop.identity.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;

/** One stored fit of a tenant's probabilistic match model; every replica links with the newest version. */
@Entity
@Table(name = "match_model")
@IdClass(MatchModelState.Key.class)
public class MatchModelState {

    @Id
    public String tenant;
    @Id
    public long version;
    @Column(name = "fitted_at", nullable = false)
    public Instant fittedAt;
    /** How many stored records the fit learned from. */
    @Column(nullable = false)
    public long records;
    @Column(name = "candidate_pairs", nullable = false)
    public long candidatePairs;
    @Column(nullable = false)
    public boolean converged;
    /** {@code MatchModelWeights} as JSON. */
    @Column(nullable = false)
    public String weights;

    public record Key(String tenant, long version) implements Serializable {
    }
}
