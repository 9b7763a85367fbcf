package org.mlmdkb.method;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.jgrapht.graph.DirectedAcyclicGraph;
import org.mlmdkb.method.MethodDtos.LineageEdge;
import org.mlmdkb.method.MethodDtos.LineageGraph;
import org.mlmdkb.method.MethodDtos.LineageNode;

/**
 * Places a lineage's methods in columns, every parent left of its children: a layered layout of
 * jgrapht's DAG. Columns by longest path from the oldest ancestors, each method then moved right
 * next to its nearest child (so a lone ancestor does not sit far from it); within a column, rows
 * ordered by the mean row of their neighbours, sweeping both ways, to uncross links.
 */
final class LineageLayout {

  /** Sweeps of the barycentre ordering; a few settle graphs of this size. */
  private static final int SWEEPS = 8;

  private final List<List<LineageNode>> columns;
  private final Set<LineageEdge> cycleEdges;

  private LineageLayout(List<List<LineageNode>> columns, Set<LineageEdge> cycleEdges) {
    this.columns = columns;
    this.cycleEdges = cycleEdges;
  }

  /** Columns left to right, each top to bottom. */
  List<List<LineageNode>> columns() {
    return columns;
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
    Map<String, LineageNode> nodes = new HashMap<>();
    for (LineageNode n : graph.nodes()) {
      nodes.put(n.slug(), n);
      dag.addVertex(n.slug());
    }
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
    List<List<LineageNode>> columns = new ArrayList<>();
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
        .forEach(n -> columns.get(layer.get(n.slug())).add(n));
    uncross(dag, columns);
    return new LineageLayout(columns, cycleEdges);
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

  private static void uncross(
      DirectedAcyclicGraph<String, LineageEdge> dag, List<List<LineageNode>> columns) {
    Function<String, List<String>> parents =
        v -> dag.incomingEdgesOf(v).stream().map(dag::getEdgeSource).toList();
    Function<String, List<String>> children =
        v -> dag.outgoingEdgesOf(v).stream().map(dag::getEdgeTarget).toList();
    Map<String, Double> row = new HashMap<>();
    columns.forEach(c -> place(c, row));
    for (int sweep = 0; sweep < SWEEPS; sweep++) {
      boolean rightward = sweep % 2 == 0;
      Function<String, List<String>> neighbours = rightward ? parents : children;
      for (int k = 0; k < columns.size(); k++) {
        List<LineageNode> column = columns.get(rightward ? k : columns.size() - 1 - k);
        // A stable sort: a method without neighbours on that side keeps its place.
        column.sort(
            Comparator.comparingDouble(
                n ->
                    neighbours.apply(n.slug()).stream()
                        .mapToDouble(row::get)
                        .average()
                        .orElse(row.get(n.slug()))));
        place(column, row);
      }
    }
  }

  /** Rows centred on 0, as the chart centres each column vertically. */
  private static void place(List<LineageNode> column, Map<String, Double> row) {
    for (int i = 0; i < column.size(); i++) {
      row.put(column.get(i).slug(), i - (column.size() - 1) / 2.0);
    }
  }
}
