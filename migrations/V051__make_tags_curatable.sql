-- Tags become a curated collection. The change history keys items by a bigint, and a tag's slug
-- may be renamed, so tags get a stable surrogate id; the slug stays the key others reference.
ALTER TABLE tag ADD COLUMN id bigint GENERATED ALWAYS AS IDENTITY UNIQUE;

-- Soft delete: a deleted tag keeps its row (and its slug stays taken) so an admin can restore it.
ALTER TABLE tag ADD COLUMN deleted_at timestamptz;
CREATE INDEX tag_deleted_idx ON tag (id) WHERE deleted_at IS NOT NULL;

-- Renaming a tag's slug carries every reference along: papers, articles and child tags.
ALTER TABLE paper_tag DROP CONSTRAINT paper_tag_tag_slug_fkey,
    ADD CONSTRAINT paper_tag_tag_slug_fkey FOREIGN KEY (tag_slug) REFERENCES tag (slug)
        ON UPDATE CASCADE;
ALTER TABLE article_tag DROP CONSTRAINT article_tag_tag_slug_fkey,
    ADD CONSTRAINT article_tag_tag_slug_fkey FOREIGN KEY (tag_slug) REFERENCES tag (slug)
        ON UPDATE CASCADE;
ALTER TABLE tag DROP CONSTRAINT tag_parent_slug_fkey,
    ADD CONSTRAINT tag_parent_slug_fkey FOREIGN KEY (parent_slug) REFERENCES tag (slug)
        ON UPDATE CASCADE;
