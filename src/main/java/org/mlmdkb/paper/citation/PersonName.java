package org.mlmdkb.paper.citation;

import java.util.Arrays;
import java.util.List;

/**
 * A name as written ("O. Anatole von Lilienfeld") split into given and family parts the way BibTeX
 * reads "First von Last": the family part starts at the first lower-case word after the first word,
 * or is the last word.
 */
public record PersonName(String given, String family) {

  public static PersonName parse(String name) {
    String text = name.strip();
    if (text.contains(",")) {
      // Already "Family, Given".
      int comma = text.indexOf(',');
      return new PersonName(text.substring(comma + 1).strip(), text.substring(0, comma).strip());
    }
    List<String> words = Arrays.asList(text.split("\\s+"));
    if (words.size() == 1) {
      return new PersonName("", text);
    }
    int start = words.size() - 1;
    for (int i = 1; i < words.size() - 1; i++) {
      if (Character.isLowerCase(words.get(i).codePointAt(0))) {
        start = i;
        break;
      }
    }
    return new PersonName(
        String.join(" ", words.subList(0, start)),
        String.join(" ", words.subList(start, words.size())));
  }
}
