package org.mlmdkb.curation;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.core.UriInfo;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.mlmdkb.common.error.ApiException;
import org.mlmdkb.common.paging.Cursor;
import org.mlmdkb.common.paging.Limits;
import org.mlmdkb.common.query.QueryParams;
import org.mlmdkb.curation.auth.UnpublishedReaders;

/**
 * Pages through one item's change history, oldest first. Deleted items keep theirs: the history is
 * where a curator looks to see what an admin might restore. Without a key the history is as public
 * as the item: drafts and deleted items answer 404 like the item itself, and key names are left out
 * (they name the curators).
 */
@ApplicationScoped
public class CurationHistory {

  private static final String CURSOR_TAG = "history";

  private final HistoryRepository history;
  private final UnpublishedReaders readers;

  public CurationHistory(HistoryRepository history, UnpublishedReaders readers) {
    this.history = history;
    this.readers = readers;
  }

  /** Reads {@code limit} and {@code cursor} from the request and answers one page. */
  @Transactional(Transactional.TxType.SUPPORTS)
  public HistoryPage page(
      CuratedCollection<?> collection, String ref, UriInfo uri, String authorization)
      throws SQLException {
    QueryParams.allowOnly(uri, Set.of("limit", "cursor"));
    int limit =
        Limits.check(QueryParams.integer("limit", uri.getQueryParameters().getFirst("limit")));
    String cursor = uri.getQueryParameters().getFirst("cursor");
    long afterId = cursor == null ? 0 : afterId(cursor);
    boolean curator = readers.mayReadUnpublished(authorization);
    Optional<Long> found = collection.find(ref, curator);
    if (found.isEmpty() || !curator && !collection.publiclyVisible(found.get())) {
      throw ApiException.notFound(
          collection.noun()
              + " "
              + ref
              + (curator ? "" : " (the history of drafts and deleted items needs an API key)"));
    }
    long id = found.get();
    List<HistoryRepository.Entry> entries =
        history.listByItem(collection.name(), id, afterId, limit + 1).stream()
            .map(e -> curator ? e : e.withoutKeyName())
            .toList();
    if (entries.size() <= limit) {
      return new HistoryPage(entries, null);
    }
    List<HistoryRepository.Entry> page = entries.subList(0, limit);
    String next = Cursor.encode(CURSOR_TAG, Long.toString(page.get(limit - 1).id()));
    return new HistoryPage(List.copyOf(page), next);
  }

  private static long afterId(String cursor) {
    String key = Cursor.decode(cursor, CURSOR_TAG, 1).get(0);
    if (!key.matches("\\d{1,18}")) {
      throw ApiException.badParameter("cursor", "is not a cursor this list issued");
    }
    return Long.parseLong(key);
  }
}
