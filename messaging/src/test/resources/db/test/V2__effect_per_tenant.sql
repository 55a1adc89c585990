-- The test effect is counted per tenant and event id, as the processed messages are.
alter table effect drop constraint effect_pkey;
alter table effect add primary key (tenant, event_id);
