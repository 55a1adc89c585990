-- A one-way key of the touch's person (SHA-256 of tenant and person id), so an erasure finds the person's touch
-- records here — their processed-message rows, which name the touch — and forgets the link; the counts stay.
alter table touch_count_ref add column person_key bytea;
create index touch_count_ref_person on touch_count_ref (tenant, person_key) where person_key is not null;
