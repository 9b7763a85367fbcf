-- Trigram indexes serve the simple keyword filters (q, author) until full-text search lands.
CREATE INDEX paper_title_trgm_idx ON paper USING gin (title gin_trgm_ops);
CREATE INDEX author_normalized_name_trgm_idx ON author USING gin (normalized_name gin_trgm_ops);
CREATE INDEX benchmark_result_status_idx ON benchmark_result (status);
