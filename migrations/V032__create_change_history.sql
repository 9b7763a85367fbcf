-- Every curated change: who (the API key's name, not a foreign key, so revoking or renaming keys
-- never rewrites history), when, and the item's editable state before and after.
CREATE TABLE change_history (
    id          bigserial PRIMARY KEY,
    collection  text NOT NULL,
    item_id     bigint NOT NULL,
    action      text NOT NULL CHECK (action IN ('create', 'update', 'delete', 'restore')),
    key_name    text NOT NULL,
    changed_at  timestamptz NOT NULL DEFAULT now(),
    before      jsonb,
    after       jsonb
);
CREATE INDEX change_history_item_idx ON change_history (collection, item_id, id);
