-- Soft delete: a deleted method keeps its row (and its slug stays taken) so an admin can restore
-- it; readers filter on deleted_at IS NULL.
ALTER TABLE method ADD COLUMN deleted_at timestamptz;
CREATE INDEX method_deleted_idx ON method (id) WHERE deleted_at IS NOT NULL;
