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
 * merged into one. A search looks up each of its terms in every segment, and a keyword search holds
 * a hundred terms or more: at 100,000 papers fourteen segments cost a third more to count than
 * three. The tiered policy alone keeps a dozen small ones beside the rebuild's large segments, as
 * it allows a few per size tier. Merging them on every flush instead would rewrite the growing
 * merged segment (and its vector graph) every few writes.
 */
final class FewSmallSegments extends FilterMergePolicy {

  /** Below this a segment is small: a few thousand papers at the most. */
  static final long SMALL_BYTES = 16L << 20;

  /** Small segments allowed before they are merged into one. */
  static final int MAX_SMALL = 2;

  FewSmallSegments() {
    super(new TieredMergePolicy());
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
    for (SegmentCommitInfo info : infos) {
      if (!merging.contains(info) && size(info, context) < SMALL_BYTES) {
        small.add(info);
      }
    }
    if (small.size() <= MAX_SMALL) {
      return null;
    }
    MergeSpecification spec = new MergeSpecification();
    spec.add(new OneMerge(small));
    return spec;
  }
}
