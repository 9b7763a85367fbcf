-- Full-text search documents for papers, articles, methods and datasets, plus the vocabulary
-- that typo correction and autocomplete draw on. Query-time logic (synonyms, corrections,
-- ranking) lives in the application (org.mlmdkb.search), so this file needs nothing beyond
-- core PostgreSQL + pg_trgm + unaccent and runs on managed services too.

-- unaccent() is only STABLE (it reads its dictionary through search_path), so it cannot appear
-- in a generated column or index. Naming the dictionary explicitly makes the result depend on
-- the argument alone, which is what IMMUTABLE promises.
CREATE FUNCTION kb_unaccent(text) RETURNS text
    LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
    RETURN public.unaccent('public.unaccent'::regdictionary, $1);

-- The text a user's words are matched against: lower-cased and accent-free. The English
-- configuration stems (potentials -> potenti), and its parser keeps identifiers whole and in
-- parts: "MACE-MP-0" yields mace-mp-0, mace, mp and 0; "rMD17" yields rmd17.
CREATE FUNCTION kb_search_text(text) RETURNS text
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
    RETURN lower(kb_unaccent(coalesce($1, '')));

-- Weights: A = title / name / aliases, B = abstract / description / summary, C = venue and
-- article body. The ranking weights per letter are set in SearchRepository.
ALTER TABLE paper ADD COLUMN search_vector tsvector GENERATED ALWAYS AS (
    setweight(to_tsvector('english'::regconfig, kb_search_text(title)), 'A')
    || setweight(to_tsvector('english'::regconfig, kb_search_text(abstract)), 'B')
    || setweight(to_tsvector('english'::regconfig, kb_search_text(venue)), 'C')) STORED;
CREATE INDEX paper_search_idx ON paper USING gin (search_vector);

ALTER TABLE article ADD COLUMN search_vector tsvector GENERATED ALWAYS AS (
    setweight(to_tsvector('english'::regconfig, kb_search_text(title)), 'A')
    || setweight(to_tsvector('english'::regconfig, kb_search_text(summary)), 'B')
    || setweight(to_tsvector('english'::regconfig, kb_search_text(body_markdown)), 'C')) STORED;
CREATE INDEX article_search_idx ON article USING gin (search_vector);

-- array_to_string is only STABLE in general, but for text[] it is immutable in practice;
-- wrap it so the generated columns accept it.
CREATE FUNCTION kb_join_names(text[]) RETURNS text
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
    RETURN array_to_string($1, ' ; ');

ALTER TABLE method ADD COLUMN search_vector tsvector GENERATED ALWAYS AS (
    setweight(to_tsvector('english'::regconfig, kb_search_text(name || ' ; ' || kb_join_names(aliases))), 'A')
    || setweight(to_tsvector('english'::regconfig, kb_search_text(description)), 'B')) STORED;
CREATE INDEX method_search_idx ON method USING gin (search_vector);

ALTER TABLE dataset ADD COLUMN search_vector tsvector GENERATED ALWAYS AS (
    setweight(to_tsvector('english'::regconfig, kb_search_text(name || ' ; ' || kb_join_names(aliases))), 'A')
    || setweight(to_tsvector('english'::regconfig, kb_search_text(description)), 'B')) STORED;
CREATE INDEX dataset_search_idx ON dataset USING gin (search_vector);

-- Words seen in titles, abstracts, names and descriptions, for "did you mean" (trigram similarity) and autocomplete
-- (prefix). Triggers add words as rows arrive; words of deleted rows stay, which at worst
-- offers a correction that then finds nothing. `n` counts occurrences so that, among equally
-- similar candidates, the common word wins.
CREATE TABLE search_word (
    word  text PRIMARY KEY,
    n     integer NOT NULL
);
CREATE INDEX search_word_trgm_idx ON search_word USING gin (word gin_trgm_ops);
CREATE INDEX search_word_prefix_idx ON search_word (word text_pattern_ops);

CREATE FUNCTION kb_words(text) RETURNS SETOF text
    LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
        SELECT w FROM regexp_split_to_table(kb_search_text($1), '[^a-z0-9]+') AS w
        WHERE length(w) >= 3
    $$;

-- Dollar-quoted bodies rather than BEGIN ATOMIC: Flyway splits the latter at each semicolon.
CREATE FUNCTION kb_add_words(text) RETURNS void LANGUAGE sql AS $$
        INSERT INTO search_word (word, n)
        SELECT w, count(*) FROM kb_words($1) AS w GROUP BY w
        ON CONFLICT (word) DO UPDATE SET n = search_word.n + excluded.n
    $$;

-- Two trigger functions because PL/pgSQL resolves NEW.title / NEW.name when it plans the
-- statement, whichever table fired.
CREATE FUNCTION kb_add_title_words() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM kb_add_words(NEW.title);
    RETURN NULL;
END $$;

CREATE FUNCTION kb_add_name_words() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM kb_add_words(NEW.name || ' ' || kb_join_names(NEW.aliases) || ' '
        || coalesce(NEW.description, ''));
    RETURN NULL;
END $$;

CREATE FUNCTION kb_add_paper_words() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM kb_add_words(NEW.title || ' ' || coalesce(NEW.abstract, ''));
    RETURN NULL;
END $$;

CREATE TRIGGER paper_search_words AFTER INSERT OR UPDATE OF title, abstract ON paper
    FOR EACH ROW EXECUTE FUNCTION kb_add_paper_words();
CREATE TRIGGER article_search_words AFTER INSERT OR UPDATE OF title ON article
    FOR EACH ROW EXECUTE FUNCTION kb_add_title_words();
CREATE TRIGGER method_search_words AFTER INSERT OR UPDATE OF name, aliases ON method
    FOR EACH ROW EXECUTE FUNCTION kb_add_name_words();
CREATE TRIGGER dataset_search_words AFTER INSERT OR UPDATE OF name, aliases ON dataset
    FOR EACH ROW EXECUTE FUNCTION kb_add_name_words();

-- Rows that existed before this migration.
INSERT INTO search_word (word, n)
SELECT w, count(*) FROM (
    SELECT kb_words(title || ' ' || coalesce(abstract, '')) AS w FROM paper
    UNION ALL SELECT kb_words(title) FROM article
    UNION ALL SELECT kb_words(name || ' ' || kb_join_names(aliases) || ' ' || coalesce(description, ''))
        FROM method
    UNION ALL SELECT kb_words(name || ' ' || kb_join_names(aliases) || ' ' || coalesce(description, ''))
        FROM dataset) all_words
GROUP BY w;

-- Autocomplete matches name prefixes anywhere in a name ("mp" finds MACE-MP-0).
CREATE INDEX method_name_trgm_idx ON method USING gin (kb_search_text(name) gin_trgm_ops);
CREATE INDEX dataset_name_trgm_idx ON dataset USING gin (kb_search_text(name) gin_trgm_ops);
