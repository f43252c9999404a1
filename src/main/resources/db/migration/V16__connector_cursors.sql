-- The adapter contract (issue 11): every stream a connector reads (Zendesk's ticket export, ServiceNow's
-- incident table, Salesforce's Cases …) keeps where it has read up to. The cursor is written in the
-- same transaction as the batch it follows, so it moves exactly when that batch commits.
create table connector_cursor (
    connector   text        not null,
    stream      text        not null,
    -- the adapter's own encoding: a cursor as the system gives it, or JSON for a keyset
    position    text        not null,
    updated_at  timestamptz not null default now(),
    primary key (connector, stream)
);
