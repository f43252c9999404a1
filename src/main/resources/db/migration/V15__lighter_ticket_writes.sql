-- Every new ticket's rows are written in its mail batch's transaction, so what PostgreSQL spends
-- per row bounds the mailbox intake rate (docs/decisions/0306).

-- A mail body is a few kilobytes: past TOAST's ~2 KB threshold it is compressed on insert. lz4
-- compresses such a body in about a quarter of pglz's time (10-14 µs against 38-56 µs measured
-- here) at a similar ratio. Only new values are affected; stored ones stay as they are. A server
-- built without lz4 keeps pglz.
do $$
begin
    if exists (select 1 from pg_settings where name = 'default_toast_compression' and 'lz4' = any (enumvals)) then
        alter table ticket alter column description set compression lz4;
        alter table ticket alter column description_html set compression lz4;
        alter table ticket_comment alter column body_text set compression lz4;
        alter table ticket_comment alter column body_html set compression lz4;
        alter table ticket_comment alter column body_original set compression lz4;
        alter table mail_quarantine alter column raw set compression lz4;
        alter table ticket_attachment_content alter column content set compression lz4;
    end if;
end
$$;

-- Both indexes duplicate the leading column of a unique index on the same table, which serves the
-- same per-ticket lookups (a ticket has a handful of clocks and timers), yet each cost an index
-- entry on every insert: 5 of the 22 index entries of a new ticket's 2 clocks and 3 timers.
drop index sla_clock_ticket_idx;       -- sla_clock_ticket_id_metric_cycle_key (ticket_id, metric, cycle)
drop index ticket_timer_ticket_idx;    -- ticket_timer_ticket_id_kind_rule_key_key (ticket_id, kind, rule_key)
