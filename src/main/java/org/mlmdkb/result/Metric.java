package org.mlmdkb.result;

import java.util.Locale;
import java.util.Map;

/**
 * Metric semantics: which way is better and what kind of number a metric is, by metric name (and
 * target where a name is ambiguous). Names come from results.json; a metric not listed here has no
 * direction and is never ranked, rather than ranked by a guess.
 */
public record Metric(Direction direction, Kind kind) {

  /** Which way a better result lies. */
  public enum Direction {
    LOWER_IS_BETTER,
    HIGHER_IS_BETTER,
    // Descriptive numbers (how many structures were tested) or metrics whose sign convention the
    // source does not state; they are shown but never ranked.
    NONE;

    public String wire() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  /** What the number measures. */
  public enum Kind {
    ERROR,
    SCORE,
    COUNT,
    RATE;

    public String wire() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  private static final Metric ERROR = new Metric(Direction.LOWER_IS_BETTER, Kind.ERROR);
  private static final Metric SCORE = new Metric(Direction.HIGHER_IS_BETTER, Kind.SCORE);
  private static final Metric BAD_RATE = new Metric(Direction.LOWER_IS_BETTER, Kind.RATE);
  private static final Metric GOOD_RATE = new Metric(Direction.HIGHER_IS_BETTER, Kind.RATE);
  private static final Metric BAD_COUNT = new Metric(Direction.LOWER_IS_BETTER, Kind.COUNT);
  private static final Metric GOOD_COUNT = new Metric(Direction.HIGHER_IS_BETTER, Kind.COUNT);
  private static final Metric TALLY = new Metric(Direction.NONE, Kind.COUNT);
  private static final Metric UNRANKED_SCORE = new Metric(Direction.NONE, Kind.SCORE);

  // Keys are lower-cased metric names without a "(symprec=…)" qualifier.
  private static final Map<String, Metric> BY_NAME =
      Map.ofEntries(
          // Errors of energies, forces, stresses, geometry and MD observables.
          Map.entry("mae", ERROR),
          Map.entry("rmse", ERROR),
          Map.entry("energy_rmse", ERROR),
          Map.entry("force_rmse", ERROR),
          Map.entry("pressure_mae", ERROR),
          Map.entry("pressure_wasserstein", ERROR),
          Map.entry("pressure_error", ERROR),
          Map.entry("rdf_error", ERROR),
          Map.entry("adf_error", ERROR),
          Map.entry("vdos_error", ERROR),
          Map.entry("n_sym_ops_mae", ERROR),
          Map.entry("rmsd", ERROR),
          Map.entry("pbe_energy_mae", ERROR),
          Map.entry("pbe_force_mae", ERROR),
          Map.entry("pbe_bond_length_error", ERROR),
          Map.entry("pbe_vib_freq_error", ERROR),
          Map.entry("pbe_wall_dist_mae", ERROR),
          Map.entry("pbe_well_depth_error", ERROR),
          Map.entry("energy_jump", ERROR),
          Map.entry("force_jump", ERROR),
          Map.entry("force_total_variation", ERROR),
          // Tortuosity is 1 for a smooth curve and grows with unphysical wiggles.
          Map.entry("tortuosity", ERROR),
          // Matbench Discovery's symmetric relative (mean) errors and deviation of κ.
          Map.entry("κ_srme", ERROR),
          Map.entry("κ_sre", ERROR),
          Map.entry("κ_srd", ERROR),
          // Classification scores of stable-crystal discovery.
          Map.entry("f1", SCORE),
          Map.entry("daf", SCORE),
          Map.entry("precision", SCORE),
          Map.entry("recall", SCORE),
          Map.entry("accuracy", SCORE),
          Map.entry("r2", SCORE),
          Map.entry("tpr", GOOD_RATE),
          Map.entry("tnr", GOOD_RATE),
          Map.entry("fpr", BAD_RATE),
          Map.entry("fnr", BAD_RATE),
          Map.entry("tp", GOOD_COUNT),
          Map.entry("tn", GOOD_COUNT),
          Map.entry("fp", BAD_COUNT),
          Map.entry("fn", BAD_COUNT),
          Map.entry("missing_preds", BAD_COUNT),
          Map.entry("missing", BAD_COUNT),
          // Energies/forces within threshold (OC20 EFwT): the share of systems that pass.
          Map.entry("efwt", GOOD_RATE),
          Map.entry("symmetry_match", GOOD_RATE),
          Map.entry("symmetry_decrease", BAD_RATE),
          Map.entry("symmetry_increase", BAD_RATE),
          Map.entry("κ_failure_rate", BAD_RATE),
          Map.entry("imaginary_mode_rate", BAD_RATE),
          Map.entry("energy_diff_flips", BAD_COUNT),
          Map.entry("force_flips", BAD_COUNT),
          Map.entry("energy-diff-flip-times", BAD_COUNT),
          Map.entry("n_structures", TALLY),
          Map.entry("n_systems", TALLY),
          // MLIP Arena's Spearman coefficients: the ideal sign differs between them and the
          // source file does not state it, so they are not ranked.
          Map.entry("spearman-compression-derivative", UNRANKED_SCORE),
          Map.entry("spearman-compression-energy", UNRANKED_SCORE),
          Map.entry("spearman-tension-energy", UNRANKED_SCORE),
          // LAMBench: success rates of property workflows, MD stability and cost.
          Map.entry("success_rate", GOOD_RATE),
          Map.entry("slope", new Metric(Direction.LOWER_IS_BETTER, Kind.SCORE)),
          Map.entry("momenta_diff", ERROR),
          Map.entry("simulation_time", new Metric(Direction.LOWER_IS_BETTER, Kind.SCORE)),
          Map.entry("average_time", new Metric(Direction.LOWER_IS_BETTER, Kind.SCORE)),
          Map.entry("standard_deviation", UNRANKED_SCORE),
          Map.entry("steps", TALLY),
          Map.entry("nabh_h", BAD_COUNT),
          Map.entry("maeb", ERROR));

  /** Names that say they are an error ("energy_rmse_natoms", "MAE_G_VRH", "mae_entropy"). */
  private static final java.util.regex.Pattern ERROR_NAME =
      java.util.regex.Pattern.compile("(^|_)(mae|rmse|mse|mad|error)(_|$)");

  private static final Metric UNKNOWN = new Metric(Direction.NONE, Kind.SCORE);

  /** The semantics of metric {@code name}, e.g. "F1" or "n_structures (symprec=1e-5)". */
  public static Metric of(String name) {
    if (name == null) {
      return UNKNOWN;
    }
    String key = key(name);
    Metric listed = BY_NAME.get(key);
    if (listed != null) {
      return listed;
    }
    return ERROR_NAME.matcher(key).find() ? ERROR : UNKNOWN;
  }

  /** Whether the registry lists {@code name} or its name says it is an error. */
  public static boolean isKnown(String name) {
    return name != null && (BY_NAME.containsKey(key(name)) || ERROR_NAME.matcher(key(name)).find());
  }

  private static String key(String name) {
    return name.replaceAll("\\s*\\(.*\\)$", "").strip().toLowerCase(Locale.ROOT);
  }

  public boolean ranked() {
    return direction != Direction.NONE;
  }
}
