-- How a lineage link relates the two methods. 'derives_from' (every link so far): the child is
-- built on the parent's architecture or model. 'supersedes': the child is the newer version that
-- replaces the parent, as Matbench Discovery model files record with `superseded_by`. One link per
-- pair, so a pair is one or the other.
ALTER TABLE method_lineage
    ADD COLUMN relation text NOT NULL DEFAULT 'derives_from'
        CHECK (relation IN ('derives_from', 'supersedes'));
