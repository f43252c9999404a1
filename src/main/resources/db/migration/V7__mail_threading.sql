-- Mail threading (issue 3): who belongs to a ticket, the Message-IDs of the mail we send, the
-- full text of a reply beside its stripped comment, and notifications a loop cap suppressed.

-- The people a ticket's mail may come from: its requester and whoever was on To/Cc when it was
-- opened. A reply from anyone else never lands on the ticket (one customer's mail on another's).
create table ticket_participant (
    ticket_id  bigint not null references ticket (id),
    email      text not null,
    role       text not null check (role in ('requester', 'cc')),
    added_at   timestamptz not null default now(),
    primary key (ticket_id, email)
);
create index ticket_participant_email_idx on ticket_participant (email);

-- Every mail the hub sends, by its Message-ID: replies name it in In-Reply-To/References, and
-- the loop caps count it (sent_at comes from the hub's clock so tests can move time).
create table outbound_message (
    message_id       text primary key,
    ticket_id        bigint not null references ticket (id),
    notification_id  bigint references notification (id),
    recipient        text not null,
    sent_at          timestamptz not null
);
create index outbound_message_ticket_idx on outbound_message (ticket_id, sent_at);
create index outbound_message_recipient_idx on outbound_message (recipient, sent_at);

-- Threading by In-Reply-To/References looks customers' Message-IDs up here.
create index mail_message_message_id_idx on mail_message (message_id);

-- A comment shows the reply's new text; the whole text as received is kept beside it.
alter table ticket_comment add column body_original text;

-- A notification a loop cap stopped is kept, with its reason, rather than dropped.
alter table notification drop constraint notification_state_check;
alter table notification add constraint notification_state_check
    check (state in ('pending', 'sending', 'sent', 'failed', 'suppressed'));
