package org.mlmdkb.method;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Stroke;
import java.awt.geom.Path2D;
import java.awt.geom.RoundRectangle2D;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jfree.svg.SVGGraphics2D;
import org.jfree.svg.SVGHints;
import org.mlmdkb.common.svg.SvgCharts;
import org.mlmdkb.method.MethodDtos.LineageEdge;
import org.mlmdkb.method.MethodDtos.LineageGraph;
import org.mlmdkb.method.MethodDtos.LineageNode;

/**
 * A method's lineage drawn as boxes (name, year when known) in columns from the oldest ancestor on
 * the left to the newest descendant on the right, arrows parent → child; "supersedes" links dashed;
 * the method itself filled. Each box is an SVG group with the id {@code method-<slug>}, a hook for
 * a page's styles and scripts.
 */
final class LineageChart {

  /** Longest name drawn in a box; a longer one ends with an ellipsis. */
  static final int MAX_NAME_LENGTH = 32;

  private static final Font NAME_FONT = SvgCharts.LABEL_FONT.deriveFont(Font.BOLD);
  private static final Font YEAR_FONT = SvgCharts.LABEL_FONT.deriveFont(11f);
  private static final Color FOCUS = SvgCharts.BAR;
  private static final Color ANCESTOR = new Color(0xE4, 0xEC, 0xF7);
  private static final Color DESCENDANT = new Color(0xFB, 0xEA, 0xDB);
  private static final Color OUTLINE = new Color(0x55, 0x55, 0x55);
  private static final Color LINK = new Color(0x44, 0x44, 0x44);
  private static final Stroke DERIVES = new BasicStroke(1.3f);
  private static final Stroke SUPERSEDES =
      new BasicStroke(
          1.3f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {6f, 4f}, 0f);

  private static final int MARGIN = 20;
  private static final int HEADER = 62;
  private static final int FOOTER = 40;
  private static final int BOX_HEIGHT = 40;
  private static final int ROW_GAP = 14;
  private static final int COLUMN_GAP = 56;
  private static final int PAD = 14;
  private static final int MIN_BOX_WIDTH = 84;
  private static final int MIN_WIDTH = 520;
  private static final int ARROW = 7;

  /** Height of a waypoint's lane: a long link passing a column between methods. */
  private static final int LANE = 10;

  /** Where a slot sits: its column's left edge and width, its top and height. */
  private record Place(double x, double y, double width, double height) {
    double midY() {
      return y + height / 2.0;
    }
  }

  private LineageChart() {}

  static String svg(LineageGraph graph) {
    LineageLayout layout = LineageLayout.of(graph);
    List<List<LineageLayout.Slot>> columns = layout.columns();
    // Text is measured with a throw-away canvas's metrics; browsers' fonts differ a little, so
    // boxes keep some slack (PAD) on both sides.
    FontMetrics nameMetrics = SvgCharts.canvas(1, 1).getFontMetrics(NAME_FONT);
    int[] widths = new int[columns.size()];
    double contentHeight = 0;
    for (int c = 0; c < columns.size(); c++) {
      int widest = MIN_BOX_WIDTH;
      for (LineageLayout.Slot slot : columns.get(c)) {
        if (slot instanceof LineageLayout.Box box) {
          widest = Math.max(widest, nameMetrics.stringWidth(name(box.node())) + 2 * PAD);
        }
      }
      widths[c] = widest;
      contentHeight = Math.max(contentHeight, height(columns.get(c)));
    }
    Map<LineageLayout.Slot, Place> places = new HashMap<>();
    double x = MARGIN;
    for (int c = 0; c < columns.size(); c++) {
      List<LineageLayout.Slot> column = columns.get(c);
      double y = HEADER + (contentHeight - height(column)) / 2.0;
      for (LineageLayout.Slot slot : column) {
        double h = slot instanceof LineageLayout.Box ? BOX_HEIGHT : LANE;
        places.put(slot, new Place(x, y, widths[c], h));
        y += h + ROW_GAP;
      }
      x += widths[c] + COLUMN_GAP;
    }
    Map<String, Place> boxes = new HashMap<>();
    places.forEach(
        (slot, place) -> {
          if (slot instanceof LineageLayout.Box box) {
            boxes.put(box.node().slug(), place);
          }
        });
    String title = SvgCharts.label("Lineage of " + focus(graph).name());
    int width =
        Math.max(
            MIN_WIDTH,
            Math.max(
                (int) Math.ceil(x - COLUMN_GAP + MARGIN),
                SvgCharts.canvas(1, 1).getFontMetrics(SvgCharts.TITLE_FONT).stringWidth(title)
                    + 2 * MARGIN));
    int height = HEADER + (int) Math.ceil(contentHeight) + FOOTER;

    SVGGraphics2D g = SvgCharts.canvas(width, height);
    g.setColor(Color.WHITE);
    g.fillRect(0, 0, width, height);
    header(g, graph, title);
    for (LineageEdge e : graph.edges()) {
      List<Place> lanes = layout.route(e).stream().map(places::get).toList();
      link(g, boxes.get(e.parent()), lanes, boxes.get(e.child()), e, layout.closesCycle(e));
    }
    for (LineageNode n : graph.nodes()) {
      box(g, n, boxes.get(n.slug()));
    }
    legend(g, height - FOOTER + 24);
    return SvgCharts.document(g);
  }

