-- Method and dataset pages show how many live papers link to the item. Counting them joined
-- every link with its paper per request (1,458 for the largest method at 100,000 papers); these
-- counts are kept exact by statement-level triggers in the same transaction as every write, in
-- the way V131 keeps the authors' counts: a link counts while its paper is live.
CREATE TABLE linked_live_paper_count (
    kind     text NOT NULL CHECK (kind IN ('method', 'dataset')),
    item_id  bigint NOT NULL,
    n        integer NOT NULL,
    PRIMARY KEY (kind, item_id)
);

-- Adds per-item deltas, items locked in id order so that writers queue instead of deadlocking.
CREATE FUNCTION linked_live_paper_count_add(counted text, deltas jsonb) RETURNS void
LANGUAGE sql AS $$
    INSERT INTO linked_live_paper_count AS c (kind, item_id, n)
    SELECT counted, item_id, n FROM jsonb_to_recordset(deltas) AS x (item_id bigint, n integer)
    ORDER BY item_id
    ON CONFLICT (kind, item_id) DO UPDATE SET n = c.n + EXCLUDED.n;
$$;

-- On paper_method (TG_ARGV: 'method', 'method_id') and paper_dataset ('dataset', 'dataset_id').
-- A link deleted with its paper (ON DELETE CASCADE) no longer finds the paper and counts as
-- live; linked_live_paper_count_on_paper_delete compensates for papers already soft-deleted.
CREATE FUNCTION linked_live_paper_count_on_link_change() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    counted text := TG_ARGV[0];
    item text := TG_ARGV[1];
    deltas jsonb;
BEGIN
    IF TG_OP = 'INSERT' THEN
        SELECT jsonb_agg(jsonb_build_object('item_id', item_id, 'n', n)) INTO deltas
        FROM (SELECT (to_jsonb(l) ->> item)::bigint AS item_id, count(*) AS n FROM new_rows l
              JOIN paper p ON p.id = l.paper_id AND p.deleted_at IS NULL
              GROUP BY 1) s;
    ELSIF TG_OP = 'DELETE' THEN
        SELECT jsonb_agg(jsonb_build_object('item_id', item_id, 'n', -n)) INTO deltas
        FROM (SELECT (to_jsonb(l) ->> item)::bigint AS item_id, count(*) AS n FROM old_rows l
              LEFT JOIN paper p ON p.id = l.paper_id
              WHERE p.deleted_at IS NULL
              GROUP BY 1) s;
    ELSE
        SELECT jsonb_agg(jsonb_build_object('item_id', item_id, 'n', n)) INTO deltas
        FROM (SELECT item_id, sum(n) AS n
              FROM (SELECT (to_jsonb(l) ->> item)::bigint AS item_id, 1 AS n FROM new_rows l
                    JOIN paper p ON p.id = l.paper_id AND p.deleted_at IS NULL
                    UNION ALL
                    SELECT (to_jsonb(l) ->> item)::bigint, -1 FROM old_rows l
                    JOIN paper p ON p.id = l.paper_id AND p.deleted_at IS NULL) c
              GROUP BY item_id HAVING sum(n) <> 0) s;
    END IF;
    IF deltas IS NOT NULL THEN
        PERFORM linked_live_paper_count_add(counted, deltas);
    END IF;
    RETURN NULL;
END
$$;

CREATE TRIGGER linked_live_paper_count_on_insert AFTER INSERT ON paper_method
    REFERENCING NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION linked_live_paper_count_on_link_change('method', 'method_id');
CREATE TRIGGER linked_live_paper_count_on_update AFTER UPDATE ON paper_method
    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION linked_live_paper_count_on_link_change('method', 'method_id');
CREATE TRIGGER linked_live_paper_count_on_delete AFTER DELETE ON paper_method
    REFERENCING OLD TABLE AS old_rows
    FOR EACH STATEMENT EXECUTE FUNCTION linked_live_paper_count_on_link_change('method', 'method_id');
CREATE TRIGGER linked_live_paper_count_on_insert AFTER INSERT ON paper_dataset
    REFERENCING NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION linked_live_paper_count_on_link_change('dataset', 'dataset_id');
