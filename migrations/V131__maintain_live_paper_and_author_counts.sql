-- /stats used to count live papers and distinct authors of live papers on every request (a scan
-- of paper and paper_author). These counts are now kept by statement-level triggers in the same
-- transaction as each write, so they stay exact under every write path.

-- A total is the sum of its rows. A writer never updates a row that another one may hold: it
-- appends its delta, and the first time in a transaction it folds the committed rows nobody else
-- is folding (SKIP LOCKED) into one. So concurrent writers never wait for each other here and
-- cannot deadlock over a total, and the table stays small. Folding only once per transaction
-- matters: rows a transaction deletes stay in the index until it ends, so folding on every
-- statement of a long transaction (a seed load) would rescan them each time.
CREATE TABLE live_count (
    id    bigserial PRIMARY KEY,
    name  text NOT NULL,
    n     bigint NOT NULL
);
CREATE INDEX live_count_name_idx ON live_count (name);

CREATE FUNCTION live_count_add(counter text, delta bigint) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
    IF current_setting('kb.live_count_folded', true) IS DISTINCT FROM 'on' THEN
        PERFORM set_config('kb.live_count_folded', 'on', true);
        WITH folded AS (
            DELETE FROM live_count
            WHERE id IN (SELECT id FROM live_count FOR UPDATE SKIP LOCKED)
            RETURNING name, n)
        INSERT INTO live_count (name, n) SELECT name, sum(n) FROM folded GROUP BY name;
    END IF;
    INSERT INTO live_count (name, n) VALUES (counter, delta);
END
$$;

-- Live papers: +1 per live row in new_rows, -1 per live row in old_rows.
CREATE FUNCTION live_paper_count_on_change() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    delta bigint := 0;
BEGIN
    IF TG_OP <> 'DELETE' THEN
        delta := delta + (SELECT count(*) FROM new_rows WHERE deleted_at IS NULL);
    END IF;
    IF TG_OP <> 'INSERT' THEN
        delta := delta - (SELECT count(*) FROM old_rows WHERE deleted_at IS NULL);
    END IF;
    IF delta <> 0 THEN
        PERFORM live_count_add('papers', delta);
    END IF;
    RETURN NULL;
END
$$;

CREATE TRIGGER live_paper_count_on_insert AFTER INSERT ON paper
    REFERENCING NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION live_paper_count_on_change();
CREATE TRIGGER live_paper_count_on_update AFTER UPDATE ON paper
    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION live_paper_count_on_change();
CREATE TRIGGER live_paper_count_on_delete AFTER DELETE ON paper
    REFERENCING OLD TABLE AS old_rows
    FOR EACH STATEMENT EXECUTE FUNCTION live_paper_count_on_change();

-- Authors with at least one live paper: per author the number of author links to live papers,
-- and the 'authors' total moved whenever an author's number leaves or reaches 0.
CREATE TABLE author_live_paper_count (
    author_id  bigint PRIMARY KEY,
    n          integer NOT NULL
);

-- Adds per-author deltas (authors locked in id order) and moves the total by the authors that
-- gained their first or lost their last live paper.
CREATE FUNCTION author_live_paper_count_add(deltas jsonb) RETURNS void LANGUAGE plpgsql AS $$
DECLARE
    crossed bigint;
BEGIN
    WITH d AS (
        SELECT author_id, n FROM jsonb_to_recordset(deltas) AS x (author_id bigint, n integer)),
    up AS (
        INSERT INTO author_live_paper_count AS c (author_id, n)
        SELECT author_id, n FROM d ORDER BY author_id
        ON CONFLICT (author_id) DO UPDATE SET n = c.n + EXCLUDED.n
        RETURNING c.author_id, c.n)
    SELECT coalesce(sum(CASE WHEN up.n > 0 AND up.n - d.n <= 0 THEN 1
                             WHEN up.n <= 0 AND up.n - d.n > 0 THEN -1 ELSE 0 END), 0)
    INTO crossed
    FROM up JOIN d USING (author_id);
    IF crossed <> 0 THEN
        PERFORM live_count_add('authors', crossed);
    END IF;
END
$$;

