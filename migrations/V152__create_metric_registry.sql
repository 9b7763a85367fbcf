-- The metric registry: which way is better, what kind of number, the dimension a metric's unit must
-- have (NULL: any) and the range its values lie in, in that dimension's canonical unit (NULL bounds
-- are open). Until now these facts were a fixed list in the code (result/Metric.java); curators
-- keep them through /api/v1/metrics from here on. Names are lower case and carry no "(symprec=…)"
-- qualifier; a result's metric is filed under metric_key(metric).
CREATE TABLE metric (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    name        text NOT NULL UNIQUE,
    direction   text NOT NULL DEFAULT 'none'
                CHECK (direction IN ('lower_is_better', 'higher_is_better', 'none')),
    kind        text NOT NULL CHECK (kind IN ('error', 'score', 'count', 'rate')),
    dimension   text,
    min_value   numeric,
    max_value   numeric,
    description text,
    -- Soft delete, as every curated collection: the name stays taken so an admin can restore it.
    deleted_at  timestamptz,
    CHECK (min_value IS NULL OR max_value IS NULL OR min_value <= max_value)
);
CREATE INDEX metric_direction_idx ON metric (direction);
CREATE INDEX metric_kind_idx ON metric (kind);
CREATE INDEX metric_dimension_idx ON metric (dimension);
CREATE INDEX metric_deleted_idx ON metric (id) WHERE deleted_at IS NOT NULL;

-- The registry name of a result's metric; Metric.key in the code computes the same.
CREATE FUNCTION metric_key(metric text) RETURNS text
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
    RETURN lower(btrim(regexp_replace(metric, '\s*\(.*\)$', '')));

-- Which live results use a metric: a delete or rename of a metric in use is refused, and a range
-- change is checked against the results it would put outside.
CREATE INDEX benchmark_result_live_metric_idx ON benchmark_result (metric_key(metric))
    WHERE deleted_at IS NULL;