CREATE TRIGGER linked_live_paper_count_on_update AFTER UPDATE ON paper_dataset
    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION linked_live_paper_count_on_link_change('dataset', 'dataset_id');
CREATE TRIGGER linked_live_paper_count_on_delete AFTER DELETE ON paper_dataset
    REFERENCING OLD TABLE AS old_rows
    FOR EACH STATEMENT EXECUTE FUNCTION linked_live_paper_count_on_link_change('dataset', 'dataset_id');

-- A paper soft-deleted or restored takes its links out of the counts or back in.
CREATE FUNCTION linked_live_paper_count_on_paper_update() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    deltas jsonb;
BEGIN
    IF NOT EXISTS (SELECT 1 FROM old_rows o JOIN new_rows n ON n.id = o.id
                   WHERE (o.deleted_at IS NULL) <> (n.deleted_at IS NULL)) THEN
        RETURN NULL;
    END IF;
    SELECT jsonb_agg(jsonb_build_object('item_id', item_id, 'n', n)) INTO deltas
    FROM (SELECT l.method_id AS item_id,
                 sum(CASE WHEN n.deleted_at IS NULL THEN 1 ELSE -1 END) AS n
          FROM old_rows o JOIN new_rows n ON n.id = o.id
          JOIN paper_method l ON l.paper_id = n.id
          WHERE (o.deleted_at IS NULL) <> (n.deleted_at IS NULL)
          GROUP BY l.method_id) s;
    IF deltas IS NOT NULL THEN
        PERFORM linked_live_paper_count_add('method', deltas);
    END IF;
    SELECT jsonb_agg(jsonb_build_object('item_id', item_id, 'n', n)) INTO deltas
    FROM (SELECT l.dataset_id AS item_id,
                 sum(CASE WHEN n.deleted_at IS NULL THEN 1 ELSE -1 END) AS n
          FROM old_rows o JOIN new_rows n ON n.id = o.id
          JOIN paper_dataset l ON l.paper_id = n.id
          WHERE (o.deleted_at IS NULL) <> (n.deleted_at IS NULL)
          GROUP BY l.dataset_id) s;
    IF deltas IS NOT NULL THEN
        PERFORM linked_live_paper_count_add('dataset', deltas);
    END IF;
    RETURN NULL;
END
$$;
CREATE TRIGGER linked_live_paper_count_on_paper_update AFTER UPDATE ON paper
    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION linked_live_paper_count_on_paper_update();

-- Before a soft-deleted paper is removed for good, its links are counted back in, because the
-- cascade that deletes them can no longer see that the paper was soft-deleted.
CREATE FUNCTION linked_live_paper_count_on_paper_delete() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    deltas jsonb;
BEGIN
    IF OLD.deleted_at IS NOT NULL THEN
        SELECT jsonb_agg(jsonb_build_object('item_id', method_id, 'n', 1)) INTO deltas
        FROM paper_method WHERE paper_id = OLD.id;
        IF deltas IS NOT NULL THEN
            PERFORM linked_live_paper_count_add('method', deltas);
        END IF;
        SELECT jsonb_agg(jsonb_build_object('item_id', dataset_id, 'n', 1)) INTO deltas
        FROM paper_dataset WHERE paper_id = OLD.id;
        IF deltas IS NOT NULL THEN
            PERFORM linked_live_paper_count_add('dataset', deltas);
        END IF;
    END IF;
    RETURN OLD;
END
$$;
CREATE TRIGGER linked_live_paper_count_on_paper_delete BEFORE DELETE ON paper
    FOR EACH ROW EXECUTE FUNCTION linked_live_paper_count_on_paper_delete();

-- Backfill from the links as they are now.
INSERT INTO linked_live_paper_count (kind, item_id, n)
SELECT 'method', l.method_id, count(*) FROM paper_method l
JOIN paper p ON p.id = l.paper_id AND p.deleted_at IS NULL GROUP BY l.method_id;
INSERT INTO linked_live_paper_count (kind, item_id, n)
SELECT 'dataset', l.dataset_id, count(*) FROM paper_dataset l
JOIN paper p ON p.id = l.paper_id AND p.deleted_at IS NULL GROUP BY l.dataset_id;
