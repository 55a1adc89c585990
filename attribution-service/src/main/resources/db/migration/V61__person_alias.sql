-- Persons identity merged away, each pointing to the survivor it belongs to now, so that an event resolved
-- to a person just before the merge, and delivered after it, joins the survivor's journey.
create table person_alias (
    tenant      text not null,
    person_id   uuid not null,
    survivor_id uuid not null,
    primary key (tenant, person_id)
);
create index person_alias_survivor on person_alias (tenant, survivor_id);
