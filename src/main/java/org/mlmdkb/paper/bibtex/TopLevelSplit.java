package org.mlmdkb.paper.bibtex;

import java.util.ArrayList;
import java.util.List;
import java.util.function.IntUnaryOperator;

/** Splits BibTeX text on a separator outside braces: braced text is one token to BibTeX. */
final class TopLevelSplit {

  private TopLevelSplit() {}

  /**
   * The parts of {@code text} between separators; {@code separatorAt} gives the length of the
   * separator starting at an index outside braces, or 0 where there is none.
   */
  static List<String> split(String text, IntUnaryOperator separatorAt) {
    List<String> parts = new ArrayList<>();
    int depth = 0;
    int start = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '{') {
        depth++;
      } else if (c == '}') {
        depth--;
      } else if (depth == 0) {
        int length = separatorAt.applyAsInt(i);
        if (length > 0) {
          parts.add(text.substring(start, i));
          start = i + length;
          i += length - 1;
        }
      }
    }
    parts.add(text.substring(start));
    return parts;
  }
}
