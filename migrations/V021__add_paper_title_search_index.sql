-- Title-only full-text index for autocomplete (org.mlmdkb.search.SuggestRepository, tier 4).
-- Completing "equi" against paper_search_idx with 'equi:*A' builds a bitmap of every paper
-- that has any word starting with "equi" anywhere (title, abstract or venue) and only then
-- drops the non-title ones: 21,137 entries for 5,667 title matches on the 100k-paper bench
-- corpus (src/bench), most of the suggest statement's time. This index holds title lexemes
-- only, the same ones that carry weight A in paper.search_vector, so the matches are the same.
-- An expression index rather than a stored column: no table rewrite, nothing for the entity.
CREATE INDEX paper_title_search_idx ON paper
    USING gin (to_tsvector('english'::regconfig, kb_search_text(title)));
