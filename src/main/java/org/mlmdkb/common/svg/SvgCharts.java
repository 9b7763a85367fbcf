package org.mlmdkb.common.svg;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Rectangle;
import org.jfree.chart.JFreeChart;
import org.jfree.svg.SVGGraphics2D;

/**
 * What every SVG chart shares (boards, Pareto views, method lineages): headless drawing on
 * JFreeSVG, fonts, colours and label hygiene.
 */
public final class SvgCharts {

  static {
    // Charts are drawn on a server without a display; AWT must not look for one.
    System.setProperty("java.awt.headless", "true");
  }

  public static final String MEDIA_TYPE = "image/svg+xml";

  public static final Font LABEL_FONT = new Font(Font.SANS_SERIF, Font.PLAIN, 12);
  public static final Font TITLE_FONT = new Font(Font.SANS_SERIF, Font.BOLD, 15);
  public static final Color BAR = new Color(0x4C, 0x72, 0xB0);
  public static final Color TIED = new Color(0xDD, 0x84, 0x52);
  public static final Color DOMINATED = new Color(0x9A, 0x9A, 0x9A);
  public static final BasicStroke WHISKER = new BasicStroke(1.2f);

  /** Longest label drawn; a longer name is cut with an ellipsis rather than widen the image. */
  public static final int MAX_LABEL_LENGTH = 80;

  private SvgCharts() {}

  /** A canvas of {@code width} × {@code height} pixels whose documents are reproducible. */
  public static SVGGraphics2D canvas(int width, int height) {
    SVGGraphics2D g = new SVGGraphics2D(width, height);
    // The default id prefix comes from the clock; a fixed one gives equal images equal ETags.
    g.setDefsKeyPrefix("kb");
    return g;
  }

  /** The chart as a standalone SVG document of {@code width} × {@code height} pixels. */
  public static String render(JFreeChart chart, int width, int height) {
    chart.setBackgroundPaint(Color.WHITE);
    SVGGraphics2D g = canvas(width, height);
    chart.draw(g, new Rectangle(0, 0, width, height));
    return document(g);
  }

  /**
   * What was drawn on {@code g} as a standalone SVG document, without a DOCTYPE (getSVGDocument's
   * points at a remote DTD, which XML parsers then fetch).
   */
  public static String document(SVGGraphics2D g) {
    return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" + g.getSVGElement() + "\n";
  }

  /** {@link #label(String, int)} cut at {@link #MAX_LABEL_LENGTH}. */
  public static String label(String text) {
    return label(text, MAX_LABEL_LENGTH);
  }

  /**
   * A label safe to draw: control characters (which XML 1.0 cannot carry even escaped) and lone
   * surrogates dropped, length bounded. JFreeSVG escapes &lt;, &amp; and quotes itself.
   */
  public static String label(String text, int maxLength) {
    if (text == null) {
      return "";
    }
    StringBuilder out = new StringBuilder();
    text.codePoints()
        .filter(cp -> !Character.isISOControl(cp))
        .filter(cp -> cp < Character.MIN_SURROGATE || cp > Character.MAX_SURROGATE)
        .filter(cp -> cp != 0xFFFE && cp != 0xFFFF)
        .forEach(out::appendCodePoint);
    String clean = out.toString().strip();
    return clean.codePointCount(0, clean.length()) <= maxLength
        ? clean
        : clean.substring(0, clean.offsetByCodePoints(0, maxLength - 1)) + "…";
  }
}
