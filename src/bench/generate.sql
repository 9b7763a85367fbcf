-- Synthetic corpus for load tests, built from the real vocabulary of the seeded database:
-- :papers papers (titles = a real method/dataset name + frequency-weighted real words,
-- abstracts of 40 such words), 3 authors, 1-2 methods, 1 dataset and 2 tags each, and
-- :results benchmark results. Run once on a database the application has migrated and seeded.
\set ON_ERROR_STOP on
SET synchronous_commit = off;

CREATE TEMP TABLE v AS
SELECT array_agg(word ORDER BY word) AS w, count(*)::int AS n
FROM search_word, generate_series(1, least(search_word.n, 50))
WHERE word ~ '^[a-z]+$';
CREATE TEMP TABLE nm AS
SELECT array_agg(name ORDER BY name) AS a, count(*)::int AS n
FROM (SELECT name FROM method UNION ALL SELECT name FROM dataset) x;
CREATE TEMP TABLE ids AS
SELECT (SELECT array_agg(id ORDER BY id) FROM method) AS m, (SELECT count(*) FROM method)::int AS nm,
       (SELECT array_agg(id ORDER BY id) FROM dataset) AS d, (SELECT count(*) FROM dataset)::int AS nd,
       (SELECT array_agg(slug ORDER BY slug) FROM tag) AS t, (SELECT count(*) FROM tag)::int AS nt,
       (SELECT array_agg(DISTINCT venue) FROM paper WHERE venue IS NOT NULL) AS ve;

INSERT INTO paper (entry_type, title, abstract, year, venue, code_url, seed_key)
SELECT 'article',
       nm.a[1 + (random() * (nm.n - 1))::int] || ': '
         || (SELECT string_agg(v.w[1 + (random() * (v.n - 1))::int], ' ')
             FROM generate_series(1, 6 + g % 5) WHERE g > 0),
       (SELECT string_agg(v.w[1 + (random() * (v.n - 1))::int], ' ')
        FROM generate_series(1, 40) WHERE g > 0),
       1995 + (random() * 30)::int,
       ids.ve[1 + (random() * (cardinality(ids.ve) - 1))::int],
       CASE WHEN random() < 0.3 THEN 'https://github.com/example/repo' || g END,
       'bench:' || g
FROM generate_series(1, :papers) g, v, nm, ids;

INSERT INTO author (name, normalized_name)
SELECT 'Bench Author ' || g, 'bench author ' || g FROM generate_series(1, :papers / 5) g
ON CONFLICT DO NOTHING;

CREATE TEMP TABLE bp AS SELECT id FROM paper WHERE seed_key LIKE 'bench:%';
CREATE TEMP TABLE ba AS SELECT array_agg(id) AS a, count(*)::int AS n FROM author
WHERE normalized_name LIKE 'bench author %';

INSERT INTO paper_author (paper_id, position, author_id, name_as_written)
SELECT bp.id, k, ba.a[1 + ((bp.id * 7 + k * 7919) % ba.n)::int], 'Bench Author'
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
       'per-atom', 'reported', (SELECT min(id) FROM bp) + (g % (SELECT count(*) FROM bp))
FROM generate_series(1, :results) g, ids;

ANALYZE;
SELECT (SELECT count(*) FROM paper) AS papers, (SELECT count(*) FROM benchmark_result) AS results,
       (SELECT count(*) FROM search_word) AS words;
