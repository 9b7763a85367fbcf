package org.mlmdkb.search;

import static org.mlmdkb.search.IndexFields.*;

import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.FieldDoc;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopFieldCollectorManager;
import org.apache.lucene.search.TopFieldDocs;
import org.apache.lucene.util.BytesRef;
import org.mlmdkb.common.paging.Cursor;
import org.mlmdkb.paper.PaperFilter;
import org.mlmdkb.paper.PaperIndex.Page;
import org.mlmdkb.paper.PaperSort;

/**
 * The paper list from the index: filters, every sort order, an exact total and keyset cursors. The
 * page is ids only; the caller reads the rows themselves from PostgreSQL.
 *
 * <p>Cursors keep the form the SQL list gave them (sort parameter, sort key as text, id), so a
 * client's cursor stays valid: a year as a number, the title as PostgreSQL's {@code lower(title)},
 * {@code added_at} as a timestamp (ISO-8601 now; PostgreSQL's text form is read too), relevance as
 * a float.
 */
@ApplicationScoped
public class PaperListIndex {

  /**
   * Titles longer than this many UTF-8 bytes sort by their beginning (then by id): a sorted doc
   * value holds at most 32,766 bytes, and no title needs that many to be told apart.
   */
  private static final int TITLE_KEY_BYTES = 1000;

  private final IndexSearch index;
  private final SideLane lane;

  public PaperListIndex(IndexSearch index, SideLane lane) {
    this.index = index;
    this.lane = lane;
  }

  /**
   * Papers meeting {@code filter} and (when not null) {@code match}, in the filter's sort order.
   * Under relevance {@code match} scores them; under any other order it only selects.
   */
  Page list(PaperFilter filter, Query match) {
    return list(filter, match, match, null);
  }

  /**
   * As {@link #list(PaperFilter, Query)}; {@code counted} matches the same papers as {@code match}
   * at a lower cost (no ranking tiers, no type: see {@link #countPapers}), and the total counts it.
   * {@code rankedAnyType} (null for none) scores every document as {@code match} scores papers,
   * without the paper type required. When the list is in relevance order and no paper filter
   * applies, the page is ranked by it and the other types are left out as hits are collected
   * (TopWithoutTypes): as on /search, a pure disjunction that Lucene scores window by window rather
   * than one document at a time.
   */
  Page list(PaperFilter filter, Query match, Query counted, Query rankedAnyType) {
    Query query = query(filter, match, filter.sort() == PaperSort.RELEVANCE);
    PaperSort sort = filter.sort();
    List<String> after = after(filter);
    return index.withSearcher(
        timed -> {
          // Filters and a sort are bounded work; the time budget guards text queries (q).
          IndexSearcher s = match == null ? untimed(timed) : timed;
          // The exact total is a count (no scores, no sort keys read); the page itself is then
          // free to skip what cannot enter it (points of the sort key, the minimal competitive
          // score of relevance). A text query's count is work of its own, done beside the page.
          SideLane.Part<Long> counting =
              match == null
                  ? SideLane.Part.done((long) s.count(query))
                  : lane.start(
                      () -> counted == match ? s.count(query) : countPapers(s, filter, counted));
          TopFieldDocs top =
              counting.alongside(
                  () -> top(s, filter, query, rankedAnyType, fieldDoc(s, sort, after)));
          long total = counting.join();
          IndexSearch.checkTime(s);
          List<Long> ids = new ArrayList<>();
          ScoreDoc[] docs = top.scoreDocs;
          for (int i = 0; i < Math.min(docs.length, filter.limit()); i++) {
            ids.add((Long) ((FieldDoc) docs[i]).fields[1]);
          }
          String next = null;
          if (docs.length > filter.limit()) {
            Object[] last = ((FieldDoc) docs[filter.limit() - 1]).fields;
            next = Cursor.encode(sort.parameter(), keyText(sort, last[0]), last[1].toString());
          }
          return new Page(ids, total, next);
        });
  }

