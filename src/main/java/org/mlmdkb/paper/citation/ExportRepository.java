package org.mlmdkb.paper.citation;

import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
    try (Connection c = dataSource.getConnection()) {
      Map<Long, List<String>> authors = new HashMap<>();
      try (PreparedStatement ps =
          c.prepareStatement(
              "SELECT paper_id, name_as_written FROM paper_author WHERE paper_id = ANY(?)"
                  + " ORDER BY paper_id, position")) {
        ps.setArray(1, c.createArrayOf("bigint", ids.toArray()));
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            authors.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(rs.getString(2));
          }
        }
      }
      Map<Long, CitationRecord> byId = new LinkedHashMap<>();
      try (PreparedStatement ps =
          c.prepareStatement(
              "SELECT id, entry_type, title, year, date, venue, volume, number, pages, publisher,"
                  + " doi, arxiv_id, url FROM live_paper WHERE id = ANY(?)")) {
        ps.setArray(1, c.createArrayOf("bigint", ids.toArray()));
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            long id = rs.getLong("id");
            byId.put(
                id,
                new CitationRecord(
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
                    authors.getOrDefault(id, List.of())));
          }
        }
      }
      return ids.stream().map(byId::get).filter(r -> r != null).toList();
    }
  }
}
