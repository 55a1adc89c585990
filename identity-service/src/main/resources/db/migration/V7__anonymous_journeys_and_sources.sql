-- Touches of anonymous journeys: every identifier weak (device, click id ...) and none known to a person.
-- Kept undecided and unpublished, without personal data (the raw touch without match features or export
-- hashes), until an event links one of their identifiers to a person, or the anonymous-journey window ends.
create table pending_touch (
    tenant      text        not null,
    event_id    uuid        not null,
    occurred_at timestamptz not null,
    touch       jsonb       not null,
    received_at timestamptz not null default now(),
    primary key (tenant, event_id)
);
create index pending_touch_by_time on pending_touch (tenant, occurred_at);

-- The weak identifiers of each pending touch, to find them when one is linked.
create table pending_touch_key (
    tenant   text not null,
    kind     text not null,
    value    text not null,
    event_id uuid not null,
    primary key (tenant, kind, value, event_id),
    foreign key (tenant, event_id) references pending_touch (tenant, event_id) on delete cascade
);

-- Sources (OIDC client ids or integration names) whose events rest on the server-side basis; null: built-in.
alter table consent_defaults add column server_side_sources jsonb;

-- Days an anonymous journey waits for its link; null: built-in (90, the longest lookback).
alter table identity_settings add column anonymous_journey_days int;
