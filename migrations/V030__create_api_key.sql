-- API keys for writes. Only a SHA-256 hash of each key is stored: keys are 256-bit random
-- values, so a fast hash is enough (no password stretching needed) and a database leak does not
-- reveal usable keys. Revoked keys stay for the history's sake.
CREATE TABLE api_key (
    name        text PRIMARY KEY CHECK (name ~ '^[a-z0-9]+([._-][a-z0-9]+)*$' AND length(name) <= 64),
    role        text NOT NULL CHECK (role IN ('curator', 'admin')),
    key_hash    text NOT NULL UNIQUE,
    created_at  timestamptz NOT NULL DEFAULT now(),
    revoked_at  timestamptz
);
