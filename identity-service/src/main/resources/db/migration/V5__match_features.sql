-- Normalized non-key fields (names, company domain, postcode, IP prefix, user-agent hash) per person for
-- probabilistic matching; person-level data, deleted with the person on erasure.
create table match_feature (
    tenant    text        not null,
    event_id  uuid        not null,
    person_id uuid        not null,
    features  jsonb       not null,
    stored_at timestamptz not null default now(),
    primary key (tenant, event_id)
);
create index match_feature_by_person on match_feature (tenant, person_id);

-- Blocking keys: only records sharing one are compared.
create table match_block (
    tenant    text not null,
    block_key text not null,
    event_id  uuid not null,
    person_id uuid not null,
    primary key (tenant, block_key, event_id)
);
create index match_block_by_person on match_block (tenant, person_id);
