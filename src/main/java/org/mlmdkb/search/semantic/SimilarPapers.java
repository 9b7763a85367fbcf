package org.mlmdkb.search.semantic;

import jakarta.enterprise.context.ApplicationScoped;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.mlmdkb.common.error.ApiException;
import org.mlmdkb.common.error.Problem;
import org.mlmdkb.common.error.ProblemType;
import org.mlmdkb.common.paging.Cursor;
import org.mlmdkb.paper.PaperFilter;
import org.mlmdkb.paper.PaperService;
import org.mlmdkb.search.HybridSearch;
import org.mlmdkb.search.HybridSearch.NearPaper;
import org.mlmdkb.search.SearchUnavailableException;

/**
 * "Papers like these": the papers nearest to the centroid of positive examples pushed away from
 * negative ones (Rocchio's relevance feedback, on stored embeddings), under the paper filters. Uses
 * stored vectors only: it answers while the model itself is unavailable.
 */
@ApplicationScoped
public class SimilarPapers {

  /** Most examples of each kind a request may give. */
  public static final int MAX_EXAMPLES = 50;

  /** Most papers one request ranks (its pages together). */
  public static final int MAX_RESULTS = 500;

  /** How strongly negative examples push away (Rocchio's gamma; positives count 1). */
  static final double NEGATIVE_WEIGHT = 0.5;

  /** A page of similar papers; {@code total} counts every ranked paper (at most MAX_RESULTS). */
  public record Page(
      List<SimilarPaper> items,
      String nextCursor,
      long total,
      List<String> examplesWithoutVector) {}

  public record SimilarPaper(long id, String title, Integer year, double score) {}

  private final PaperService papers;
  private final PaperLinksRepository links;
  private final HybridSearch hybrid;
  private final TextEmbedder embedder;

  public SimilarPapers(
      PaperService papers, PaperLinksRepository links, HybridSearch hybrid, TextEmbedder embedder) {
    this.papers = papers;
    this.links = links;
    this.hybrid = hybrid;
    this.embedder = embedder;
  }

  /** The papers ranked by closeness to the examples, from {@code offset}, at most {@code limit}. */
  public Page similar(
      List<String> positive, List<String> negative, PaperFilter filter, int limit, int offset)
      throws SQLException {
    checkCounts(positive, negative);
    Map<String, Long> pos = resolve("positive", positive);
    Map<String, Long> neg = resolve("negative", negative);
    Set<Long> both = new LinkedHashSet<>(pos.values());
    both.retainAll(neg.values());
    if (!both.isEmpty()) {
      throw badBody("positive", "papers " + both + " are given as positive and negative examples");
    }
    String model = embedder.modelId();
    Map<Long, float[]> vectors =
        links.vectors(model, new LinkedHashSet<>(concat(pos.values(), neg.values())));
    List<String> without = new ArrayList<>();
    List<float[]> posVectors = vectorsOf(pos, vectors, without);
    List<float[]> negVectors = vectorsOf(neg, vectors, without);
    if (posVectors.isEmpty()) {
      throw new SearchUnavailableException(
          "None of the positive examples is embedded yet (" + without + "); try again shortly", 5);
    }
    float[] query = rocchio(posVectors, negVectors);
    Set<Long> exclude = new LinkedHashSet<>(concat(pos.values(), neg.values()));
    int k = Math.min(MAX_RESULTS, Math.max(offset + limit, 100));
    List<NearPaper> near =
        offset >= MAX_RESULTS ? List.of() : hybrid.nearestPapers(query, filter, exclude, k);
    List<NearPaper> pageNear =
        near.subList(Math.min(offset, near.size()), Math.min(offset + limit, near.size()));
    Map<Long, PaperLinksRepository.Linked> shown =
        links.titles(pageNear.stream().map(NearPaper::id).toList());
    List<SimilarPaper> items = new ArrayList<>();
    for (NearPaper n : pageNear) {
      PaperLinksRepository.Linked l = shown.get(n.id());
      if (l != null) {
        items.add(new SimilarPaper(n.id(), l.title(), l.year(), n.similarity()));
      }
    }
    int next = offset + limit;
    String cursor = next < near.size() ? Cursor.encode("similar", Integer.toString(next)) : null;
    return new Page(items, cursor, near.size(), without);
  }

  private static void checkCounts(List<String> positive, List<String> negative) {
    if (positive.isEmpty()) {
      throw badBody("positive", "must name at least one paper");
    }
    if (positive.size() > MAX_EXAMPLES) {
      throw badBody(
          "positive", "names " + positive.size() + " papers; at most " + MAX_EXAMPLES + " allowed");
    }
    if (negative.size() > MAX_EXAMPLES) {
      throw badBody(
          "negative", "names " + negative.size() + " papers; at most " + MAX_EXAMPLES + " allowed");
    }
  }

  /** Ref to paper id; refs naming no live paper are a 400 listing every one of them. */
  private Map<String, Long> resolve(String field, List<String> refs) throws SQLException {
    Map<String, Long> out = new LinkedHashMap<>();
    List<String> unknown = new ArrayList<>();
    for (String ref : refs) {
      Optional<Long> id = ref == null ? Optional.empty() : papers.findId(ref);
      if (id.isPresent()) {
        out.put(ref, id.get());
      } else {
        unknown.add(ref);
      }
    }
    if (!unknown.isEmpty()) {
      throw badBody(field, "names no paper here: " + unknown);
    }
    return out;
  }

  private static List<float[]> vectorsOf(
      Map<String, Long> refs, Map<Long, float[]> vectors, List<String> without) {
    List<float[]> out = new ArrayList<>();
    refs.forEach(
        (ref, id) -> {
          float[] v = vectors.get(id);
          if (v == null) {
            without.add(ref);
          } else {
            out.add(v);
          }
        });
    return out;
  }

  /** mean(positive) - gamma * mean(negative), at unit length. */
  static float[] rocchio(List<float[]> positive, List<float[]> negative) {
    int dims = positive.get(0).length;
    double[] q = new double[dims];
    for (float[] v : positive) {
      for (int i = 0; i < dims; i++) {
        q[i] += v[i] / positive.size();
      }
    }
    for (float[] v : negative) {
      for (int i = 0; i < dims; i++) {
        q[i] -= NEGATIVE_WEIGHT * v[i] / negative.size();
      }
    }
    double norm = 0;
    for (double x : q) {
      norm += x * x;
    }
    norm = Math.sqrt(norm);
    float[] out = new float[dims];
    for (int i = 0; i < dims; i++) {
      out[i] = (float) (norm == 0 ? 0 : q[i] / norm);
    }
    return out;
  }

  private static <T> List<T> concat(java.util.Collection<T> a, java.util.Collection<T> b) {
    List<T> out = new ArrayList<>(a);
    out.addAll(b);
    return out;
  }

  private static ApiException badBody(String field, String message) {
    return new ApiException(
        ProblemType.INVALID_BODY,
        "Body property '" + field + "' " + message,
        List.of(new Problem.FieldError(field, "body", message)));
  }
}
