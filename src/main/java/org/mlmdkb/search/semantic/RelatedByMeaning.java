package org.mlmdkb.search.semantic;

import jakarta.enterprise.context.ApplicationScoped;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.mlmdkb.paper.PaperDtos.RelatedPaper;
import org.mlmdkb.search.HybridSearch;
import org.mlmdkb.search.HybridSearch.NearPaper;
import org.mlmdkb.search.SearchUnavailableException;

/**
 * Blends closeness in meaning into "related papers": the papers sharing methods, datasets, tags or
 * title words (RelatedRepository's scores) and the papers nearest to this one's embedding are
 * ranked together, each scored by its links plus its similarity. Uses stored vectors only, so it
 * works while the model itself is unavailable; without a vector for the paper, the links alone
 * rank, as before.
 */
@ApplicationScoped
public class RelatedByMeaning {

  /**
   * Similarity is worth up to {@value #SIMILARITY_WEIGHT} points (as much as two shared methods),
   * counted linearly from a cosine of {@value #SIMILARITY_FLOOR}, below which titles of this corpus
   * are about unrelated things, to 1.
   */
  static final double SIMILARITY_WEIGHT = 6.0;

  static final double SIMILARITY_FLOOR = 0.4;

  /** Link weights of RelatedRepository, for papers that only the vector search found. */
  private static final double METHOD = 3;

  private static final double DATASET = 2;
  private static final double TAG = 1;

  private final HybridSearch hybrid;
  private final PaperLinksRepository papers;
  private final TextEmbedder embedder;

  public RelatedByMeaning(HybridSearch hybrid, PaperLinksRepository papers, TextEmbedder embedder) {
    this.hybrid = hybrid;
    this.papers = papers;
    this.embedder = embedder;
  }

  /** How many papers by links the blend should be given to rank {@code limit}. */
  public static int candidatesFor(int limit) {
    return Math.max(50, 3 * limit);
  }

  /** The best {@code limit} of {@code byLinks} and the nearest papers, blended. */
  public List<RelatedPaper> blend(long paperId, List<RelatedPaper> byLinks, int limit)
      throws SQLException {
    List<NearPaper> near = nearest(paperId, candidatesFor(limit));
    if (near.isEmpty()) {
      return byLinks.size() > limit ? byLinks.subList(0, limit) : byLinks;
    }
    Map<Long, Double> similarity = new LinkedHashMap<>();
    near.forEach(n -> similarity.put(n.id(), n.similarity()));
    Map<Long, RelatedPaper> all = new LinkedHashMap<>();
    byLinks.forEach(r -> all.put(r.id(), r));
    Set<Long> onlyNear = new LinkedHashSet<>(similarity.keySet());
    onlyNear.removeAll(all.keySet());
    for (PaperLinksRepository.Linked l : papers.sharedWith(paperId, onlyNear).values()) {
      double links =
          METHOD * l.sharedMethods().size()
              + DATASET * l.sharedDatasets().size()
              + TAG * l.sharedTags().size();
      all.put(
          l.id(),
          new RelatedPaper(
              l.id(),
              l.title(),
              l.year(),
              links,
              l.sharedMethods(),
              l.sharedDatasets(),
              l.sharedTags()));
    }
    List<RelatedPaper> out = new ArrayList<>();
    for (RelatedPaper r : all.values()) {
      double score = r.score() + similarityPoints(similarity.getOrDefault(r.id(), 0.0));
      out.add(
          new RelatedPaper(
              r.id(),
              r.title(),
              r.year(),
              Math.round(score * 1000) / 1000.0,
              r.sharedMethods(),
              r.sharedDatasets(),
              r.sharedTags()));
    }
    out.sort(
        Comparator.comparingDouble(RelatedPaper::score)
            .reversed()
            .thenComparingLong(RelatedPaper::id));
    return out.size() > limit ? List.copyOf(out.subList(0, limit)) : out;
  }

  static double similarityPoints(double cosine) {
    return SIMILARITY_WEIGHT * Math.max(0, (cosine - SIMILARITY_FLOOR) / (1 - SIMILARITY_FLOOR));
  }

  private List<NearPaper> nearest(long paperId, int k) throws SQLException {
    Optional<float[]> v = papers.vector(embedder.modelId(), paperId);
    if (v.isEmpty()) {
      return List.of();
    }
    try {
      return hybrid.nearestPapers(v.get(), null, Set.of(paperId), k);
    } catch (SearchUnavailableException e) {
      return List.of(); // the index is rebuilding: links alone, as without vectors
    }
  }
}