-- A link counts while its paper is live. A link deleted with its paper (ON DELETE CASCADE) no
-- longer finds the paper and counts as live; paper_hard_delete_keeps_author_counts compensates
-- for papers that were already soft-deleted.
CREATE FUNCTION author_live_paper_count_on_link_change() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    deltas jsonb;
BEGIN
    IF TG_OP = 'INSERT' THEN
        SELECT jsonb_agg(jsonb_build_object('author_id', author_id, 'n', n)) INTO deltas
        FROM (SELECT l.author_id, count(*) AS n FROM new_rows l
              JOIN paper p ON p.id = l.paper_id AND p.deleted_at IS NULL
              GROUP BY l.author_id) s;
    ELSIF TG_OP = 'DELETE' THEN
        SELECT jsonb_agg(jsonb_build_object('author_id', author_id, 'n', -n)) INTO deltas
        FROM (SELECT l.author_id, count(*) AS n FROM old_rows l
              LEFT JOIN paper p ON p.id = l.paper_id
              WHERE p.deleted_at IS NULL
              GROUP BY l.author_id) s;
    ELSE
        SELECT jsonb_agg(jsonb_build_object('author_id', author_id, 'n', n)) INTO deltas
        FROM (SELECT author_id, sum(n) AS n
              FROM (SELECT l.author_id, 1 AS n FROM new_rows l
                    JOIN paper p ON p.id = l.paper_id AND p.deleted_at IS NULL
                    UNION ALL
                    SELECT l.author_id, -1 FROM old_rows l
                    JOIN paper p ON p.id = l.paper_id AND p.deleted_at IS NULL) c
              GROUP BY author_id HAVING sum(n) <> 0) s;
    END IF;
    IF deltas IS NOT NULL THEN
        PERFORM author_live_paper_count_add(deltas);
    END IF;
    RETURN NULL;
END
$$;

CREATE TRIGGER author_live_paper_count_on_insert AFTER INSERT ON paper_author
    REFERENCING NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION author_live_paper_count_on_link_change();
CREATE TRIGGER author_live_paper_count_on_update AFTER UPDATE ON paper_author
    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION author_live_paper_count_on_link_change();
CREATE TRIGGER author_live_paper_count_on_delete AFTER DELETE ON paper_author
    REFERENCING OLD TABLE AS old_rows
    FOR EACH STATEMENT EXECUTE FUNCTION author_live_paper_count_on_link_change();

-- A paper soft-deleted or restored takes its author links out of the count or back in.
CREATE FUNCTION author_live_paper_count_on_paper_update() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    deltas jsonb;
BEGIN
    SELECT jsonb_agg(jsonb_build_object('author_id', author_id, 'n', n)) INTO deltas
    FROM (SELECT l.author_id,
                 sum(CASE WHEN n.deleted_at IS NULL THEN 1 ELSE -1 END) AS n
          FROM old_rows o
          JOIN new_rows n ON n.id = o.id
          JOIN paper_author l ON l.paper_id = n.id
          WHERE (o.deleted_at IS NULL) <> (n.deleted_at IS NULL)
          GROUP BY l.author_id HAVING sum(CASE WHEN n.deleted_at IS NULL THEN 1 ELSE -1 END) <> 0) s;
    IF deltas IS NOT NULL THEN
        PERFORM author_live_paper_count_add(deltas);
    END IF;
    RETURN NULL;
END
$$;
CREATE TRIGGER author_live_paper_count_on_paper_update AFTER UPDATE ON paper
    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION author_live_paper_count_on_paper_update();

-- Before a soft-deleted paper is removed for good, its links are counted back in, because the
-- cascade that deletes them can no longer see that the paper was soft-deleted.
CREATE FUNCTION paper_hard_delete_keeps_author_counts() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    deltas jsonb;
BEGIN
    IF OLD.deleted_at IS NOT NULL THEN
        SELECT jsonb_agg(jsonb_build_object('author_id', author_id, 'n', n)) INTO deltas
        FROM (SELECT author_id, count(*) AS n FROM paper_author WHERE paper_id = OLD.id
              GROUP BY author_id) s;
        IF deltas IS NOT NULL THEN
            PERFORM author_live_paper_count_add(deltas);
        END IF;
    END IF;
    RETURN OLD;
END
$$;
CREATE TRIGGER paper_hard_delete_keeps_author_counts BEFORE DELETE ON paper
    FOR EACH ROW EXECUTE FUNCTION paper_hard_delete_keeps_author_counts();

-- Backfill from the rows as they are now.
-- The backfill reads every row once; on a large corpus that outlasts the application's
-- per-statement timeout, which also applies to the migration's connection.
SET LOCAL statement_timeout = 0;
INSERT INTO live_count (name, n) SELECT 'papers', count(*) FROM paper WHERE deleted_at IS NULL;
INSERT INTO author_live_paper_count (author_id, n)
SELECT l.author_id, count(*) FROM paper_author l JOIN paper p ON p.id = l.paper_id
WHERE p.deleted_at IS NULL GROUP BY l.author_id;
INSERT INTO live_count (name, n) SELECT 'authors', count(*) FROM author_live_paper_count WHERE n > 0;
