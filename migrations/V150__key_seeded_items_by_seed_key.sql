-- The seed loader finds seeded methods, datasets, articles and tags again by a seed key (the slug
-- they were seeded under, which never changes) instead of by their current slug, so a curator's
-- rename survives a corpus change. Papers and results already have one.
ALTER TABLE method ADD COLUMN seed_key text UNIQUE;
ALTER TABLE dataset ADD COLUMN seed_key text UNIQUE;
ALTER TABLE article ADD COLUMN seed_key text UNIQUE;
ALTER TABLE tag ADD COLUMN seed_key text UNIQUE;

-- Existing rows: an item a curator created through the API has no seed key. Every other item was
-- seeded under the slug it had before its first curated change (or has now, if none).
UPDATE method m SET seed_key = COALESCE(
    (SELECT h.before ->> 'slug' FROM change_history h
      WHERE h.collection = 'methods' AND h.item_id = m.id ORDER BY h.id LIMIT 1), m.slug)
 WHERE NOT EXISTS (SELECT 1 FROM change_history h
                    WHERE h.collection = 'methods' AND h.item_id = m.id AND h.action = 'create');
UPDATE dataset d SET seed_key = COALESCE(
    (SELECT h.before ->> 'slug' FROM change_history h
      WHERE h.collection = 'datasets' AND h.item_id = d.id ORDER BY h.id LIMIT 1), d.slug)
 WHERE NOT EXISTS (SELECT 1 FROM change_history h
                    WHERE h.collection = 'datasets' AND h.item_id = d.id AND h.action = 'create');
UPDATE article a SET seed_key = COALESCE(
    (SELECT h.before ->> 'slug' FROM change_history h
      WHERE h.collection = 'articles' AND h.item_id = a.id ORDER BY h.id LIMIT 1), a.slug)
 WHERE NOT EXISTS (SELECT 1 FROM change_history h
                    WHERE h.collection = 'articles' AND h.item_id = a.id AND h.action = 'create');
UPDATE tag t SET seed_key = COALESCE(
    (SELECT h.before ->> 'slug' FROM change_history h
      WHERE h.collection = 'tags' AND h.item_id = t.id ORDER BY h.id LIMIT 1), t.slug)
 WHERE NOT EXISTS (SELECT 1 FROM change_history h
                    WHERE h.collection = 'tags' AND h.item_id = t.id AND h.action = 'create');
