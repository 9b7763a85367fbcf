-- The change sequence that feeds the Lucene search index (org.mlmdkb.search.SearchIndex).
-- Triggers on every table whose rows end up in an indexed document record, in the writing
-- transaction itself, which paper / method / dataset / article / tag / author changed; so every
-- write path (curation, imports, deletes and restores, seed loads, tag renames that cascade) is
-- covered without the Java writers knowing about the index, and a rolled-back write records
-- nothing.
--
-- Sequence numbers are handed out before commit, so they commit out of order; the reader
-- therefore keys its progress on txid: every row it could not yet see belongs to a transaction
-- that was still running, whose id is at least the xmin of the reader's snapshot.
CREATE TABLE search_change (
    seq         bigserial PRIMARY KEY,
    txid        xid8 NOT NULL DEFAULT pg_current_xact_id(),
    kind        text NOT NULL CHECK (kind IN ('paper', 'method', 'dataset', 'article', 'tag',
                    'author')),
    key         text NOT NULL,
    changed_at  timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX search_change_txid_idx ON search_change (txid);
CREATE INDEX search_change_changed_at_idx ON search_change (changed_at);

-- Identifies this database to an index directory: an index built from another database (a
-- wiped test database, a restored dump) is rebuilt instead of trusted.
CREATE TABLE search_source (
    id  uuid PRIMARY KEY DEFAULT gen_random_uuid()
);
INSERT INTO search_source DEFAULT VALUES;

-- Arguments come in pairs (kind, column): each names a key of the row that changed. Old and new
-- keys are both recorded when they differ (a paper_tag row moved by a tag rename, a method whose
-- introducing paper changes). pg_notify folds identical notifications within a transaction into
-- one, delivered at commit.
CREATE FUNCTION kb_search_changed() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    i        integer := 0;
    new_key  text;
    old_key  text;
BEGIN
    WHILE i < TG_NARGS LOOP
        new_key := NULL;
        old_key := NULL;
        IF TG_OP <> 'DELETE' THEN
            new_key := to_jsonb(NEW) ->> TG_ARGV[i + 1];
        END IF;
        IF TG_OP <> 'INSERT' THEN
            old_key := to_jsonb(OLD) ->> TG_ARGV[i + 1];
        END IF;
        IF new_key IS NOT NULL THEN
            INSERT INTO search_change (kind, key) VALUES (TG_ARGV[i], new_key);
        END IF;
        IF old_key IS NOT NULL AND old_key IS DISTINCT FROM new_key THEN
            INSERT INTO search_change (kind, key) VALUES (TG_ARGV[i], old_key);
        END IF;
        i := i + 2;
    END LOOP;
    PERFORM pg_notify('kb_search_change', '');
    RETURN NULL;
END $$;

CREATE TRIGGER paper_search_change AFTER INSERT OR UPDATE OR DELETE ON paper
    FOR EACH ROW EXECUTE FUNCTION kb_search_changed('paper', 'id');
CREATE TRIGGER paper_author_search_change AFTER INSERT OR UPDATE OR DELETE ON paper_author
    FOR EACH ROW EXECUTE FUNCTION kb_search_changed('paper', 'paper_id');
CREATE TRIGGER paper_tag_search_change AFTER INSERT OR UPDATE OR DELETE ON paper_tag
    FOR EACH ROW EXECUTE FUNCTION kb_search_changed('paper', 'paper_id');
CREATE TRIGGER paper_method_search_change AFTER INSERT OR UPDATE OR DELETE ON paper_method
    FOR EACH ROW EXECUTE FUNCTION kb_search_changed('paper', 'paper_id');
CREATE TRIGGER paper_dataset_search_change AFTER INSERT OR UPDATE OR DELETE ON paper_dataset
    FOR EACH ROW EXECUTE FUNCTION kb_search_changed('paper', 'paper_id');
CREATE TRIGGER method_search_change AFTER INSERT OR UPDATE OR DELETE ON method
    FOR EACH ROW EXECUTE FUNCTION kb_search_changed('method', 'id', 'paper', 'paper_id');
CREATE TRIGGER dataset_search_change AFTER INSERT OR UPDATE OR DELETE ON dataset
    FOR EACH ROW EXECUTE FUNCTION kb_search_changed('dataset', 'id', 'paper', 'paper_id');
CREATE TRIGGER article_search_change AFTER INSERT OR UPDATE OR DELETE ON article
    FOR EACH ROW EXECUTE FUNCTION kb_search_changed('article', 'id');
CREATE TRIGGER tag_search_change AFTER INSERT OR UPDATE OR DELETE ON tag
    FOR EACH ROW EXECUTE FUNCTION kb_search_changed('tag', 'slug');
CREATE TRIGGER author_search_change AFTER UPDATE OR DELETE ON author
    FOR EACH ROW EXECUTE FUNCTION kb_search_changed('author', 'id');
