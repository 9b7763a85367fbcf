-- Soft delete: a deleted paper keeps its row (and its DOI / arXiv id stay taken) so an admin can
-- restore it; readers filter on deleted_at IS NULL.
ALTER TABLE paper ADD COLUMN deleted_at timestamptz;
CREATE INDEX paper_deleted_idx ON paper (id) WHERE deleted_at IS NOT NULL;
