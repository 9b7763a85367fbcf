-- Soft delete for datasets: a deleted dataset keeps its row, subsets and links (and its slug stays
-- taken) so an admin can restore it; readers filter on deleted_at IS NULL.
ALTER TABLE dataset ADD COLUMN deleted_at timestamptz;
CREATE INDEX dataset_deleted_idx ON dataset (id) WHERE deleted_at IS NOT NULL;
