-- The account owner and the account's open cases, as the CRM told them: on the customer row (the
-- CRM cache) and on the ticket's snapshot of the customer when it came in.
alter table customer add column open_cases integer check (open_cases >= 0);
alter table ticket add column customer_owner text;
alter table ticket add column customer_open_cases integer check (customer_open_cases >= 0);
