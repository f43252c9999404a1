-- A notification about the hub itself (a mailbox that stopped being polled) belongs to no ticket,
-- so mailbox-liveness alerts go through the outbox like every other alert. Only Slack alerts may
-- be without a ticket: mail to a customer always answers one.
alter table notification alter column ticket_id drop not null;
alter table notification add constraint notification_ticket_check check (ticket_id is not null or kind = 'slack_alert');
