-- SLA engine (issue 5): clocks per ticket and metric, the steps of their warning ladders fired
-- exactly once, timers for escalations and lifecycle automations, and satisfaction ratings.

-- V1's sla_clock was never used; it is replaced by one that keeps business time in segments.
drop table sla_clock;

-- One row per ticket, metric and cycle (next_reply and periodic_update start a new cycle each
-- time they are answered). Business time counts from segment_started_at while running; what ran
-- before (other segments, possibly on another calendar) is elapsed_us (microseconds, as timestamps). next_due_at is the instant
-- of the next unfired step of the ladder: the one column the sweep looks at.
create table sla_clock (
    id                  bigserial primary key,
    ticket_id           bigint not null references ticket (id),
    metric              text not null check (metric in ('first_response', 'next_reply', 'periodic_update', 'resolution')),
    cycle               integer not null default 1,
    policy_id           text not null,
    calendar            text not null,
    target_ms           bigint not null check (target_ms >= 0),
    -- ladder percentages, ascending: warnings below 100, the breach at 100, reminders above
    steps               integer[] not null,
    state               text not null check (state in ('running', 'paused', 'stopped')),
    -- why a stopped clock ended: its target met or breached, or cancelled (ended with the ticket, or no policy defines it)
    outcome             text check (outcome in ('met', 'breached', 'cancelled')),
    started_at          timestamptz not null,
    segment_started_at  timestamptz,
    elapsed_us          bigint not null default 0,
    due_at              timestamptz,
    at_risk_at          timestamptz,
    breached_at         timestamptz,
    last_step           integer not null default 0,
    next_step           integer,
    next_due_at         timestamptz,
    stopped_at          timestamptz,
    last_error          text,
    updated_at          timestamptz not null,
    unique (ticket_id, metric, cycle),
    check ((state = 'running') = (segment_started_at is not null))
);
-- at most one live clock per ticket and metric
create unique index sla_clock_live_idx on sla_clock (ticket_id, metric) where state <> 'stopped';
-- the sweep's claim: an index range scan over what is due, whatever the number of open clocks
create index sla_clock_next_due_idx on sla_clock (next_due_at) where next_due_at is not null;
create index sla_clock_ticket_idx on sla_clock (ticket_id, id);
-- Every fired step moves a row's next_due_at, leaving a dead entry at the head of the next-due
-- index that each later sweep must step over until vacuum removes it: vacuum after 1 % of the
-- table has changed, not the default 20 %, so the head of the queue stays clean.
alter table sla_clock set (autovacuum_vacuum_scale_factor = 0.01, autovacuum_vacuum_threshold = 1000,
                           autovacuum_analyze_scale_factor = 0.02);

-- Each step of a clock's ladder happens once: fired (an event and an alert) or skipped (passed
-- over by a recalculation or an outage, recorded without an alert). The primary key is the guard
-- that several sweeping instances cannot pass, written in the transaction of the event and outbox rows.
create table sla_step (
    clock_id    bigint not null references sla_clock (id),
    step        integer not null,
    ticket_id   bigint not null references ticket (id),
    outcome     text not null check (outcome in ('fired', 'skipped')),
    due_at      timestamptz not null,
    fired_at    timestamptz not null,
    lateness_ms bigint not null,
    primary key (clock_id, step)
);
create index sla_step_fired_idx on sla_step (fired_at);

-- Escalations and lifecycle automations due at an instant (tier escalation, executive escalation,
-- manager notice, satisfaction follow-up, auto-close). due_at = anchor_at + the rule's threshold,
-- so a reloaded threshold re-anchors pending timers. (ticket_id, kind, rule_key) fires once.
create table ticket_timer (
    id          bigserial primary key,
    ticket_id   bigint not null references ticket (id),
    kind        text not null check (kind in ('tier_escalation', 'executive_escalation', 'manager_notice',
                                              'satisfaction_follow_up', 'auto_close')),
    rule_key    text not null,
    anchor_at   timestamptz not null,
    due_at      timestamptz not null,
    state       text not null default 'pending' check (state in ('pending', 'fired', 'cancelled')),
    outcome     text,
    fired_at    timestamptz,
    unique (ticket_id, kind, rule_key)
);
create index ticket_timer_due_idx on ticket_timer (due_at) where state = 'pending';
create index ticket_timer_ticket_idx on ticket_timer (ticket_id) where state = 'pending';
alter table ticket_timer set (autovacuum_vacuum_scale_factor = 0.01, autovacuum_vacuum_threshold = 1000);

-- Customer satisfaction ratings (1-5), as the helpdesk's survey or an agent records them.
create table ticket_satisfaction (
    id          bigserial primary key,
    ticket_id   bigint not null references ticket (id),
    score       integer not null check (score between 1 and 5),
    comment     text,
    source      text not null,
    rated_at    timestamptz not null
);
create index ticket_satisfaction_ticket_idx on ticket_satisfaction (ticket_id, id);

-- The follow-up mail's rating links carry an unguessable token: the customer rates without an
-- account, once per survey.
create table satisfaction_survey (
    token        text primary key,
    ticket_id    bigint not null references ticket (id),
    created_at   timestamptz not null,
    answered_at  timestamptz
);
create index satisfaction_survey_ticket_idx on satisfaction_survey (ticket_id);

-- The follow-up mail asking a customer how the solved ticket went.
alter table notification drop constraint notification_kind_check;
alter table notification add constraint notification_kind_check
    check (kind in ('acknowledgement_mail', 'slack_alert', 'satisfaction_mail'));
