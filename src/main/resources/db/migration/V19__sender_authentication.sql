-- Sender authentication (issue 12, docs/decisions/0313): who a mail is from, as far as the trusted receiving
-- server's Authentication-Results or the mail's own DKIM signature show, and what a sender nothing proves may have.

-- Every mail's verdict on its decision record: pass, fail or unverified, how it was reached, and whether the
-- mailbox's policy trusted the sender for it. Null for mail recorded before senders were authenticated.
alter table mail_message add column sender_auth text;
alter table mail_message add column sender_auth_reason text;
alter table mail_message add column sender_trusted boolean;

-- A ticket keeps its opening mail's verdict (null for a ticket from a channel that authenticates no sender, the API),
-- and the flag an agent filters on when a ticket must be looked at before its requester is believed, e.g.
-- 'unverified_sender': an unauthenticated mail claimed an address the CRM knows. The index holds flagged tickets only.
alter table ticket add column sender_auth text;
alter table ticket add column review_flag text;
create index ticket_review_flag_idx on ticket (review_flag, id) where review_flag is not null;

-- The creation cap counts an unauthenticated sender's new tickets apart from the authenticated sender of that address:
-- mail forged in a customer's name uses an allowance of its own, never the customer's.
alter table mail_ticket_admission add column sender_trusted boolean not null default true;

-- The per-recipient send cap counts by allowance: acknowledgements of authenticated mail, acknowledgements of
-- unauthenticated mail, and mail a person wrote or asked for (the satisfaction follow-up), so neither a forger nor a
-- run of acknowledgements can use up what the others may send.
alter table outbound_message add column allowance text not null default 'acknowledgement';
update outbound_message o set allowance = 'requested' from notification n where n.id = o.notification_id and n.kind = 'satisfaction_mail';
