package org.mlmdkb.result;

import java.awt.Paint;
import java.util.List;
import java.util.Objects;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.renderer.category.StatisticalBarRenderer;
import org.jfree.chart.title.TextTitle;
import org.jfree.data.statistics.DefaultStatisticalCategoryDataset;
import org.mlmdkb.common.svg.SvgCharts;
import org.mlmdkb.result.BoardDtos.BoardRow;
import org.mlmdkb.result.BoardDtos.Leaderboard;

/**
 * A leaderboard as horizontal bars in rank order: whiskers show ± uncertainty, a tied row is
 * labelled "2=" and drawn in another colour.
 */
final class BoardChart {

  /** Most rows one image shows; a larger board must be cut with {@code limit}. */
  static final int MAX_ROWS = 100;

  private static final int WIDTH = 960;
  private static final int ROW_HEIGHT = 22;
  private static final int FRAME_HEIGHT = 110;

  private BoardChart() {}

  static String svg(Leaderboard board) {
    List<BoardRow> rows = board.rows();
    DefaultStatisticalCategoryDataset data = new DefaultStatisticalCategoryDataset();
    boolean[] tied = new boolean[rows.size()];
    for (int i = 0; i < rows.size(); i++) {
      BoardRow r = rows.get(i);
      tied[i] = r.tied();
      data.add(r.value(), r.uncertainty(), "value", new RowLabel(i, label(r)));
    }
    StatisticalBarRenderer bars =
        new StatisticalBarRenderer() {
          @Override
          public Paint getItemPaint(int row, int column) {
            return tied[column] ? SvgCharts.TIED : SvgCharts.BAR;
          }
        };
    bars.setErrorIndicatorPaint(java.awt.Color.BLACK);
    bars.setErrorIndicatorStroke(SvgCharts.WHISKER);
    bars.setShadowVisible(false);
    bars.setDrawBarOutline(false);
    bars.setBarPainter(new org.jfree.chart.renderer.category.StandardBarPainter());
    CategoryAxis methods = new CategoryAxis(null);
    methods.setTickLabelFont(SvgCharts.LABEL_FONT);
    methods.setMaximumCategoryLabelWidthRatio(0.4f);
    methods.setLowerMargin(0.01);
    methods.setUpperMargin(0.01);
    NumberAxis values = new NumberAxis(SvgCharts.label(axisLabel(board)));
    values.setTickLabelFont(SvgCharts.LABEL_FONT);
    values.setAutoRangeIncludesZero(true);
    CategoryPlot plot = new CategoryPlot(data, methods, values, bars);
    plot.setOrientation(PlotOrientation.HORIZONTAL);
    JFreeChart chart =
        new JFreeChart(SvgCharts.label(title(board)), SvgCharts.TITLE_FONT, plot, false);
    chart.addSubtitle(
        new TextTitle(
            (board.direction().equals("none")
                    ? "unranked (the metric has no direction)"
                    : board.direction().replace('_', ' '))
                + "; whiskers ± uncertainty; \"=\" marks a tie (equal values or overlapping"
                + " uncertainties)",
            SvgCharts.LABEL_FONT));
    return SvgCharts.render(chart, WIDTH, FRAME_HEIGHT + ROW_HEIGHT * Math.max(rows.size(), 1));
  }

  private static String label(BoardRow r) {
    String rank = r.rank() == null ? "" : r.rank() + (r.tied() ? "=" : "") + "  ";
    String variant = r.methodVariant() == null ? "" : " (" + r.methodVariant() + ")";
    return SvgCharts.label(rank + r.method().name() + variant);
  }

  private static String title(Leaderboard b) {
    BoardDtos.Fingerprint f = b.fingerprint();
    return f.dataset().name()
        + (f.subset() == null ? "" : " / " + f.subset().name())
        + ": "
        + f.metric()
        + " of "
        + f.target();
  }

  private static String axisLabel(Leaderboard b) {
    return b.fingerprint().metric() + " [" + b.unit() + "]";
  }

  /**
   * A category that keeps the board's order and stays distinct when two rows print alike (same
   * method name under per=method cannot happen, but curated names may collide).
   */
  private record RowLabel(int index, String text) implements Comparable<RowLabel> {
    @Override
    public int compareTo(RowLabel o) {
      return Integer.compare(index, o.index);
    }

    @Override
    public String toString() {
      return text;
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof RowLabel other && other.index == index;
    }

    @Override
    public int hashCode() {
      return Objects.hash(index);
    }
  }
}
