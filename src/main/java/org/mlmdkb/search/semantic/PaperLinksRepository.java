package org.mlmdkb.search.semantic;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.Query;
import org.mlmdkb.common.db.Sql;

/** Papers found by meaning, as lists show them: title, year, and what they share with a paper. */
@ApplicationScoped
public class PaperLinksRepository {

  /** A live paper with the methods, datasets and tags it shares with another one. */
  public record Linked(
      long id,
      String title,
      Integer year,
      List<String> sharedMethods,
      List<String> sharedDatasets,
      List<String> sharedTags) {}

  private static final String SHARED =
      """
      WITH c AS (SELECT unnest(:ids::bigint[]) AS id)
      SELECT p.id, p.title, p.year,
             coalesce((SELECT array_agg(DISTINCT x.slug ORDER BY x.slug)
                       FROM paper_method a
                       JOIN paper_method b ON b.method_id = a.method_id AND b.paper_id = p.id
                       JOIN live_method x ON x.id = a.method_id
                       WHERE a.paper_id = :paper_id), '{}'),
             coalesce((SELECT array_agg(DISTINCT x.slug ORDER BY x.slug)
                       FROM paper_dataset a
                       JOIN paper_dataset b ON b.dataset_id = a.dataset_id AND b.paper_id = p.id
                       JOIN live_dataset x ON x.id = a.dataset_id
                       WHERE a.paper_id = :paper_id), '{}'),
             coalesce((SELECT array_agg(DISTINCT a.tag_slug ORDER BY a.tag_slug)
                       FROM paper_tag a
                       JOIN paper_tag b ON b.tag_slug = a.tag_slug AND b.paper_id = p.id
                       WHERE a.paper_id = :paper_id), '{}')
      FROM c JOIN live_paper p ON p.id = c.id
      """;

  private static final String TITLES =
      """
      SELECT id, title, year FROM live_paper WHERE id = ANY(:ids)
      """;

  private final AgroalDataSource dataSource;

  public PaperLinksRepository(AgroalDataSource dataSource) {
    this.dataSource = dataSource;
  }

  /** The live papers among {@code ids}, with what each shares with {@code paperId}. */
  public Map<Long, Linked> sharedWith(long paperId, Collection<Long> ids) throws SQLException {
    return byId(
        SHARED,
        ids,
        q -> q.bind("paper_id", paperId),
        (rs, ctx) ->
            new Linked(
                rs.getLong(1),
                rs.getString(2),
                (Integer) rs.getObject(3),
                Sql.texts(rs.getArray(4)),
                Sql.texts(rs.getArray(5)),
                Sql.texts(rs.getArray(6))));
  }

  /** Title and year of the live papers among {@code ids}. */
  public Map<Long, Linked> titles(Collection<Long> ids) throws SQLException {
    return byId(
        TITLES,
        ids,
        q -> q,
        (rs, ctx) ->
            new Linked(
                rs.getLong(1),
                rs.getString(2),
                (Integer) rs.getObject(3),
                List.of(),
                List.of(),
                List.of()));
  }

  /**
   * The papers {@code sql} reads for the array {@code :ids} (and the parameters {@code params}
   * binds), by id in the order of its rows; no statement when there are no ids.
   */
  private Map<Long, Linked> byId(
      String sql, Collection<Long> ids, UnaryOperator<Query> params, RowMapper<Linked> paper)
      throws SQLException {
    Map<Long, Linked> out = new LinkedHashMap<>();
    if (ids.isEmpty()) {
      return out;
    }
    return Sql.query(
        dataSource,
        sql,
        q -> {
          params
              .apply(q.bind("ids", ids.toArray(Long[]::new)))
              .map(paper)
              .forEach(linked -> out.put(linked.id(), linked));
          return out;
        });
  }

  /** The current vectors of these papers under {@code model}. */
  public Map<Long, float[]> vectors(String model, Collection<Long> ids) throws SQLException {
    if (model == null || ids.isEmpty()) {
      return Map.of();
    }
    try (Connection c = dataSource.getConnection()) {
      return EmbeddingRepository.currentVectors(c, EmbeddingRepository.Kind.PAPER, model, ids);
    }
  }

  public Optional<float[]> vector(String model, long id) throws SQLException {
    return Optional.ofNullable(vectors(model, List.of(id)).get(id));
  }
}
