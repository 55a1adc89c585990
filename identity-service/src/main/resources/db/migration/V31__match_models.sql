-- Fitted probabilistic match models, versioned per tenant: every replica links with the tenant's newest
-- version, and a fit adds a version (on schedule or on demand) instead of living in one JVM's memory.
create table match_model (
    tenant          text        not null,
    version         bigint      not null check (version > 0),
    fitted_at       timestamptz not null,
    records         bigint      not null,
    candidate_pairs bigint      not null,
    converged       boolean     not null,
    -- MatchModelWeights as JSON: λ, m and u per comparison level, and the name term frequencies (keyed
    -- encodings, no clear names).
    weights         text        not null,
    primary key (tenant, version)
);

-- A tenant can switch probabilistic matching off (deterministic identifiers only); on without a row.
alter table identity_settings add column probabilistic_matching boolean not null default true;
