package org.mlmdkb.metric;

import java.math.BigDecimal;
import java.util.Locale;
import java.util.regex.Pattern;
import org.mlmdkb.common.query.WireNamed;

/**
 * A registered metric's semantics: which way is better, what kind of number it is, the dimension
 * its unit must have (null: any) and the range its values lie in, in the dimension's canonical unit
 * (null bounds are open). A metric without a direction is stored and listed but never ranked.
 */
public record Metric(
    String name,
    Direction direction,
    Kind kind,
    Dimension dimension,
    BigDecimal min,
    BigDecimal max) {

  /** A trailing qualifier in parentheses, "(symprec=1e-5)"; compiled once, as keys are per row. */
  private static final Pattern QUALIFIER = Pattern.compile("\\s*\\(.*\\)$");

  /** Which way a better result lies. */
  public enum Direction implements WireNamed {
    LOWER_IS_BETTER,
    HIGHER_IS_BETTER,
    // Descriptive numbers (how many structures were tested) or metrics whose sign convention the
    // source does not state; they are shown but never ranked.
    NONE;
  }

  /** What the number measures. */
  public enum Kind implements WireNamed {
    ERROR("an error"),
    SCORE("a score"),
    COUNT("a count"),
    RATE("a rate");

    private final String noun;

    Kind(String noun) {
      this.noun = noun;
    }

    /** With its article, for messages: "an error". */
    public String noun() {
      return noun;
    }
  }

  /**
   * What boards show for a result whose metric the registry does not hold (only rows written around
   * the API can have one): a score, unranked.
   */
  public static Metric unregistered(String name) {
    return new Metric(key(name), Direction.NONE, Kind.SCORE, null, null, null);
  }

  /**
   * The registry name a result's metric is filed under: lower case, without a "(symprec=…)"
   * qualifier ("symmetry_match (symprec=1e-5)" → "symmetry_match"). SQL's {@code metric_key} (V152)
   * computes the same.
   */
  public static String key(String resultMetric) {
    return QUALIFIER.matcher(resultMetric).replaceAll("").strip().toLowerCase(Locale.ROOT);
  }

  public boolean ranked() {
    return direction != Direction.NONE;
  }
}