-- The facts the code held, moved as they were: errors are >= 0 (except κ_SRD, a signed deviation),
-- counts are >= 0, rates are fractions in [0, 1] (100 % = 1), scores have no range.
INSERT INTO metric (name, direction, kind, dimension, min_value, max_value) VALUES
    -- Errors of energies, forces, stresses, geometry and MD observables.
    ('mae', 'lower_is_better', 'error', NULL, 0, NULL),
    ('rmse', 'lower_is_better', 'error', NULL, 0, NULL),
    ('energy_rmse', 'lower_is_better', 'error', NULL, 0, NULL),
    ('force_rmse', 'lower_is_better', 'error', NULL, 0, NULL),
    ('pressure_mae', 'lower_is_better', 'error', NULL, 0, NULL),
    ('pressure_wasserstein', 'lower_is_better', 'error', NULL, 0, NULL),
    ('pressure_error', 'lower_is_better', 'error', NULL, 0, NULL),
    ('rdf_error', 'lower_is_better', 'error', NULL, 0, NULL),
    ('adf_error', 'lower_is_better', 'error', NULL, 0, NULL),
    ('vdos_error', 'lower_is_better', 'error', NULL, 0, NULL),
    ('n_sym_ops_mae', 'lower_is_better', 'error', NULL, 0, NULL),
    ('rmsd', 'lower_is_better', 'error', NULL, 0, NULL),
    ('pbe_energy_mae', 'lower_is_better', 'error', NULL, 0, NULL),
    ('pbe_force_mae', 'lower_is_better', 'error', NULL, 0, NULL),
    ('pbe_bond_length_error', 'lower_is_better', 'error', NULL, 0, NULL),
    ('pbe_vib_freq_error', 'lower_is_better', 'error', NULL, 0, NULL),
    ('pbe_wall_dist_mae', 'lower_is_better', 'error', NULL, 0, NULL),
    ('pbe_well_depth_error', 'lower_is_better', 'error', NULL, 0, NULL),
    ('energy_jump', 'lower_is_better', 'error', NULL, 0, NULL),
    ('force_jump', 'lower_is_better', 'error', NULL, 0, NULL),
    ('force_total_variation', 'lower_is_better', 'error', NULL, 0, NULL),
    -- Tortuosity is 1 for a smooth curve and grows with unphysical wiggles.
    ('tortuosity', 'lower_is_better', 'error', NULL, 0, NULL),
    -- Matbench Discovery's symmetric relative (mean) errors, and the deviation of κ, which is
    -- negative when κ is too low.
    ('κ_srme', 'lower_is_better', 'error', NULL, 0, NULL),
    ('κ_sre', 'lower_is_better', 'error', NULL, 0, NULL),
    ('κ_srd', 'lower_is_better', 'error', NULL, NULL, NULL),
    -- Classification scores of stable-crystal discovery.
    ('f1', 'higher_is_better', 'score', NULL, NULL, NULL),
    ('daf', 'higher_is_better', 'score', NULL, NULL, NULL),
    ('precision', 'higher_is_better', 'score', NULL, NULL, NULL),
    ('recall', 'higher_is_better', 'score', NULL, NULL, NULL),
    ('accuracy', 'higher_is_better', 'score', NULL, NULL, NULL),
    ('r2', 'higher_is_better', 'score', NULL, NULL, NULL),
    ('tpr', 'higher_is_better', 'rate', 'dimensionless', 0, 1),
    ('tnr', 'higher_is_better', 'rate', 'dimensionless', 0, 1),
    ('fpr', 'lower_is_better', 'rate', 'dimensionless', 0, 1),
    ('fnr', 'lower_is_better', 'rate', 'dimensionless', 0, 1),
    ('tp', 'higher_is_better', 'count', NULL, 0, NULL),
    ('tn', 'higher_is_better', 'count', NULL, 0, NULL),
    ('fp', 'lower_is_better', 'count', NULL, 0, NULL),
    ('fn', 'lower_is_better', 'count', NULL, 0, NULL),
    ('missing_preds', 'lower_is_better', 'count', NULL, 0, NULL),
    ('missing', 'lower_is_better', 'count', NULL, 0, NULL),
    -- Energies/forces within threshold (OC20 EFwT): the share of systems that pass.
    ('efwt', 'higher_is_better', 'rate', 'dimensionless', 0, 1),
    ('symmetry_match', 'higher_is_better', 'rate', 'dimensionless', 0, 1),
    ('symmetry_decrease', 'lower_is_better', 'rate', 'dimensionless', 0, 1),
    ('symmetry_increase', 'lower_is_better', 'rate', 'dimensionless', 0, 1),
    ('κ_failure_rate', 'lower_is_better', 'rate', 'dimensionless', 0, 1),
    ('imaginary_mode_rate', 'lower_is_better', 'rate', 'dimensionless', 0, 1),
    ('energy_diff_flips', 'lower_is_better', 'count', NULL, 0, NULL),
    ('force_flips', 'lower_is_better', 'count', NULL, 0, NULL),
    ('energy-diff-flip-times', 'lower_is_better', 'count', NULL, 0, NULL),
    ('n_structures', 'none', 'count', NULL, 0, NULL),
    ('n_systems', 'none', 'count', NULL, 0, NULL),
    -- MLIP Arena's Spearman coefficients: the ideal sign differs between them and the source file
    -- does not state it, so they are not ranked.
    ('spearman-compression-derivative', 'none', 'score', NULL, NULL, NULL),
    ('spearman-compression-energy', 'none', 'score', NULL, NULL, NULL),
    ('spearman-tension-energy', 'none', 'score', NULL, NULL, NULL),
    -- LAMBench: success rates of property workflows, MD stability (energy-drift slope) and cost.
    ('success_rate', 'higher_is_better', 'rate', 'dimensionless', 0, 1),
    ('slope', 'lower_is_better', 'score', NULL, NULL, NULL),
    ('momenta_diff', 'lower_is_better', 'error', NULL, 0, NULL),
    ('simulation_time', 'lower_is_better', 'score', NULL, NULL, NULL),
    ('average_time', 'lower_is_better', 'score', NULL, NULL, NULL),
    ('standard_deviation', 'none', 'score', NULL, NULL, NULL),
    ('steps', 'none', 'count', NULL, 0, NULL),
    ('nabh_h', 'lower_is_better', 'count', NULL, 0, NULL),
    ('maeb', 'lower_is_better', 'error', NULL, 0, NULL),
    -- The code also took any name with a word mae, rmse, mse, mad or error for an error; these are
    -- the names of that form LAMBench's results.json uses (the seed corpus's are listed above).
    ('energy_mae', 'lower_is_better', 'error', NULL, 0, NULL),
    ('energy_mae_natoms', 'lower_is_better', 'error', NULL, 0, NULL),
    ('energy_rmse_natoms', 'lower_is_better', 'error', NULL, 0, NULL),
    ('force_mae', 'lower_is_better', 'error', NULL, 0, NULL),
    ('virial_mae', 'lower_is_better', 'error', NULL, 0, NULL),
    ('virial_mae_natoms', 'lower_is_better', 'error', NULL, 0, NULL),
    ('virial_rmse', 'lower_is_better', 'error', NULL, 0, NULL),
    ('virial_rmse_natoms', 'lower_is_better', 'error', NULL, 0, NULL),
    ('mae_entropy', 'lower_is_better', 'error', NULL, 0, NULL),
    ('mae_free_energy', 'lower_is_better', 'error', NULL, 0, NULL),
    ('mae_heat_capacity', 'lower_is_better', 'error', NULL, 0, NULL),
    ('mae_max_freq', 'lower_is_better', 'error', NULL, 0, NULL),
    ('mae_ea', 'lower_is_better', 'error', NULL, 0, NULL),
    ('mae_de', 'lower_is_better', 'error', NULL, 0, NULL);
