-- Synthetic corpus for load tests, built from the real vocabulary of the seeded database:
-- :papers papers (titles = a real method/dataset name + 6-10 frequency-weighted real words,
-- abstracts of 40 such words), 3 authors, 1-2 methods, 1 dataset and 2 tags each, and
-- :results benchmark results. Run once on a database the application has migrated and seeded.
\set ON_ERROR_STOP on
SET synchronous_commit = off;
-- Seeded: the same corpus every time, so that cached embeddings of it stay current (run.sh).
SELECT setseed(0.1108);

-- Words weighted by frequency (each word up to 50 times), numbered for random picks. Arrays
-- would be simpler, but subscripting a large array detoasts it on every access.
CREATE TEMP TABLE words AS
SELECT w AS word, count(*)::int AS n
FROM paper, regexp_split_to_table(lower(title || ' ' || coalesce(abstract, '')), '[^a-z]+') AS w
WHERE length(w) >= 3
GROUP BY w;
CREATE TEMP TABLE vw AS
SELECT row_number() OVER (ORDER BY word)::int AS i, word AS w
FROM words, generate_series(1, least(words.n, 50));
CREATE TEMP TABLE nw AS
SELECT row_number() OVER (ORDER BY name)::int AS i, name AS w
FROM (SELECT name FROM method UNION ALL SELECT name FROM dataset) x;
CREATE TEMP TABLE ids AS
SELECT (SELECT array_agg(id ORDER BY id) FROM method) AS m, (SELECT count(*) FROM method)::int AS nm,
       (SELECT array_agg(id ORDER BY id) FROM dataset) AS d, (SELECT count(*) FROM dataset)::int AS nd,
       (SELECT array_agg(slug ORDER BY slug) FROM tag) AS t, (SELECT count(*) FROM tag)::int AS nt,
       (SELECT array_agg(DISTINCT venue) FROM paper WHERE venue IS NOT NULL) AS ve;

-- Per paper: word 0 is a method/dataset name, words 1..(6 + g % 5) the title, 11..50 the abstract.
CREATE TEMP TABLE pick AS
SELECT g, k, 1 + (random() * ((SELECT count(*) FROM vw) - 1))::int AS r
FROM generate_series(1, :papers) g, generate_series(1, 50) k
WHERE k <= 6 + g % 5 OR k > 10;
CREATE TEMP TABLE texts AS
SELECT p.g,
       string_agg(vw.w, ' ' ORDER BY p.k) FILTER (WHERE p.k <= 10) AS title,
       string_agg(vw.w, ' ' ORDER BY p.k) FILTER (WHERE p.k > 10) AS abstract
FROM pick p JOIN vw ON vw.i = p.r GROUP BY p.g;

-- The search index is rebuilt from the tables after the load (run.sh), so the change sequence
-- need not record a million bench rows.
ALTER TABLE paper DISABLE TRIGGER paper_search_change;
ALTER TABLE paper_author DISABLE TRIGGER paper_author_search_change;
ALTER TABLE paper_method DISABLE TRIGGER paper_method_search_change;
ALTER TABLE paper_dataset DISABLE TRIGGER paper_dataset_search_change;
ALTER TABLE paper_tag DISABLE TRIGGER paper_tag_search_change;
INSERT INTO paper (entry_type, title, abstract, year, venue, code_url, seed_key)
SELECT 'article', nw.w || ': ' || t.title, t.abstract,
       1995 + (random() * 30)::int,
       ids.ve[1 + (t.g % cardinality(ids.ve))],
       CASE WHEN random() < 0.3 THEN 'https://github.com/example/repo' || t.g END,
       'bench:' || t.g
FROM texts t JOIN nw ON nw.i = 1 + t.g % (SELECT count(*) FROM nw), ids;

INSERT INTO author (name, normalized_name)
SELECT 'Bench Author ' || g, 'bench author ' || g FROM generate_series(1, :papers / 5) g
ON CONFLICT DO NOTHING;

CREATE TEMP TABLE bp AS SELECT id FROM paper WHERE seed_key LIKE 'bench:%';
-- Bench authors have consecutive ids: pick by offset (no large arrays, see above).
CREATE TEMP TABLE ba AS SELECT min(id) AS first, count(*)::int AS n FROM author
WHERE normalized_name LIKE 'bench author %';

INSERT INTO paper_author (paper_id, position, author_id, name_as_written)
SELECT bp.id, k, ba.first + ((bp.id * 7 + k * 7919) % ba.n), 'Bench Author'
FROM bp, ba, generate_series(1, 3) k;

INSERT INTO paper_method (paper_id, method_id, relation)
SELECT DISTINCT bp.id, ids.m[1 + ((bp.id * 31 + k * 17) % ids.nm)::int], 'uses'
FROM bp, ids, generate_series(1, 1 + (bp.id % 2)::int) k
ON CONFLICT DO NOTHING;
INSERT INTO paper_dataset (paper_id, dataset_id, relation)
SELECT bp.id, ids.d[1 + ((bp.id * 13) % ids.nd)::int], 'uses' FROM bp, ids
ON CONFLICT DO NOTHING;
INSERT INTO paper_tag (paper_id, tag_slug)
SELECT bp.id, ids.t[1 + ((bp.id * 11 + k * 5) % ids.nt)::int] FROM bp, ids, generate_series(1, 2) k
ON CONFLICT DO NOTHING;

INSERT INTO benchmark_result (method_id, dataset_id, task, target, metric, value, unit,
    canonical_value, canonical_unit, basis, status, paper_id)
SELECT ids.m[1 + (g % ids.nm)], ids.d[1 + ((g / 7) % ids.nd)], 'energy-forces', 'forces', 'MAE',
       round((random() * 100)::numeric, 3), 'meV/Å', round((random() * 100)::numeric, 3), 'meV/Å',
       'per-atom', 'reported', bpr.first + (g % bpr.n)
FROM generate_series(1, :results) g, ids, (SELECT min(id) AS first, count(*) AS n FROM bp) bpr;

ALTER TABLE paper ENABLE TRIGGER paper_search_change;
ALTER TABLE paper_author ENABLE TRIGGER paper_author_search_change;
ALTER TABLE paper_method ENABLE TRIGGER paper_method_search_change;
ALTER TABLE paper_dataset ENABLE TRIGGER paper_dataset_search_change;
ALTER TABLE paper_tag ENABLE TRIGGER paper_tag_search_change;

ANALYZE;
SELECT (SELECT count(*) FROM paper) AS papers, (SELECT count(*) FROM benchmark_result) AS results,
       (SELECT count(*) FROM words) AS words;
