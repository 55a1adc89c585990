-- Over-merge guard limits and the probabilistic threshold per tenant; defaults apply without a row.
create table identity_settings (
    tenant                    text             primary key,
    max_email_keys_per_person int              not null,
    max_persons_per_device    int              not null,
    match_threshold           double precision not null,
    updated_at                timestamptz      not null default now()
);
