-- Search now runs on the Lucene index (org.mlmdkb.search), fed by search_change (V060). The
-- full-text machinery it replaces goes: the generated tsvector columns with their GIN indexes,
-- the title-only index used by autocomplete, and the word vocabulary with its triggers (the
-- index's spell checker answers corrections and close words now). kb_unaccent and
-- kb_search_text stay: name lookups in autocomplete still use them.
DROP TRIGGER paper_search_words ON paper;
DROP TRIGGER article_search_words ON article;
DROP TRIGGER method_search_words ON method;
DROP TRIGGER dataset_search_words ON dataset;
DROP FUNCTION kb_add_paper_words();
DROP FUNCTION kb_add_title_words();
DROP FUNCTION kb_add_name_words();
DROP FUNCTION kb_add_words(text);
DROP FUNCTION kb_words(text);
DROP TABLE search_word;

DROP INDEX paper_title_search_idx;
ALTER TABLE paper DROP COLUMN search_vector;
ALTER TABLE article DROP COLUMN search_vector;
ALTER TABLE method DROP COLUMN search_vector;
ALTER TABLE dataset DROP COLUMN search_vector;
DROP FUNCTION kb_join_names(text[]);