  /**
   * One more than a page of {@code query}'s documents (papers meeting the filter) in the filter's
   * order, after {@code from} (null for the first page). In relevance order with no paper filter,
   * {@code rankedAnyType} (when not null) ranks them instead, the other types left out as hits are
   * collected.
   */
  static TopFieldDocs top(
      IndexSearcher s, PaperFilter filter, Query query, Query rankedAnyType, FieldDoc from)
      throws IOException {
    int n = filter.limit() + 1;
    Sort sort = sort(filter.sort());
    if (rankedAnyType != null
        && filter.sort() == PaperSort.RELEVANCE
        && IndexQueries.paperFilters(filter).isEmpty()) {
      List<String> others = IndexSearch.typesOtherThan(Set.of(SearchType.PAPER));
      return s.search(rankedAnyType, new TopWithoutTypes(sort, n, from, TYPE, others));
    }
    return s.search(query, new TopFieldCollectorManager(sort, n, from, n));
  }

  /** The papers {@code match} meets under the filter: what a page of the list holds. */
  static Query query(PaperFilter filter, Query match) {
    return query(filter, match, filter.sort() == PaperSort.RELEVANCE);
  }

  /**
   * The papers among {@code anyType}'s matches that meet the filter. Without filters the count is
   * IndexSearch's fast one (every match less the few other documents); with them, the filters lead
   * a conjunction.
   */
  private static long countPapers(IndexSearcher s, PaperFilter filter, Query anyType)
      throws IOException {
    if (IndexQueries.paperFilters(filter).isEmpty()) {
      return IndexSearch.countsByType(s, anyType, Set.of(SearchType.PAPER))
          .getOrDefault(SearchType.PAPER.wire(), 0L);
    }
    return s.count(query(filter, anyType, false));
  }

  private static Query query(PaperFilter filter, Query match, boolean scored) {
    BooleanQuery.Builder b = new BooleanQuery.Builder();
    b.add(new TermQuery(new Term(TYPE, "paper")), Occur.FILTER);
    for (Query f : IndexQueries.paperFilters(filter)) {
      b.add(f, Occur.FILTER);
    }
    if (match != null) {
      b.add(match, scored ? Occur.MUST : Occur.FILTER);
    }
    return b.build();
  }

  /**
   * The papers of {@code scored} (search by meaning or hybrid: a bounded set of candidates the
   * index already filtered, with their relevance) in the filter's sort order.
   */
  Page list(PaperFilter filter, Map<Long, Float> scored) {
    if (filter.sort() != PaperSort.RELEVANCE) {
      List<String> keys =
          scored.keySet().stream().map(id -> IndexDocuments.key("paper", id)).toList();
      return list(filter, IndexQueries.anyOf(KEY, keys));
    }
    // Already scored: ordered here, by (score, id) descending as the index orders relevance.
    List<Map.Entry<Long, Float>> page = pageOf(scored, after(filter), filter.limit() + 1L);
    List<Long> ids = page.stream().limit(filter.limit()).map(Map.Entry::getKey).toList();
    String next =
        page.size() > filter.limit() ? relevanceCursor(page.get(filter.limit() - 1)) : null;
    return new Page(ids, scored.size(), next);
  }

  /**
   * Where the scores of a fused head start: above every keyword score (the tiers reach about 1.2
   * million), and low enough that each integer above it is exact in a float (below 2^24).
   */
  static final float HEAD_BASE = 10_000_000f;

