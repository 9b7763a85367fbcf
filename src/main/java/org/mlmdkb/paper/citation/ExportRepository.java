package org.mlmdkb.paper.citation;

import jakarta.enterprise.context.ApplicationScoped;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.mlmdkb.common.db.Sql;
import org.mlmdkb.common.db.replica.ReadDataSource;
import org.mlmdkb.common.db.replica.ReplicaFallback;

/** Loads citation records for a page of papers in two statements, in the page's order. */
@ReplicaFallback
@ApplicationScoped
public class ExportRepository {

  private final ReadDataSource dataSource;

  public ExportRepository(ReadDataSource dataSource) {
    this.dataSource = dataSource;
  }

  public List<CitationRecord> load(List<Long> ids) throws SQLException {
    if (ids.isEmpty()) {
      return List.of();
    }
    Long[] idArray = ids.toArray(Long[]::new);
    return Sql.with(
        dataSource,
        h -> {
          Map<Long, List<String>> authors =
              h.createQuery(
                      "SELECT paper_id, name_as_written FROM paper_author"
                          + " WHERE paper_id = ANY(:ids) ORDER BY paper_id, position")
                  .bind("ids", idArray)
                  .reduceResultSet(
                      new HashMap<Long, List<String>>(),
                      (byPaper, rs, ctx) -> {
                        byPaper
                            .computeIfAbsent(rs.getLong(1), k -> new ArrayList<>())
                            .add(rs.getString(2));
                        return byPaper;
                      });
          Map<Long, CitationRecord> byId = new LinkedHashMap<>();
          h.createQuery(
                  "SELECT id, entry_type, title, year, date, venue, volume, number, pages,"
                      + " publisher, doi, arxiv_id, url FROM live_paper WHERE id = ANY(:ids)")
              .bind("ids", idArray)
              .map(
                  (rs, ctx) -> {
                    long id = rs.getLong("id");
                    return new CitationRecord(
                        id,
                        rs.getString("entry_type"),
                        rs.getString("title"),
                        (Integer) rs.getObject("year"),
                        rs.getString("date"),
                        rs.getString("venue"),
                        rs.getString("volume"),
                        rs.getString("number"),
                        rs.getString("pages"),
                        rs.getString("publisher"),
                        rs.getString("doi"),
                        rs.getString("arxiv_id"),
                        rs.getString("url"),
                        authors.getOrDefault(id, List.of()));
                  })
              .forEach(record -> byId.put(record.id(), record));
          return ids.stream().map(byId::get).filter(r -> r != null).toList();
        });
  }
}
