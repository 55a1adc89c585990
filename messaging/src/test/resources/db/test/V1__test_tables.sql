-- Tables of the test application only.
create table note (
    event_id uuid primary key,
    tenant   text not null
);
create table effect (
    event_id uuid primary key,
    tenant   text not null,
    runs     int  not null
);