  /**
   * The paper list of a hybrid q: {@code head}, the fused order's first papers (scored from {@link
   * #HEAD_BASE} up), then the other keyword matches ({@code rest} ranks them, {@code restCounted}
   * matches them unscored) in keyword order. Only the head is held in memory, so the work stays
   * bounded at any number of matches; the total counts the union exactly.
   */
  Page list(PaperFilter filter, Map<Long, Float> head, Query rest, Query restCounted) {
    if (rest == null) {
      return list(filter, head);
    }
    Query headKeys =
        head.isEmpty()
            ? null
            : IndexQueries.anyOf(
                KEY, head.keySet().stream().map(id -> IndexDocuments.key("paper", id)).toList());
    Query all =
        headKeys == null
            ? restCounted
            : new BooleanQuery.Builder()
                .add(restCounted, Occur.SHOULD)
                .add(headKeys, Occur.SHOULD)
                .build();
    if (filter.sort() != PaperSort.RELEVANCE) {
      return list(filter, all);
    }
    Query tail =
        headKeys == null
            ? rest
            : new BooleanQuery.Builder()
                .add(rest, Occur.MUST)
                .add(headKeys, Occur.MUST_NOT)
                .build();
    List<String> after = after(filter);
    List<Map.Entry<Long, Float>> headPage = pageOf(head, after, filter.limit() + 1);
    boolean afterInHead = after != null && score(after.get(0)) >= HEAD_BASE;
    return index.withSearcher(
        s -> {
          List<Long> ids = new ArrayList<>();
          headPage.stream().limit(filter.limit()).forEach(e -> ids.add(e.getKey()));
          if (headPage.size() > filter.limit()) {
            long total = countPapers(s, filter, all);
            return new Page(ids, total, relevanceCursor(headPage.get(filter.limit() - 1)));
          }
          // The total beside the tail's page: neither needs the other.
          SideLane.Part<Long> counting = lane.start(() -> countPapers(s, filter, all));
          int wanted = filter.limit() - ids.size();
          ScoreDoc[] docs =
              counting.alongside(
                  () -> tailPage(s, filter, tail, afterInHead ? null : after, wanted));
          long total = counting.join();
          IndexSearch.checkTime(s);
          for (int i = 0; i < Math.min(docs.length, wanted); i++) {
            ids.add((Long) ((FieldDoc) docs[i]).fields[1]);
          }
          String next = null;
          if (docs.length > wanted) {
            if (wanted == 0) {
              next = relevanceCursor(headPage.get(headPage.size() - 1));
            } else {
              Object[] last = ((FieldDoc) docs[wanted - 1]).fields;
              next =
                  Cursor.encode(
                      filter.sort().parameter(),
                      keyText(filter.sort(), last[0]),
                      last[1].toString());
            }
          }
          return new Page(ids, total, next);
        });
  }

  /**
   * One more than {@code wanted} papers of the hybrid list's tail after the cursor {@code after}
   * (null when the page starts in the head or at the beginning, so the tail starts at its top).
   */
  private static ScoreDoc[] tailPage(
      IndexSearcher s, PaperFilter filter, Query tail, List<String> after, int wanted)
      throws IOException {
    FieldDoc from = after == null ? null : fieldDoc(s, filter.sort(), after);
    return s.search(
            query(filter, tail, true),
            new TopFieldCollectorManager(sort(filter.sort()), wanted + 1, from, wanted + 1))
        .scoreDocs;
  }

  /**
   * The entries of {@code scored} after the cursor, by (score, id) descending, at most {@code n}.
   */
  private static List<Map.Entry<Long, Float>> pageOf(
      Map<Long, Float> scored, List<String> after, long n) {
    Comparator<Map.Entry<Long, Float>> order =
        Map.Entry.<Long, Float>comparingByValue()
            .thenComparing(Map.Entry.comparingByKey())
            .reversed();
    float afterScore = after == null ? 0 : score(after.get(0));
    long afterId = after == null ? 0 : id(after.get(1));
    return scored.entrySet().stream()
        .filter(
            e ->
                after == null
                    || e.getValue() < afterScore
                    || e.getValue() == afterScore && e.getKey() < afterId)
        .sorted(order)
        .limit(n)
        .toList();
  }

  private static String relevanceCursor(Map.Entry<Long, Float> last) {
    return Cursor.encode(
        PaperSort.RELEVANCE.parameter(),
        Float.toString(last.getValue()),
        Long.toString(last.getKey()));
  }

  private static IndexSearcher untimed(IndexSearcher timed) {
    IndexSearcher s = new IndexSearcher(timed.getIndexReader());
    s.setSimilarity(timed.getSimilarity());
    return s;
  }

  /** PostgreSQL's lower(title) as the index holds it: its first TITLE_KEY_BYTES bytes. */
  static BytesRef titleKey(String lowerTitle) {
    byte[] utf8 = lowerTitle.getBytes(StandardCharsets.UTF_8);
    if (utf8.length <= TITLE_KEY_BYTES) {
      return new BytesRef(utf8);
    }
    int end = TITLE_KEY_BYTES;
    while ((utf8[end] & 0xC0) == 0x80) {
      end--; // never cut a character in two
    }
    return new BytesRef(utf8, 0, end);
  }

