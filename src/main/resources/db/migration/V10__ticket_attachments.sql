-- Files a mail carried (issue 3), stored with the ticket or comment they arrived on, in the same
-- transaction. An attachment over a limit keeps its row (name, type, size) with the reason its
-- bytes were not kept; nothing a customer sent disappears without a trace.

-- The bytes, once per ticket: a customer's signature logo or a re-sent file is stored once however
-- often it arrives. Per ticket, not globally, so no ticket can learn what another one holds.
create table ticket_attachment_content (
    id          bigserial primary key,
    ticket_id   bigint not null references ticket (id),
    sha256      text not null,
    size_bytes  bigint not null,
    content     bytea not null,
    unique (ticket_id, sha256)
);

create table ticket_attachment (
    id               bigserial primary key,
    ticket_id        bigint not null references ticket (id),
    -- null for the mail that opened the ticket
    comment_id       bigint references ticket_comment (id),
    mail_message_id  bigint references mail_message (id),
    -- decoded (RFC 2047/2231) as the sender named it; null when the sender gave no name
    filename         text,
    content_type     text not null,
    size_bytes       bigint not null,
    -- of the decoded bytes; null when they were not kept
    sha256           text,
    content_id       text,
    inline           boolean not null,
    -- mail: a part of the mail itself; tnef: unpacked from a winmail.dat; forwarded: from an enclosed message
    origin           text not null check (origin in ('mail', 'tnef', 'forwarded')),
    content_ref      bigint references ticket_attachment_content (id),
    -- why the bytes were not kept, e.g. "not stored: over 20971520 bytes (the per-attachment limit)"
    not_stored       text,
    created_at       timestamptz not null default now(),
    check ((content_ref is null) = (not_stored is not null))
);
create index ticket_attachment_ticket_idx on ticket_attachment (ticket_id, id);

-- The sanitized HTML of the mail that opened a ticket, its inline images pointing at the hub's API.
alter table ticket add column description_html text;
