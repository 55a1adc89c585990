-- The identity graph as a union-find forest: an absorbed person points to the person it was merged into
-- (merged_into); the root is the person events resolve to. Identifiers always point to their root, and
-- remember the person they first attached to (origin), so an unmerge can hand them back.
alter table person add column merged_into uuid;
alter table person add column merged_at timestamptz;
create index person_by_parent on person (tenant, merged_into) where merged_into is not null;

alter table identifier add column origin_person_id uuid;
alter table identifier add column confidence double precision not null default 1.0;
update identifier set origin_person_id = person_id;
create index identifier_by_origin on identifier (tenant, origin_person_id);

-- Every stitched event and the person it came in through, so an unmerge can move it back.
create table person_event (
    tenant          text             not null,
    event_id        uuid             not null,
    kind            text             not null,
    person_id       uuid             not null,
    occurred_at     timestamptz      not null,
    channel         text,
    conversion_id   text,
    conversion_type text,
    link_confidence double precision not null,
    primary key (tenant, event_id)
);
create index person_event_by_person on person_event (tenant, person_id);
create index person_event_by_kind_time on person_event (tenant, kind, occurred_at);

-- Persons a device id was seen with; a device shared by too many persons is not used to merge.
create table device_person (
    tenant    text not null,
    value     text not null,
    person_id uuid not null,
    primary key (tenant, value, person_id)
);

create function person_root(p_tenant text, p_person uuid) returns uuid language plpgsql stable as $$
declare
    current_id uuid := p_person;
    parent uuid;
begin
    loop
        select merged_into into parent from person where tenant = p_tenant and person_id = current_id;
        if parent is null then
            return current_id;
        end if;
        current_id := parent;
    end loop;
end
$$;
