-- A paper write links its authors with INSERT ... ON CONFLICT (normalized_name) DO UPDATE, which
-- rewrites an existing author row unchanged (to lock it and return its id). The row trigger saw an
-- UPDATE and queued an 'author' change, and the index then re-read and re-indexed every paper of
-- that author: a new paper by a prolific author cost hundreds of documents. Only a change of what
-- documents hold (name, normalised name) now reaches the change sequence; deletes always do.
DROP TRIGGER author_search_change ON author;

CREATE TRIGGER author_search_change AFTER UPDATE ON author
    FOR EACH ROW
    WHEN (OLD.name IS DISTINCT FROM NEW.name OR OLD.normalized_name IS DISTINCT FROM NEW.normalized_name)
    EXECUTE FUNCTION kb_search_changed('author', 'id');

CREATE TRIGGER author_delete_search_change AFTER DELETE ON author
    FOR EACH ROW EXECUTE FUNCTION kb_search_changed('author', 'id');
