-- The per-sender ticket-creation cap (issue 3): a sender that writes fresh subjects faster than
-- the cap allows has its further mail held in quarantine, with the cap named, until someone
-- releases it; it is neither lost nor ticketed and acknowledged.

-- Mail admitted to open a ticket, on the hub's clock, so the cap counts a sliding window. Keyed by
-- the message key: a redelivered mail is admitted again without counting twice.
create table mail_ticket_admission (
    message_key  text primary key,
    sender       text not null,
    admitted_at  timestamptz not null
);
create index mail_ticket_admission_sender_idx on mail_ticket_admission (sender, admitted_at);

-- Quarantine holds two kinds of mail now: mail that failed (held_by null) and mail a policy held
-- (held_by names it, e.g. 'creation-cap'), whose mail_message row says 'held'. Releasing a held
-- mail runs it through intake with that policy bypassed.
alter table mail_quarantine add column held_by text;
alter table mail_quarantine add column message_key text;
create unique index mail_quarantine_held_key_idx on mail_quarantine (message_key) where held_by is not null;
