package org.mlmdkb.search.semantic;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.mlmdkb.common.config.KbConfig;
import org.mlmdkb.common.error.ApiException;
import org.mlmdkb.search.HybridSearch;
import org.mlmdkb.search.ParsedQuery;
import org.mlmdkb.search.SearchMode;
import org.mlmdkb.search.SearchUnavailableException;
import org.mlmdkb.search.SideLane;

/**
 * Decides which mode a query runs in, and turns its text into a query vector. An explicit semantic
 * or hybrid request needs the model and at least one embedded item, and is otherwise a 503 problem;
 * a request naming no mode gets the configured default, or keyword search while the model cannot
 * serve (the answer says which mode ran).
 */
@ApplicationScoped
public class SemanticSearch {

  /**
   * Longest query embedded, in characters: the model reads at most 256 word pieces, and 500
   * characters (QueryParams' cap on every text parameter) stay below that.
   */
  public static final int MAX_QUERY_CHARS = 500;

  private static final int CACHED_QUERIES = 512;

  private final TextEmbedder embedder;
  private final EmbeddingWorker worker;
  private final HybridSearch hybrid;
  private final SearchMode defaultMode;
  private final SideLane lane;
  private final Map<String, float[]> recent =
      new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, float[]> eldest) {
          return size() > CACHED_QUERIES;
        }
      };

  public SemanticSearch(
      TextEmbedder embedder,
      EmbeddingWorker worker,
      HybridSearch hybrid,
      SideLane lane,
      KbConfig config) {
    this.embedder = embedder;
    this.worker = worker;
    this.hybrid = hybrid;
    this.lane = lane;
    this.defaultMode = SearchMode.fromWire(config.search().defaultMode());
  }

  public SearchMode defaultMode() {
    return defaultMode;
  }

  /** The mode to run: {@code requested} (validated wire name) or, when null, the default. */
  public SearchMode resolve(String requested) {
    if (requested == null) {
      return defaultMode == SearchMode.KEYWORD || status().ready()
          ? defaultMode
          : SearchMode.KEYWORD;
    }
    SearchMode mode = SearchMode.fromWire(requested);
    if (mode != SearchMode.KEYWORD) {
      SemanticStatus s = status();
      if (!s.ready()) {
        throw new SearchUnavailableException(
            "mode=" + mode.wire() + " is unavailable: " + s.detail() + "; mode=keyword works",
            "embedding".equals(s.state()) || "loading".equals(s.state()) ? 5 : 60);
      }
    }
    return mode;
  }

  /**
   * The vector of a query's positive words and phrases (exclusions filter, they are not meant); 400
   * naming q when nothing is left to embed.
   */
  public float[] queryVector(ParsedQuery parsed) {
    String text = textToEmbed(parsed);
    float[] cached = cached(text);
    return cached != null ? cached : embed(text);
  }

  /**
   * {@link #queryVector} started on a side lane, for a search that has other work to do before it
   * needs the vector; the 400 for a query with nothing to embed comes at once.
   */
  public SideLane.Part<float[]> startQueryVector(ParsedQuery parsed) {
    String text = textToEmbed(parsed);
    float[] cached = cached(text);
    return cached != null ? SideLane.Part.done(cached) : lane.start(() -> embed(text));
  }

  private static String textToEmbed(ParsedQuery parsed) {
    List<String> parts = new ArrayList<>();
    for (ParsedQuery.Clause c : parsed.clauses()) {
      if (!c.negated()) {
        c.terms().forEach(t -> parts.add(t.text()));
      }
    }
    String text = String.join(" ", parts).strip();
    if (text.isEmpty()) {
      throw ApiException.badParameter(
          "q", "has no words to search by meaning (exclusions alone select nothing)");
    }
    if (text.length() > MAX_QUERY_CHARS) {
      throw ApiException.badParameter(
          "q", "is longer than " + MAX_QUERY_CHARS + " characters, too long to search by meaning");
    }
    return text;
  }

  private float[] cached(String text) {
    synchronized (recent) {
      return recent.get(text);
    }
  }

  private float[] embed(String text) {
    float[] v = embedder.embedQuery(text);
    synchronized (recent) {
      recent.put(text, v);
    }
    return v;
  }

  public SemanticStatus status() {
    String model = embedder.modelId();
    long pending = worker.pending();
    return switch (embedder.state()) {
      case DISABLED -> new SemanticStatus("disabled", embedder.reason(), null, 0, 0);
      case LOADING -> new SemanticStatus("loading", embedder.reason(), model, 0, pending);
      case FAILED -> new SemanticStatus("unavailable", embedder.reason(), model, 0, pending);
      case READY -> {
        long vectors = vectorCount();
        yield vectors == 0
            ? new SemanticStatus(
                "embedding",
                "nothing is embedded yet (" + pending + " items queued)",
                model,
                0,
                pending)
            : new SemanticStatus("ready", null, model, vectors, pending);
      }
    };
  }

  private long vectorCount() {
    try {
      return hybrid.vectorCount();
    } catch (SearchUnavailableException e) {
      return 0;
    }
  }
}
