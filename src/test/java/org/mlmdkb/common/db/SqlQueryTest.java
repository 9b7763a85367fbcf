package org.mlmdkb.common.db;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** Optional filters joined into one WHERE clause, each with its named parameter. */
class SqlQueryTest {

  @Test
  void noConditionIsNoWhereClause() {
    assertEquals("", new SqlQuery().whereClause());
  }

  @Test
  void conditionsAreJoinedByAndInTheOrderAdded() {
    SqlQuery q = new SqlQuery().where("r.task = :task", "task", "energy").where("r.n > 0");
    assertEquals(" WHERE r.task = :task AND r.n > 0", q.whereClause());
  }

  @Test
  void aNameBoundTwiceWithTheSameValueIsOneParameter() {
    SqlQuery q =
        new SqlQuery()
            .where("r.metric = :metric", "metric", "MAE")
            .where("lower(r.metric) = lower(:metric)", "metric", "MAE");
    assertEquals(" WHERE r.metric = :metric AND lower(r.metric) = lower(:metric)", q.whereClause());
  }

  @Test
  void aNameBoundTwiceWithDifferentValuesIsRefused() {
    SqlQuery q = new SqlQuery().where("r.task = :task", "task", "energy");
    assertThrows(IllegalArgumentException.class, () -> q.bind("task", "forces"));
  }

  @Test
  void arraysWithEqualElementsCountAsTheSameValue() {
    SqlQuery q = new SqlQuery().where("m.slug = ANY (:methods)", "methods", new String[] {"mace"});
    q.bind("methods", new String[] {"mace"});
    assertEquals(" WHERE m.slug = ANY (:methods)", q.whereClause());
  }

  @Test
  void nameContainsMatchesNameSlugOrAliasWithLikeWildcardsTakenLiterally() {
    SqlQuery q = new SqlQuery().whereNameContains("d", "50%_a\\b");
    assertEquals(
        " WHERE (d.name ILIKE :like OR d.slug ILIKE :like OR EXISTS (SELECT 1 FROM"
            + " unnest(d.aliases) a WHERE a ILIKE :like))",
        q.whereClause());
    q.bind("like", "%50\\%\\_a\\\\b%"); // the value it bound: accepted
    assertThrows(IllegalArgumentException.class, () -> q.bind("like", "%50%_a\\b%"));
  }
}
