package org.mlmdkb.result;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.geom.Ellipse2D;
import java.util.Comparator;
import java.util.List;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.labels.XYItemLabelGenerator;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.title.TextTitle;
import org.jfree.data.xy.XYDataset;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.mlmdkb.common.svg.SvgCharts;
import org.mlmdkb.result.BoardDtos.ParetoAxis;
import org.mlmdkb.result.BoardDtos.ParetoPoint;
import org.mlmdkb.result.BoardDtos.ParetoView;

/**
 * A two-axis Pareto view as a scatter: the front joined by a line and labelled with method names,
 * dominated methods in grey. A parameter-count axis is logarithmic (counts span four decades).
 */
final class ParetoChart {

  /** Most points one image shows. */
  static final int MAX_POINTS = 500;

  private static final int WIDTH = 960;
  private static final int HEIGHT = 640;

  private ParetoChart() {}

  static String svg(ParetoView view) {
    List<ParetoPoint> front =
        view.points().stream()
            .filter(ParetoPoint::onFront)
            .sorted(Comparator.comparing(p -> p.values().get(0)))
            .toList();
    List<ParetoPoint> dominated = view.points().stream().filter(p -> !p.onFront()).toList();
    XYSeriesCollection data = new XYSeriesCollection();
    data.addSeries(series("Pareto front", front));
    data.addSeries(series("dominated", dominated));
    XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer();
    renderer.setSeriesLinesVisible(0, true);
    renderer.setSeriesLinesVisible(1, false);
    renderer.setSeriesPaint(0, SvgCharts.TIED);
    renderer.setSeriesPaint(1, SvgCharts.DOMINATED);
    renderer.setSeriesStroke(0, new BasicStroke(1.5f));
    renderer.setSeriesShape(0, new Ellipse2D.Double(-4, -4, 8, 8));
    renderer.setSeriesShape(1, new Ellipse2D.Double(-3, -3, 6, 6));
    XYItemLabelGenerator names =
        (XYDataset d, int series, int item) ->
            series == 0 ? SvgCharts.label(front.get(item).method().name()) : null;
    renderer.setDefaultItemLabelGenerator(names);
    renderer.setSeriesItemLabelsVisible(0, true);
    renderer.setDefaultItemLabelFont(SvgCharts.LABEL_FONT);
    XYPlot plot = new XYPlot(data, axis(view.axes().get(0)), axis(view.axes().get(1)), renderer);
    plot.setBackgroundPaint(Color.WHITE);
    plot.setDomainGridlinePaint(Color.LIGHT_GRAY);
    plot.setRangeGridlinePaint(Color.LIGHT_GRAY);
    JFreeChart chart =
        new JFreeChart(
            SvgCharts.label("Pareto front on " + view.dataset().name()),
            SvgCharts.TITLE_FONT,
            plot,
            true);
    chart.addSubtitle(
        new TextTitle(
            view.nFront() + " of " + view.points().size() + " methods on the front",
            SvgCharts.LABEL_FONT));
    return SvgCharts.render(chart, WIDTH, HEIGHT);
  }

  private static XYSeries series(String name, List<ParetoPoint> points) {
    // No sorting and duplicates allowed: item i must stay point i for its label.
    XYSeries series = new XYSeries(name, false, true);
    points.forEach(p -> series.add(p.values().get(0), p.values().get(1)));
    return series;
  }

  private static ValueAxis axis(ParetoAxis a) {
    String direction =
        a.direction().equals("lower_is_better") ? "lower is better" : "higher is better";
    String label =
        SvgCharts.label(
            a.metric()
                + (a.target() == null ? "" : " of " + a.target())
                + " ["
                + a.unit()
                + "], "
                + direction);
    if (ParetoService.PARAMETER_COUNT.equals(a.metric())) {
      LogAxis log = new LogAxis(label);
      log.setSmallestValue(1);
      return log;
    }
    NumberAxis linear = new NumberAxis(label);
    linear.setAutoRangeIncludesZero(false);
    return linear;
  }
}
