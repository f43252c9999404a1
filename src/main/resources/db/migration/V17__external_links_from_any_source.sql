-- A ticket's records in other systems, written in the ticket's transaction by every source that knows one.
-- A number quoted in a mail's subject (INC0012345) comes without the other system's id: the id stays empty until
-- a sync adapter resolves it. One record belongs to one ticket, by its id and by its number.
alter table external_link alter column external_id drop not null;
alter table external_link
    add column url            text,
    add column learned_from   text not null default 'sync',
    add column last_seen_at   timestamptz,
    add column last_pushed_at timestamptz,
    add column created_at     timestamptz not null default now(),
    add constraint external_link_named check (external_id is not null or external_number is not null);

-- Partial unique indexes: a new ticket's link pays only for the names it has (a mail's number has no id).
alter table external_link drop constraint external_link_system_external_id_key;
create unique index external_link_id_key on external_link (system, external_id) where external_id is not null;
drop index external_link_number_idx;
create unique index external_link_number_key on external_link (system, external_number) where external_number is not null;
create index external_link_ticket_idx on external_link (ticket_id);
