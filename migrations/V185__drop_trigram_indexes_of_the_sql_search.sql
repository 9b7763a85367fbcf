-- The last of the SQL search that the Lucene index replaced (V061 dropped the rest). V004's trigram
-- indexes served the paper list's q and author filters and V020's the autocomplete of method and
-- dataset names; the index answers all of these now (author substrings included), and no statement
-- of the application matches a trigram: on the bench database each of the four showed 0 scans
-- after every run.sh endpoint and the imports had run. They still cost each paper and author write
-- a GIN insert (27 MB for the title at 100,000 papers), so they go, with the two functions only
-- V020's indexes still called. The pg_trgm and unaccent extensions stay: the database setup
-- installs them, earlier migrations need them on a new database, and dropping one needs its owner.
DROP INDEX paper_title_trgm_idx;
DROP INDEX author_normalized_name_trgm_idx;
DROP INDEX method_name_trgm_idx;
DROP INDEX dataset_name_trgm_idx;
DROP FUNCTION kb_search_text(text);
DROP FUNCTION kb_unaccent(text);
