package org.mlmdkb.result;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Rectangle;
import org.jfree.chart.JFreeChart;
import org.jfree.svg.SVGGraphics2D;

/** What every SVG chart shares: headless drawing on JFreeSVG, fonts, colours and label hygiene. */
final class SvgCharts {

  static {
    // Charts are drawn on a server without a display; AWT must not look for one.
    System.setProperty("java.awt.headless", "true");
  }

  static final Font LABEL_FONT = new Font(Font.SANS_SERIF, Font.PLAIN, 12);
  static final Font TITLE_FONT = new Font(Font.SANS_SERIF, Font.BOLD, 15);
  static final Color BAR = new Color(0x4C, 0x72, 0xB0);
  static final Color TIED = new Color(0xDD, 0x84, 0x52);
  static final Color DOMINATED = new Color(0x9A, 0x9A, 0x9A);
  static final BasicStroke WHISKER = new BasicStroke(1.2f);

  /** Longest label drawn; a longer name is cut with an ellipsis rather than widen the image. */
  static final int MAX_LABEL_LENGTH = 80;

  private SvgCharts() {}

  /**
   * The chart as a standalone SVG document of {@code width} × {@code height} pixels. Without a
   * DOCTYPE (getSVGDocument's points at a remote DTD, which XML parsers then fetch), and with a
   * fixed id prefix (the default one comes from the clock) so equal charts have equal ETags.
   */
  static String render(JFreeChart chart, int width, int height) {
    chart.setBackgroundPaint(Color.WHITE);
    SVGGraphics2D g = new SVGGraphics2D(width, height);
    g.setDefsKeyPrefix("kb");
    chart.draw(g, new Rectangle(0, 0, width, height));
    return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" + g.getSVGElement() + "\n";
  }

  /**
   * A label safe to draw: control characters (which XML 1.0 cannot carry even escaped) and lone
   * surrogates dropped, length bounded. JFreeSVG escapes &lt;, &amp; and quotes itself.
   */
  static String label(String text) {
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
    return clean.codePointCount(0, clean.length()) <= MAX_LABEL_LENGTH
        ? clean
        : clean.substring(0, clean.offsetByCodePoints(0, MAX_LABEL_LENGTH - 1)) + "…";
  }
}
