package io.closeloop.identity.rest;

import io.closeloop.identity.domain.MatchModelState;
import java.time.Instant;

/**
 * A stored fit of the tenant's match model as the API shows it; {@code version} 0 means no fit is stored and
 * the default model applies.
 */
public record MatchModelView(long version, Instant fittedAt, long records, long candidatePairs, boolean converged) {

    static final MatchModelView DEFAULT = new MatchModelView(0, null, 0, 0, true);

    static MatchModelView of(MatchModelState state) {
        return state == null ? DEFAULT
                : new MatchModelView(state.version, state.fittedAt, state.records, state.candidatePairs,
                        state.converged);
    }
}
