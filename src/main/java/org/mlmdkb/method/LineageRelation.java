package org.mlmdkb.method;

/** How a lineage link relates a child method to its parent (method_lineage.relation). */
public final class LineageRelation {

  /** The child is built on the parent's architecture or model (every seeded link). */
  public static final String DERIVES_FROM = "derives_from";

  /** The child is the newer version that replaces the parent (Matbench's superseded_by). */
  public static final String SUPERSEDES = "supersedes";

  private LineageRelation() {}
}
