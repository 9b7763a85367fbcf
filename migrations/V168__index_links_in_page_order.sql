-- A method or dataset page lists its first papers, introducing ones first, then in the order
-- they were linked (paper id): these indexes return them in that order, so the page reads the
-- twenty links it shows instead of sorting every link of a large item.
CREATE INDEX paper_method_page_idx ON paper_method (method_id, relation, paper_id);
CREATE INDEX paper_dataset_page_idx ON paper_dataset (dataset_id, relation, paper_id);
