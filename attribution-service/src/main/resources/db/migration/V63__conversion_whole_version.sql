-- A value change that overtakes its conversion's first version stands in for it until that version comes; the
-- conversions stored so far all came from a whole version.
alter table conversion add column whole_version boolean not null default true;