  private static double height(List<LineageLayout.Slot> column) {
    double h = -ROW_GAP;
    for (LineageLayout.Slot slot : column) {
      h += (slot instanceof LineageLayout.Box ? BOX_HEIGHT : LANE) + ROW_GAP;
    }
    return Math.max(h, 0);
  }

  private static void header(SVGGraphics2D g, LineageGraph graph, String title) {
    long ancestors = graph.nodes().stream().filter(n -> n.generation() < 0).count();
    long descendants = graph.nodes().stream().filter(n -> n.generation() > 0).count();
    g.setColor(Color.BLACK);
    g.setFont(SvgCharts.TITLE_FONT);
    g.drawString(title, MARGIN, 26);
    g.setFont(SvgCharts.LABEL_FONT);
    g.drawString(
        ancestors
            + (ancestors == 1 ? " ancestor, " : " ancestors, ")
            + descendants
            + (descendants == 1 ? " descendant" : " descendants")
            + " within "
            + graph.depth()
            + (graph.depth() == 1 ? " generation" : " generations")
            + "; older methods on the left",
        MARGIN,
        46);
  }

  /**
   * A curve from the parent's right edge to the child's left edge, straight through the lane of
   * each column it passes, ending in an arrowhead; a link closing a cycle runs from the parent's
   * left edge back to the child's right edge.
   */
  private static void link(
      SVGGraphics2D g,
      Place parent,
      List<Place> lanes,
      Place child,
      LineageEdge edge,
      boolean closesCycle) {
    double x2 = closesCycle ? child.x() + child.width() : child.x();
    double y2 = child.midY();
    double tip = closesCycle ? x2 + ARROW : x2 - ARROW;
    Path2D curve = new Path2D.Double();
    double x = closesCycle ? parent.x() : parent.x() + parent.width();
    double y = parent.midY();
    curve.moveTo(x, y);
    for (Place lane : lanes) {
      bend(curve, x, y, lane.x(), lane.midY());
      x = lane.x() + lane.width();
      y = lane.midY();
      curve.lineTo(x, y);
    }
    bend(curve, x, y, tip, y2);
    g.setColor(LINK);
    g.setStroke(LineageRelation.SUPERSEDES.equals(edge.relation()) ? SUPERSEDES : DERIVES);
    g.draw(curve);
    Path2D head = new Path2D.Double();
    head.moveTo(x2, y2);
    head.lineTo(tip, y2 - ARROW / 2.0 - 1);
    head.lineTo(tip, y2 + ARROW / 2.0 + 1);
    head.closePath();
    g.fill(head);
  }

  /** An S-curve from the current point, leaving and arriving horizontally. */
  private static void bend(Path2D path, double x1, double y1, double x2, double y2) {
    double half = (x2 - x1) / 2;
    path.curveTo(x1 + half, y1, x2 - half, y2, x2, y2);
  }

  private static void box(SVGGraphics2D g, LineageNode n, Place b) {
    boolean focus = n.generation() == 0;
    Map<String, String> group = new LinkedHashMap<>();
    group.put("id", "method-" + n.slug());
    group.put(
        "class",
        "lineage-method " + (focus ? "focus" : n.generation() < 0 ? "ancestor" : "descendant"));
    g.setRenderingHint(SVGHints.KEY_BEGIN_GROUP, group);
    RoundRectangle2D shape = new RoundRectangle2D.Double(b.x(), b.y(), b.width(), b.height(), 8, 8);
    g.setColor(focus ? FOCUS : n.generation() < 0 ? ANCESTOR : DESCENDANT);
    g.fill(shape);
    g.setColor(OUTLINE);
    g.setStroke(new BasicStroke(focus ? 2f : 1f));
    g.draw(shape);
    g.setColor(focus ? Color.WHITE : Color.BLACK);
    String name = name(n);
    g.setFont(NAME_FONT);
    int nameWidth = g.getFontMetrics().stringWidth(name);
    double nameY = n.year() == null ? b.midY() + 4 : b.y() + 17;
    g.drawString(name, (float) (b.x() + (b.width() - nameWidth) / 2), (float) nameY);
    if (n.year() != null) {
      String year = String.valueOf(n.year());
      g.setFont(YEAR_FONT);
      int yearWidth = g.getFontMetrics().stringWidth(year);
      g.drawString(year, (float) (b.x() + (b.width() - yearWidth) / 2), (float) (b.y() + 32));
    }
    g.setRenderingHint(SVGHints.KEY_END_GROUP, "true");
  }

  /** What the two kinds of arrow mean. */
  private static void legend(SVGGraphics2D g, int y) {
    g.setFont(SvgCharts.LABEL_FONT);
    int x = MARGIN;
    for (String relation : List.of(LineageRelation.DERIVES_FROM, LineageRelation.SUPERSEDES)) {
      boolean supersedes = relation.equals(LineageRelation.SUPERSEDES);
      g.setColor(LINK);
      g.setStroke(supersedes ? SUPERSEDES : DERIVES);
      g.drawLine(x, y - 4, x + 30, y - 4);
      g.setColor(Color.BLACK);
      String text = supersedes ? "newer version supersedes older" : "child derives from parent";
      g.drawString(text, x + 38, y);
      x += 38 + g.getFontMetrics().stringWidth(text) + 28;
    }
  }

  private static LineageNode focus(LineageGraph graph) {
    return graph.nodes().stream().filter(n -> n.generation() == 0).findFirst().orElseThrow();
  }

  private static String name(LineageNode n) {
    return SvgCharts.label(n.name(), MAX_NAME_LENGTH);
  }
}
