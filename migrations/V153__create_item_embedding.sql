-- Embeddings for search by meaning (org.mlmdkb.search.semantic): one vector per paper, method,
-- dataset and article, computed once per version of the item's text (title and abstract; name and
-- description; title and summary: EmbeddingRepository spells the texts out) and kept here, so
-- that a rebuilt search index reuses them instead of running the model again.
--
-- text_sha256 identifies the version: a stored vector is current while the model is the one the
-- service runs and the hash is that of the item's text as it is now. A changed title, or another
-- model, makes it stale; the service then embeds the item again in the background.
CREATE TABLE item_embedding (
    kind         text NOT NULL CHECK (kind IN ('paper', 'method', 'dataset', 'article')),
    item_id      bigint NOT NULL,
    model        text NOT NULL,
    text_sha256  bytea NOT NULL CHECK (octet_length(text_sha256) = 32),
    dimensions   integer NOT NULL CHECK (dimensions BETWEEN 1 AND 4096),
    -- float32 values, little-endian, dimensions of them
    vector       bytea NOT NULL CHECK (octet_length(vector) = 4 * dimensions),
    embedded_at  timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (kind, item_id)
);

-- A new or changed vector reaches the search index through the change sequence, like any other
-- change to an indexed document: every instance then re-reads that document with its vector.
CREATE FUNCTION kb_item_embedding_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO search_change (kind, key) VALUES (NEW.kind, NEW.item_id::text);
    PERFORM pg_notify('kb_search_change', '');
    RETURN NULL;
END $$;

CREATE TRIGGER item_embedding_search_change AFTER INSERT OR UPDATE ON item_embedding
    FOR EACH ROW EXECUTE FUNCTION kb_item_embedding_changed();
