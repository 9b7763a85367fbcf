-- Which version of the shipped corpus has been loaded; a start with the same checksum skips
-- the loader entirely, a new checksum loads what is missing (natural keys prevent duplicates).
CREATE TABLE seed_load (
    checksum   text PRIMARY KEY,
    loaded_at  timestamptz NOT NULL DEFAULT now(),
    summary    text NOT NULL
);