  /**
   * Every order ends with the id, so the order is total and a cursor names one position. PostgreSQL
   * runs with the C.UTF-8 collation (common.db.EmbeddedPostgres), which orders text by code point:
   * the same order as Lucene's comparison of UTF-8 bytes, so titles keep the order the SQL list
   * gave them.
   */
  private static Sort sort(PaperSort sort) {
    return switch (sort) {
      case YEAR_DESC -> byKey(numeric(SORT_YEAR, true), true);
      case YEAR_ASC -> byKey(numeric(SORT_YEAR, false), false);
      case TITLE -> byKey(new SortField(SORT_TITLE, SortField.Type.STRING), false);
      case ADDED_DESC -> byKey(numeric(ADDED_AT, true), true);
      case RELEVANCE -> byKey(SortField.FIELD_SCORE, true);
    };
  }

  /**
   * Only documents other than papers lack the key, and the filter leaves them out; placing them
   * last keeps the skipping by points on (a competitive missing value would turn it off).
   */
  private static SortField numeric(String field, boolean descending) {
    SortField f = new SortField(field, SortField.Type.LONG, descending);
    f.setMissingValue(descending ? Long.MIN_VALUE : Long.MAX_VALUE);
    return f;
  }

  private static Sort byKey(SortField key, boolean descending) {
    return new Sort(key, new SortField(PAPER_ID, SortField.Type.LONG, descending));
  }

  private static List<String> after(PaperFilter filter) {
    return filter.cursor() == null
        ? null
        : Cursor.decode(filter.cursor(), filter.sort().parameter(), 2);
  }

  /**
   * The position after which the page starts. Its doc is the last one of the reader, so that the
   * cursor's own paper (equal in key and id) counts as already seen.
   */
  private static FieldDoc fieldDoc(IndexSearcher s, PaperSort sort, List<String> after) {
    if (after == null) {
      return null;
    }
    Object key =
        switch (sort) {
          case YEAR_DESC, YEAR_ASC -> number(after.get(0));
          case TITLE -> titleKey(after.get(0));
          case ADDED_DESC -> micros(after.get(0));
          case RELEVANCE -> score(after.get(0));
        };
    int lastDoc = Math.max(0, s.getIndexReader().maxDoc() - 1);
    return new FieldDoc(lastDoc, Float.NaN, new Object[] {key, id(after.get(1))});
  }

  private static String keyText(PaperSort sort, Object key) {
    return switch (sort) {
      case YEAR_DESC, YEAR_ASC -> key.toString();
      case TITLE -> ((BytesRef) key).utf8ToString();
      case ADDED_DESC -> Instant.EPOCH.plus((Long) key, ChronoUnit.MICROS).toString();
      case RELEVANCE -> key.toString();
    };
  }

  private static long number(String text) {
    return cursorPart(text, Long::parseLong);
  }

  private static long id(String text) {
    return number(text);
  }

  private static float score(String text) {
    return cursorPart(text, Float::parseFloat);
  }

  /** A number of a cursor, as {@code parse} reads it; an invalid cursor when it is none. */
  private static <T> T cursorPart(String text, Function<String, T> parse) {
    try {
      return parse.apply(text);
    } catch (NumberFormatException e) {
      throw Cursor.invalid();
    }
  }

  /**
   * Microseconds since the epoch of an ISO-8601 timestamp, or of PostgreSQL's text form
   * ("2026-12-03 19:15:11.123456+00") that cursors of the SQL list carry.
   */
  private static long micros(String text) {
    String iso = text.replaceFirst(" ", "T").replaceFirst("([+-]\\d{2})$", "$1:00");
    try {
      Instant at = OffsetDateTime.parse(iso).toInstant();
      return ChronoUnit.MICROS.between(Instant.EPOCH, at);
    } catch (DateTimeParseException e) {
      throw Cursor.invalid();
    }
  }
}
