-- Soft delete for articles: a deleted article keeps its row (and its slug stays taken) so an admin
-- can restore it; readers filter on deleted_at IS NULL.
ALTER TABLE article ADD COLUMN deleted_at timestamptz;
CREATE INDEX article_deleted_idx ON article (id) WHERE deleted_at IS NOT NULL;
