-- Several mailboxes, batched intake (issue 3): where in which mailbox each mail was, and when each
-- mailbox was last polled, shared by every hub instance.

-- The mailbox a mail came from (its configured name) and its place there. UIDs are only valid
-- within one UIDVALIDITY, so the pair identifies the message; the message key stays what stops
-- duplicates (a renumbered mailbox must not duplicate tickets).
alter table mail_message add column mailbox_name text;
alter table mail_message add column uidvalidity bigint;
alter table mail_message add column uid bigint;
create index mail_message_position_idx on mail_message (mailbox_name, uidvalidity, uid) where uid is not null;

-- A mailbox batch writes each mail's record with the id its new ticket will get (drawn first), then
-- the tickets: checked at commit, the link needs no second write of every record.
alter table mail_message alter constraint mail_message_ticket_id_fkey deferrable initially deferred;

alter table mail_quarantine add column mailbox_name text;
alter table mail_quarantine add column uidvalidity bigint;
alter table mail_quarantine add column uid bigint;
create index mail_quarantine_position_idx on mail_quarantine (mailbox_name, uidvalidity, uid) where uid is not null;

-- One row per configured mailbox. Only one instance polls a mailbox at a time, but every instance
-- reports its liveness, so the poll's outcome lives here rather than in one instance's memory.
create table mailbox_poll (
    mailbox_name     text primary key,
    address          text not null,
    uidvalidity      bigint,
    poll_started_at  timestamptz,
    last_success_at  timestamptz,
    last_error       text,
    last_error_at    timestamptz,
    polled_by        text,
    -- set when an instance sent the outage's Slack alert; cleared by the next successful poll
    alerted_at       timestamptz
);
