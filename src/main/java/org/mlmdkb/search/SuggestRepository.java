package org.mlmdkb.search;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.mlmdkb.search.SearchDtos.Suggestion;

/**
 * Autocomplete SQL. Each source is capped on its own so one big table (titles, authors) cannot
 * crowd out the names a user most likely means; tiers order the sources.
 */
@ApplicationScoped
public class SuggestRepository {

  private static final String IDENT = "regexp_replace(kb_search_text(%s), '[^a-z0-9]+', '', 'g')";

  // Tier 1: method / dataset names and aliases starting with the typed identifier (MACE-MP-0
  // for "mace-mp", "macemp"). Tier 2: tags, tier 3: authors whose name or a word of it starts
  // with the text and at least one live paper. Tier 5: names within trigram distance, for typos
  // ("shnet"). Tiers 4 (titles) and 6 (words) come from the search index (SuggestService).
  private static final String SUGGEST =
      """
      WITH s AS MATERIALIZED (
          SELECT ?::text AS ident, ?::text AS words)
      SELECT kind, text, id, tier FROM (
        (SELECT 'method' AS kind, m.name AS text, m.slug AS id, 1 AS tier, 0::real AS sim
         FROM method m, s
         WHERE m.deleted_at IS NULL
           AND (%1$s LIKE s.ident || '%%'
                OR EXISTS (SELECT 1 FROM unnest(m.aliases) a WHERE %2$s LIKE s.ident || '%%'))
         ORDER BY length(m.name), m.name LIMIT 6)
        UNION ALL
        (SELECT 'dataset', d.name, d.slug, 1, 0 FROM dataset d, s
         WHERE (%3$s LIKE s.ident || '%%'
            OR EXISTS (SELECT 1 FROM unnest(d.aliases) a WHERE %2$s LIKE s.ident || '%%'))
           AND d.deleted_at IS NULL
         ORDER BY length(d.name), d.name LIMIT 6)
        UNION ALL
        (SELECT 'tag', t.label, t.slug, 2, 0 FROM tag t, s
         WHERE t.deleted_at IS NULL
           AND (kb_search_text(t.label) LIKE s.words || '%%'
                OR kb_search_text(t.label) LIKE '%% ' || s.words || '%%')
         ORDER BY t.label LIMIT 4)
        UNION ALL
        (SELECT 'author', a.name, a.id::text, 3, 0 FROM author a, s
         WHERE length(s.words) >= 3
           AND (a.normalized_name LIKE s.words || '%%' OR a.normalized_name LIKE '%% ' || s.words || '%%')
           AND EXISTS (SELECT 1 FROM paper_author pa JOIN paper p ON p.id = pa.paper_id
                       WHERE pa.author_id = a.id AND p.deleted_at IS NULL)
         ORDER BY a.name LIMIT 4)
        UNION ALL
        (SELECT 'method', m.name, m.slug, 5, similarity(%1$s, s.ident) FROM method m, s
         WHERE length(s.ident) >= 4 AND %1$s %% s.ident AND m.deleted_at IS NULL
         ORDER BY 5 DESC LIMIT 3)
        UNION ALL
        (SELECT 'dataset', d.name, d.slug, 5, similarity(%3$s, s.ident) FROM dataset d, s
         WHERE length(s.ident) >= 4 AND %3$s %% s.ident AND d.deleted_at IS NULL
         ORDER BY 5 DESC LIMIT 3)
      ) x
      ORDER BY tier, sim DESC, length(text), text
      LIMIT ?
      """
          .formatted(IDENT.formatted("m.name"), IDENT.formatted("a"), IDENT.formatted("d.name"));

  /** A suggestion and its tier (1 = best). */
  public record Tiered(int tier, Suggestion suggestion) {}

  private final AgroalDataSource dataSource;

  public SuggestRepository(AgroalDataSource dataSource) {
    this.dataSource = dataSource;
  }

  public List<Tiered> suggest(String ident, String words, int limit) throws SQLException {
    List<Tiered> out = new ArrayList<>();
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps = c.prepareStatement(SUGGEST)) {
      ps.setString(1, ident);
      ps.setString(2, words);
      ps.setInt(3, limit * 3);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.add(
              new Tiered(
                  rs.getInt(4), new Suggestion(rs.getString(2), rs.getString(1), rs.getString(3))));
        }
      }
    }
    return out;
  }
}
