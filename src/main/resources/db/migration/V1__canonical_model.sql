-- The canonical model of DESIGN.md §3: tickets, their timeline, comments, customers and links to
-- other systems. Later migrations add columns; none rewrites these tables.

create sequence ticket_number_seq start with 1001;

create table customer (
    id              bigserial primary key,
    email           text not null unique,
    name            text,
    crm_contact_id  text,
    crm_account_id  text,
    account_name    text,
    tier            text not null default 'unknown' check (tier in ('vip', 'enterprise', 'standard', 'unknown')),
    annual_revenue  numeric(14, 2),
    health          text,
    owner           text,
    looked_up_at    timestamptz,
    lookup          text not null default 'not_looked_up'
);

create table ticket (
    id               bigserial primary key,
    key              text not null unique,
    subject          text not null,
    description      text not null,
    status           text not null check (status in ('new', 'open', 'pending_customer', 'on_hold', 'solved', 'closed')),
    priority         text not null check (priority in ('P1', 'P2', 'P3', 'P4')),
    category         text not null,
    tier             text not null check (tier in ('T1', 'T2', 'T3', 'SPECIALIST', 'EXECUTIVE')),
    queue            text not null,
    channel          text not null check (channel in ('email', 'zendesk', 'servicenow', 'salesforce', 'api')),
    requester_email  text,
    requester_name   text,
    customer_id      bigint references customer (id),
    -- the CRM's answer when the ticket came in; the customer row may change later
    customer_tier    text not null,
    customer_lookup  text not null,
    customer_crm_id  text,
    customer_account text,
    customer_arr     numeric(14, 2),
    customer_health  text,
    sentiment        text,
    language         text,
    complexity       text,
    version          integer not null default 0,
    created_at       timestamptz not null default now(),
    updated_at       timestamptz not null default now()
);
create index ticket_status_idx on ticket (status, id);
create index ticket_tier_idx on ticket (tier, id);
create index ticket_priority_idx on ticket (priority, id);
create index ticket_requester_idx on ticket (requester_email, id);

create table ticket_comment (
    id              bigserial primary key,
    ticket_id       bigint not null references ticket (id),
    visibility      text not null check (visibility in ('public', 'internal')),
    author          text not null,
    body_text       text not null,
    body_html       text,
    source_system   text not null,
    external_id     text,
    message_id      text,
    created_at      timestamptz not null default now(),
    unique (source_system, external_id)
);
create index ticket_comment_ticket_idx on ticket_comment (ticket_id, id);

-- Append-only timeline and audit: every automated decision is a row with its reason.
create table ticket_event (
    id           bigserial primary key,
    ticket_id    bigint not null references ticket (id),
    type         text not null,
    actor        text not null,
    reason       text not null,
    payload      jsonb not null default '{}'::jsonb,
    occurred_at  timestamptz not null default now()
);
create index ticket_event_ticket_idx on ticket_event (ticket_id, id);

create table external_link (
    id                       bigserial primary key,
    ticket_id                bigint not null references ticket (id),
    system                   text not null,
    external_id              text not null,
    external_number          text,
    last_pushed_hash         text,
    last_seen_remote_version text,
    unique (system, external_id)
);
create index external_link_number_idx on external_link (system, external_number);

-- One row per mail the mailbox delivered: the unique message key makes a second delivery a no-op.
create table mail_message (
    id           bigserial primary key,
    mailbox      text not null,
    message_key  text not null unique,
    message_id   text,
    raw_sha256   text not null,
    raw_size     integer not null,
    ticket_id    bigint references ticket (id),
    comment_id   bigint references ticket_comment (id),
    decision     text not null,
    decided_by   text not null,
    reason       text not null,
    received_at  timestamptz not null default now()
);
create index mail_message_ticket_idx on mail_message (ticket_id);

-- Mail that could not be processed, kept whole so it can be replayed once the cause is fixed.
create table mail_quarantine (
    id           bigserial primary key,
    mailbox      text not null,
    raw          bytea not null,
    raw_sha256   text not null,
    error        text not null,
    received_at  timestamptz not null default now(),
    replayed_at  timestamptz
);

-- Mail and Slack messages to send once the ticket has committed; retried until sent.
create table notification (
    id               bigserial primary key,
    ticket_id        bigint not null references ticket (id),
    kind             text not null check (kind in ('acknowledgement_mail', 'slack_alert')),
    recipient        text not null,
    dedupe_key       text not null unique,
    payload          jsonb not null default '{}'::jsonb,
    state            text not null default 'pending' check (state in ('pending', 'sending', 'sent', 'failed')),
    attempts         integer not null default 0,
    next_attempt_at  timestamptz not null default now(),
    claimed_until    timestamptz,
    last_error       text,
    created_at       timestamptz not null default now(),
    sent_at          timestamptz
);
create index notification_due_idx on notification (next_attempt_at) where state in ('pending', 'sending');

-- Changes waiting to be pushed to the helpdesks, written in the same transaction as the change.
create table sync_outbox (
    id               bigserial primary key,
    ticket_id        bigint not null references ticket (id),
    target_system    text not null,
    operation        text not null,
    payload          jsonb not null,
    state            text not null default 'pending' check (state in ('pending', 'sending', 'done', 'failed')),
    attempts         integer not null default 0,
    next_attempt_at  timestamptz not null default now(),
    last_error       text,
    created_at       timestamptz not null default now()
);
create index sync_outbox_due_idx on sync_outbox (next_attempt_at, id) where state in ('pending', 'sending');

-- One clock per ticket and SLA metric; next_due_at is the next warning or breach instant.
create table sla_clock (
    id              bigserial primary key,
    ticket_id       bigint not null references ticket (id),
    metric          text not null,
    policy_id       text not null,
    started_at      timestamptz not null,
    target_seconds  bigint not null,
    paused_at       timestamptz,
    paused_seconds  bigint not null default 0,
    due_at          timestamptz not null,
    next_due_at     timestamptz,
    next_step       text,
    state           text not null default 'running' check (state in ('running', 'paused', 'met', 'breached', 'cancelled')),
    unique (ticket_id, metric)
);
create index sla_clock_next_due_idx on sla_clock (next_due_at) where next_due_at is not null;

-- Each polled source keeps its own cursor, advanced only after its batch commits.
create table stream_cursor (
    stream      text primary key,
    position    text not null,
    updated_at  timestamptz not null default now()
);

-- API bearer tokens, stored as SHA-256 hashes only.
create table api_token (
    id            bigserial primary key,
    name          text not null unique,
    token_sha256  text not null unique,
    role          text not null check (role in ('admin', 'agent', 'viewer')),
    created_at    timestamptz not null default now(),
    revoked_at    timestamptz
);
