package org.mlmdkb.search;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.apache.lucene.index.FilterMergePolicy;
import org.apache.lucene.index.MergeTrigger;
import org.apache.lucene.index.SegmentCommitInfo;
import org.apache.lucene.index.SegmentInfos;
import org.apache.lucene.index.TieredMergePolicy;

/**
 * Lucene's tiered merging, plus: when the index is quiet ({@link IndexStore#mergeWhenQuiet}, an
 * explicit merge request), the small segments that single writes left behind (one per refresh) are
 * merged into one, and several large segments (a rebuild writes one per indexing thread) into a
 * single segment with everything else. A search looks up each of its terms in every segment and
 * scores each segment apart, and a keyword search holds a hundred terms or more: at 100,000 papers
 * fourteen segments cost a third more to count than three, and the 117 judged queries take 14 %
 * less time and allocate half as much on one segment as on four (the rebuild's two and two small
 * ones; merging only the small ones gained 6 %), and 9 % less time on one segment than on six at a
 * million papers (src/bench/README.md, stop 30). The tiered policy alone keeps a dozen small ones
 * beside the rebuild's large segments, as it allows a few per size tier. Merging them on every
 * flush instead would rewrite the growing merged segment (and its vector graph) every few writes;
 * the whole index is rewritten only while it has two large segments, once after a rebuild and then
 * each time the small segments grow into a large one. That rewrite runs in the background: 16 s at
 * a million papers without vectors, 75 s at 100,000 with their vector graph, which is rebuilt.
 */
final class FewSmallSegments extends FilterMergePolicy {

  /** Below this a segment is small: a few thousand papers at the most. */
  static final long SMALL_BYTES = 16L << 20;

  /** Small segments allowed before they are merged into one. */
  static final int MAX_SMALL = 2;

  private final long smallBytes;

  FewSmallSegments() {
    this(SMALL_BYTES);
  }

  /** With another bound between small and large segments (tests). */
  FewSmallSegments(long smallBytes) {
    super(new TieredMergePolicy());
    this.smallBytes = smallBytes;
  }

  @Override
  public MergeSpecification findMerges(
      MergeTrigger trigger, SegmentInfos infos, MergeContext context) throws IOException {
    MergeSpecification tiered = super.findMerges(trigger, infos, context);
    if (tiered != null || trigger != MergeTrigger.EXPLICIT) {
      return tiered;
    }
    Set<SegmentCommitInfo> merging = context.getMergingSegments();
    List<SegmentCommitInfo> small = new ArrayList<>();
    int large = 0;
    long bytes = 0;
    for (SegmentCommitInfo info : infos) {
      if (merging.contains(info)) {
        continue;
      }
      long size = size(info, context);
      bytes += size;
      if (size < smallBytes) {
        small.add(info);
      } else {
        large++;
      }
    }
    if (large > 1 && merging.isEmpty() && bytes <= largestMergeBytes()) {
      return merge(infos.asList()); // nothing is merging, so this is every segment
    }
    return small.size() > MAX_SMALL ? merge(small) : null;
  }

  /** The tiered policy never writes a segment larger than this; neither do we. */
  private long largestMergeBytes() {
    return (long) (((TieredMergePolicy) in).getMaxMergedSegmentMB() * 1024 * 1024);
  }

  private static MergeSpecification merge(List<SegmentCommitInfo> segments) {
    MergeSpecification spec = new MergeSpecification();
    spec.add(new OneMerge(segments));
    return spec;
  }
}
