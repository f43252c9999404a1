-- Credentials the hub itself obtains or receives (e.g. a rotated OAuth refresh token), sealed with
-- AES-256-GCM by the hub (SecretCipher); the value names the key that sealed it.
create table connector_secret (
    name        text primary key,
    sealed      text not null,
    updated_at  timestamptz not null default now()
);
