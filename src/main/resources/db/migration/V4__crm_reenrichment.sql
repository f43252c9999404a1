-- Tickets whose CRM lookup failed are enriched again once the CRM answers; reenrich_after is the
-- next attempt, null when nothing is left to do.
alter table ticket add column reenrich_after timestamptz;
alter table ticket add column reenrich_attempts integer not null default 0;
create index ticket_reenrich_idx on ticket (reenrich_after) where reenrich_after is not null;
