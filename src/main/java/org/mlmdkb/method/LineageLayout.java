package org.mlmdkb.method;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.jgrapht.Graph;
import org.jgrapht.Graphs;
import org.jgrapht.graph.DefaultDirectedGraph;
import org.jgrapht.graph.DefaultEdge;
import org.jgrapht.graph.DirectedAcyclicGraph;
import org.mlmdkb.method.MethodDtos.LineageEdge;
import org.mlmdkb.method.MethodDtos.LineageGraph;
import org.mlmdkb.method.MethodDtos.LineageNode;

/**
 * Places a lineage's methods in columns, every parent left of its children: a layered
 * (Sugiyama-style) layout of jgrapht's DAG. Columns by longest path from the oldest ancestors, each
 * method then moved right next to its nearest child (so a lone ancestor does not sit far from it);
 * a link spanning several columns gets a waypoint in each column between, so it runs in a lane of
 * its own rather than behind another method's box; within a column, rows ordered by the mean row of
 * their neighbours, sweeping both ways, to uncross links.
 */
final class LineageLayout {

  /** Sweeps of the barycentre ordering; a few settle graphs of this size. */
  private static final int SWEEPS = 8;

  /** What occupies a row of a column: a method's box, or a waypoint of a long link. */
  sealed interface Slot permits Box, Waypoint {}

  record Box(LineageNode node) implements Slot {}

  record Waypoint(LineageEdge edge, int column) implements Slot {}

  private final List<List<Slot>> columns;
  private final Map<LineageEdge, List<Waypoint>> routes;
  private final Set<LineageEdge> cycleEdges;

  private LineageLayout(
      List<List<Slot>> columns,
      Map<LineageEdge, List<Waypoint>> routes,
      Set<LineageEdge> cycleEdges) {
    this.columns = columns;
    this.routes = routes;
    this.cycleEdges = cycleEdges;
  }

  /** Columns left to right, each top to bottom. */
  List<List<Slot>> columns() {
    return columns;
  }

  /** The waypoints a link passes, left to right; none when it joins neighbouring columns. */
  List<Waypoint> route(LineageEdge edge) {
    return routes.getOrDefault(edge, List.of());
  }

  /**
   * Whether a link closes a cycle and so is left out of the layering. Writes refuse cycles; one can
   * only come from data written around them, and is still drawn, pointing back.
   */
  boolean closesCycle(LineageEdge edge) {
    return cycleEdges.contains(edge);
  }

  static LineageLayout of(LineageGraph graph) {
    DirectedAcyclicGraph<String, LineageEdge> dag = new DirectedAcyclicGraph<>(LineageEdge.class);
    graph.nodes().forEach(n -> dag.addVertex(n.slug()));
    Set<LineageEdge> cycleEdges = new HashSet<>();
    for (LineageEdge e : graph.edges()) {
      try {
        dag.addEdge(e.parent(), e.child(), e);
      } catch (IllegalArgumentException cycle) {
        cycleEdges.add(e);
      }
    }
    Map<String, Integer> layer = layers(dag);
    int count = layer.values().stream().mapToInt(Integer::intValue).max().orElse(0) + 1;
    List<List<Slot>> columns = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      columns.add(new ArrayList<>());
    }
    // The first order, before any sweep: nearest generation, then oldest, then by name.
    graph.nodes().stream()
        .sorted(
            Comparator.comparingInt(LineageNode::generation)
                .thenComparing(LineageNode::year, Comparator.nullsLast(Comparator.naturalOrder()))
                .thenComparing(n -> n.name().toLowerCase(Locale.ROOT))
                .thenComparing(LineageNode::slug))
        .forEach(n -> columns.get(layer.get(n.slug())).add(new Box(n)));

    // The layered graph the ordering works on: methods, and a waypoint per column a link skips.
    Graph<Slot, DefaultEdge> layered = new DefaultDirectedGraph<>(DefaultEdge.class);
    Map<String, Slot> boxes = new HashMap<>();
    columns.forEach(c -> c.forEach(s -> boxes.put(((Box) s).node().slug(), s)));
    boxes.values().forEach(layered::addVertex);
    Map<LineageEdge, List<Waypoint>> routes = new LinkedHashMap<>();
    for (LineageEdge e : dag.edgeSet()) {
      Slot previous = boxes.get(e.parent());
      List<Waypoint> route = new ArrayList<>();
      for (int c = layer.get(e.parent()) + 1; c < layer.get(e.child()); c++) {
        Waypoint w = new Waypoint(e, c);
        layered.addVertex(w);
        layered.addEdge(previous, w);
        columns.get(c).add(w);
        route.add(w);
        previous = w;
      }
      layered.addEdge(previous, boxes.get(e.child()));
      routes.put(e, route);
    }
    uncross(layered, columns);
    return new LineageLayout(columns, routes, cycleEdges);
  }

  /** Longest path from the sources, then each method with children moved next to the nearest. */
  private static Map<String, Integer> layers(DirectedAcyclicGraph<String, LineageEdge> dag) {
    List<String> topological = new ArrayList<>();
    dag.iterator().forEachRemaining(topological::add);
    Map<String, Integer> layer = new HashMap<>();
    for (String v : topological) {
      layer.put(
          v,
          dag.incomingEdgesOf(v).stream()
              .mapToInt(e -> layer.get(dag.getEdgeSource(e)) + 1)
              .max()
              .orElse(0));
    }
    List<String> reverse = new ArrayList<>(topological);
    Collections.reverse(reverse);
    for (String v : reverse) {
      dag.outgoingEdgesOf(v).stream()
          .mapToInt(e -> layer.get(dag.getEdgeTarget(e)) - 1)
          .min()
          .ifPresent(nearest -> layer.put(v, nearest));
    }
    return layer;
  }

  private static void uncross(Graph<Slot, DefaultEdge> layered, List<List<Slot>> columns) {
    Map<Slot, Double> row = new HashMap<>();
    columns.forEach(c -> place(c, row));
    for (int sweep = 0; sweep < SWEEPS; sweep++) {
      boolean rightward = sweep % 2 == 0;
      for (int k = 0; k < columns.size(); k++) {
        List<Slot> column = columns.get(rightward ? k : columns.size() - 1 - k);
        // A stable sort: a slot without neighbours on that side keeps its place.
        column.sort(
            Comparator.comparingDouble(
                s ->
                    (rightward
                            ? Graphs.predecessorListOf(layered, s)
                            : Graphs.successorListOf(layered, s))
                        .stream().mapToDouble(row::get).average().orElse(row.get(s))));
        place(column, row);
      }
    }
  }

  /** Rows centred on 0, as the chart centres each column vertically. */
  private static void place(List<Slot> column, Map<Slot, Double> row) {
    for (int i = 0; i < column.size(); i++) {
      row.put(column.get(i), i - (column.size() - 1) / 2.0);
    }
  }
}
