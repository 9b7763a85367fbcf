package org.mlmdkb.paper.bibtex;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jbibtex.BibTeXDatabase;
import org.jbibtex.BibTeXEntry;
import org.jbibtex.BibTeXParser;
import org.jbibtex.BibTeXString;
import org.jbibtex.Key;
import org.jbibtex.KeyMap;
import org.jbibtex.LaTeXParser;
import org.jbibtex.LaTeXPrinter;
import org.jbibtex.ReferenceValue;
import org.jbibtex.StringValue;
import org.jbibtex.Value;
import org.mlmdkb.curation.Identifiers;
import org.mlmdkb.paper.PaperInput;

/**
 * Reads BibTeX and BibLaTeX with jbibtex, one entry at a time so a malformed entry is named and
 * rejected without losing its neighbours. Handles what real bibliographies contain: prose before
 * the first entry, {@code @string(...)} (which jbibtex only accepts with braces), unquoted journal
 * macros, BibLaTeX's date/journaltitle/eprint, and LaTeX accents.
 */
final class BibTeXReader {

  /** One entry: a paper to import, or the reason it cannot be read. */
  record Entry(int index, String key, PaperInput paper, List<String> warnings, String error) {}

  private static final Pattern ENTRY_START = Pattern.compile("(?m)^[ \\t]*@");
  private static final Pattern HEAD = Pattern.compile("^@\\s*(\\w+)\\s*[{(]\\s*([^,\\s{}()]*)");
  private static final Pattern ARXIV_IN_TEXT =
      Pattern.compile("(?i)arxiv[:\\s]*(\\d{4}\\.\\d{4,5}|[a-z-]+(?:\\.[A-Z]{2})?/\\d{7})");

  /** Common journal macros of physics and chemistry bibliographies (used unquoted). */
  private static final Map<String, String> JOURNAL_MACROS =
      Map.ofEntries(
          Map.entry("physrev", "Physical Review"),
          Map.entry("physreva", "Physical Review A"),
          Map.entry("physrevb", "Physical Review B"),
          Map.entry("physreve", "Physical Review E"),
          Map.entry("physrevlett", "Physical Review Letters"),
          Map.entry("physrevmater", "Physical Review Materials"),
          Map.entry("physrevx", "Physical Review X"),
          Map.entry("revmodphys", "Reviews of Modern Physics"),
          Map.entry("jchemphys", "The Journal of Chemical Physics"),
          Map.entry("jcp", "The Journal of Chemical Physics"),
          Map.entry("jphyschema", "The Journal of Physical Chemistry A"),
          Map.entry("jphyschemb", "The Journal of Physical Chemistry B"),
          Map.entry("jphyschemc", "The Journal of Physical Chemistry C"),
          Map.entry("jphyschemlett", "The Journal of Physical Chemistry Letters"),
          Map.entry("jctc", "Journal of Chemical Theory and Computation"),
          Map.entry("jchemtheorycomput", "Journal of Chemical Theory and Computation"),
          Map.entry("jacs", "Journal of the American Chemical Society"),
          Map.entry("nature", "Nature"),
          Map.entry("science", "Science"),
          Map.entry("natcommun", "Nature Communications"),
          Map.entry("pnas", "Proceedings of the National Academy of Sciences"),
          Map.entry("cpc", "Computer Physics Communications"),
          Map.entry("compphyscomm", "Computer Physics Communications"),
          Map.entry("chemrev", "Chemical Reviews"),
          Map.entry("chemsci", "Chemical Science"));

  private static final String[] MONTHS = {
    "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"
  };

  private static final Pattern DATE_TIME =
      Pattern.compile(
          "^(\\d{4}-\\d{2}-\\d{2})T\\d{2}:\\d{2}(:\\d{2}(\\.\\d+)?)?(Z|[+-]\\d{2}:?\\d{2})?$");

  private static final Pattern YEAR = Pattern.compile("^\\{?\\s*(\\d{4})\\s*\\}?$");

  /** A field whose value would have to be guessed at: the entry is rejected, naming it. */
  private static final class Unreadable extends RuntimeException {
    Unreadable(String message) {
      super(message);
    }
  }

  /**
   * Bounds on {@code @string} macros. Macros are expanded once, when defined, so a chain of macros
   * each built from the one before costs no recursion when used (20,000 chained macros once
   * overflowed the stack); a macro past these bounds is refused and so is every entry that uses it.
   */
  static final int MAX_MACROS = 2_000;

  static final int MAX_MACRO_LENGTH = 10_000;

  private final KeyMap<BibTeXString> macros = new KeyMap<>();
  private final Map<String, String> refusedMacros = new java.util.HashMap<>();

  List<Entry> read(String text) {
    for (int m = 0; m < MONTHS.length; m++) {
      macros.put(
          new Key(MONTHS[m]),
          new BibTeXString(
              new Key(MONTHS[m]), new org.jbibtex.DigitStringValue(String.valueOf(m + 1))));
    }
    List<Entry> entries = new ArrayList<>();
    List<Integer> starts = new ArrayList<>();
    Matcher m = ENTRY_START.matcher(text);
    while (m.find()) {
      starts.add(m.end() - 1);
    }
    int index = 0;
    for (int i = 0; i < starts.size(); i++) {
      // Text before the first entry and between entries is prose: BibTeX ignores it, so do we.
      String chunk =
          text.substring(starts.get(i), i + 1 < starts.size() ? starts.get(i + 1) : text.length())
              .strip();
      Matcher head = HEAD.matcher(chunk);
      String type = head.find() ? head.group(1).toLowerCase(Locale.ROOT) : "";
      switch (type) {
        case "comment", "preamble" -> {}
        case "string" -> readMacro(chunk);
        default -> entries.add(readEntry(++index, key(chunk), chunk));
      }
    }
    return entries;
  }

  private static String key(String chunk) {
    Matcher head = HEAD.matcher(chunk);
    return head.find() ? head.group(2) : "";
  }

  private void readMacro(String chunk) {
    String braced = chunk;
    // jbibtex only knows @string{...}; the equally valid @string(...) is rewritten.
    Matcher paren = Pattern.compile("^@\\s*string\\s*\\(", Pattern.CASE_INSENSITIVE).matcher(chunk);
    if (paren.find()) {
      int close = chunk.lastIndexOf(')');
      if (close > paren.end()) {
        braced = "@string{" + chunk.substring(paren.end(), close) + "}";
      }
    }
    try {
      BibTeXDatabase db = parser().parse(new StringReader(braced));
      db.getStrings().forEach(this::define);
    } catch (Exception | StackOverflowError e) {
      // An unreadable macro only matters where it is used; that entry will say so.
    }
  }

  /** Stores the macro expanded to plain text, or refuses it past the bounds. */
  private void define(Key key, BibTeXString macro) {
    String name = key.getValue().toLowerCase(Locale.ROOT);
    if (macros.size() >= MONTHS.length + MAX_MACROS) {
      refusedMacros.put(name, "is one macro more than the " + MAX_MACROS + " a file may define");
      return;
    }
    try {
      refuseRefusedMacros(macro.getValue());
    } catch (Unreadable e) {
      refusedMacros.put(name, "is built from a refused macro");
      return;
    }
    String expanded = macro.getValue().toUserString();
    if (expanded.length() > MAX_MACRO_LENGTH) {
      refusedMacros.put(name, "expands to more than " + MAX_MACRO_LENGTH + " characters");
      return;
    }
    refusedMacros.remove(name);
    macros.put(key, new BibTeXString(key, new StringValue(expanded, StringValue.Style.BRACED)));
  }

  private Entry readEntry(int index, String key, String chunk) {
    BibTeXDatabase db;
    try {
      db = parser().parse(new StringReader(chunk));
    } catch (Exception | StackOverflowError e) {
      return new Entry(index, key, null, List.of(), "is not valid BibTeX: " + firstLine(e));
    }
    if (db.getEntries().isEmpty()) {
      return new Entry(index, key, null, List.of(), "is not valid BibTeX: no entry found");
    }
    BibTeXEntry entry = db.getEntries().values().iterator().next();
    List<String> warnings = new ArrayList<>();
    try {
      return new Entry(index, entry.getKey().getValue(), toPaper(entry, warnings), warnings, null);
    } catch (Unreadable e) {
      return new Entry(index, entry.getKey().getValue(), null, List.of(), e.getMessage());
    } catch (StackOverflowError e) {
      return new Entry(
          index, entry.getKey().getValue(), null, List.of(), "nests values too deeply to read");
    } catch (RuntimeException e) {
      return new Entry(index, key, null, List.of(), "cannot be read: " + firstLine(e));
    }
  }

  private BibTeXParser parser() throws Exception {
    BibTeXParser parser =
        new BibTeXParser() {
          @Override
          public void checkStringResolution(Key key, BibTeXString string) {
            // Unknown macros are expanded below (journal abbreviations) or kept as written.
          }

          @Override
          public void checkCrossReferenceResolution(Key key, BibTeXEntry entry) {}
        };
    macros.values().forEach(parser::addMacro);
    return parser;
  }

  private PaperInput toPaper(BibTeXEntry e, List<String> warnings) {
    String type = e.getType().getValue().toLowerCase(Locale.ROOT);
    String rawDoi = field(e, "doi");
    String doi = rawDoi == null ? null : Identifiers.doi(rawDoi);
    if (rawDoi != null && doi == null) {
      warnings.add("doi '" + shorten(rawDoi) + "' is not a DOI and was ignored");
    }
    String venue =
        first(
            field(e, "journaltitle"),
            field(e, "journal"),
            field(e, "booktitle"),
            field(e, "school"),
            field(e, "institution"),
            type.equals("misc") || type.equals("online") ? field(e, "howpublished") : null);
    String arxiv = null;
    String eprintType = first(field(e, "eprinttype"), field(e, "archiveprefix"));
    String eprint = field(e, "eprint");
    if (eprint != null && (eprintType == null || eprintType.equalsIgnoreCase("arxiv"))) {
      arxiv = Identifiers.arxiv(eprint);
    }
    if (arxiv == null) {
      // 10.48550/arXiv.2308.13863 is the DOI arXiv issues for 2308.13863.
      arxiv = Identifiers.arxivOfDoi(doi);
    }
    if (arxiv == null && venue != null) {
      Matcher inVenue = ARXIV_IN_TEXT.matcher(venue);
      if (inVenue.find()) {
        arxiv = Identifiers.arxiv(inVenue.group(1));
      }
    }
    String date = null;
    Integer year = null;
    String rawDate = field(e, "date");
    if (rawDate != null) {
      // BibLaTeX dates may be ranges ("2020-01/2020-03"); the start is the paper's date.
      String start = rawDate.split("/")[0].strip();
      // BibLaTeX also allows a date-time (Zotero writes 2024-11-11T16:06:07Z): its date counts.
      Matcher dateTime = DATE_TIME.matcher(start);
      if (dateTime.matches()) {
        start = dateTime.group(1);
      }
      if (start.matches("\\d{4}(-\\d{2}(-\\d{2})?)?")) {
        date = start;
        year = Integer.valueOf(start.substring(0, 4));
      } else {
        warnings.add("date '" + shorten(rawDate) + "' is not an ISO date and was ignored");
      }
    }
    String rawYear = field(e, "year");
    if (rawYear != null) {
      Matcher digits = YEAR.matcher(rawYear);
      if (!digits.matches()) {
        // "20245" or "2020a" would otherwise be cut to a year nobody wrote.
        throw new Unreadable("year '" + shorten(rawYear) + "' is not a four-digit year");
      }
      year = Integer.valueOf(digits.group(1));
      if (date != null && !date.startsWith(digits.group(1))) {
        // They disagree: trust the explicit year, and say so in the report.
        warnings.add(
            "date '" + shorten(rawDate) + "' disagrees with year " + year + " and was ignored");
        date = null;
      }
    }
    String pages = field(e, "pages");
    return new PaperInput(
        entryType(type, field(e, "type"), arxiv, venue),
        field(e, "title"),
        null, // abstracts carry their publisher's licence; they are not imported
        year,
        date,
        venue != null && arxiv != null && ARXIV_IN_TEXT.matcher(venue).find() ? null : venue,
        field(e, "volume"),
        first(field(e, "number"), field(e, "issue")),
        pages == null ? null : pages.replaceAll("\\s*-{1,3}\\s*", "–"),
        field(e, "publisher"),
        doi,
        arxiv,
        field(e, "url"),
        null,
        authors(e),
        List.of());
  }

  private static String entryType(String type, String thesisType, String arxiv, String venue) {
    return switch (type) {
      case "article" ->
          arxiv != null && (venue == null || venue.toLowerCase(Locale.ROOT).contains("arxiv"))
              ? "preprint"
              : "article";
      case "inproceedings", "conference" -> "inproceedings";
      case "incollection", "inbook" -> "incollection";
      case "phdthesis", "mastersthesis", "book", "online", "techreport" -> type;
      case "thesis" ->
          thesisType != null && thesisType.toLowerCase(Locale.ROOT).contains("master")
              ? "mastersthesis"
              : "phdthesis";
      case "report" -> "techreport";
      case "electronic", "www" -> "online";
      case "preprint" -> "preprint";
      default -> arxiv != null && venue == null ? "preprint" : "misc";
    };
  }

  private List<String> authors(BibTeXEntry e) {
    Value value = e.getField(new Key("author"));
    if (value == null) {
      return List.of();
    }
    List<String> names = new ArrayList<>();
    for (String part : splitAnd(value.toUserString())) {
      String name = latexToText(part).strip();
      // "others" and "{al.}" (as in "et al.") stand for authors left out, not for a person.
      if (name.isEmpty()
          || name.equalsIgnoreCase("others")
          || name.equalsIgnoreCase("al.")
          || name.equalsIgnoreCase("et al.")) {
        continue;
      }
      if (ExtendedName.isExtended(part)) {
        names.add(ExtendedName.parse(part, BibTeXReader::latexToText));
        continue;
      }
      String[] pieces = name.split("\\s*,\\s*");
      // "Family, Given" and "Family, Jr, Given" → "Given Family (Jr)".
      if (pieces.length == 2) {
        name = pieces[1] + " " + pieces[0];
      } else if (pieces.length == 3) {
        name = pieces[2] + " " + pieces[0] + " " + pieces[1];
      }
      names.add(name.replaceAll("\\s+", " ").strip());
    }
    return names;
  }

  /** Splits on " and " outside braces. */
  private static List<String> splitAnd(String text) {
    String lower = text.toLowerCase(Locale.ROOT);
    return TopLevelSplit.split(
        text,
        i ->
            Character.isWhitespace(text.charAt(i))
                    && lower.startsWith("and", i + 1)
                    && i + 4 < text.length()
                    && Character.isWhitespace(text.charAt(i + 4))
                ? 5
                : 0);
  }

  private String field(BibTeXEntry e, String name) {
    Value value = e.getField(new Key(name));
    if (value == null) {
      return null;
    }
    String raw;
    refuseRefusedMacros(value);
    if (value instanceof ReferenceValue ref && ref.getString() == null) {
      String macro = ref.getValue().getString();
      raw = JOURNAL_MACROS.getOrDefault(macro.toLowerCase(Locale.ROOT), macro);
    } else {
      raw = value.toUserString();
    }
    String text =
        name.equals("doi") || name.equals("url") || name.equals("eprint")
            ? raw.replaceAll("[{}]", "")
            : latexToText(raw);
    text = text.replaceAll("\\s+", " ").strip();
    return text.isEmpty() ? null : text;
  }

  /** An entry that uses a refused macro is refused too, naming the macro and why. */
  private void refuseRefusedMacros(Value value) {
    if (refusedMacros.isEmpty()) {
      return;
    }
    java.util.ArrayDeque<Value> pending = new java.util.ArrayDeque<>(List.of(value));
    while (!pending.isEmpty()) {
      Value v = pending.pop();
      if (v instanceof ReferenceValue ref) {
        String name = ref.getValue().getString().toLowerCase(Locale.ROOT);
        if (refusedMacros.containsKey(name)) {
          throw new Unreadable(
              "uses macro '" + shorten(name) + "', which " + refusedMacros.get(name));
        }
      } else if (v instanceof org.jbibtex.ConcateValue concat) {
        pending.push(concat.getLeft());
        pending.push(concat.getRight());
      }
    }
  }

  /** Stands in for a literal apostrophe while jbibtex prints (a private-use code point). */
  private static final char APOSTROPHE = '\uE000';

  /** {@code {\"o}} → ö, {@code \&} → &, braces dropped; plain brace-stripping if LaTeX fails. */
  static String latexToText(String latex) {
    if (latex.indexOf('\\') < 0 && latex.indexOf('{') < 0 && latex.indexOf('~') < 0) {
      return latex;
    }
    // Accents first (jbibtex's table lacks some, e.g. the cedilla), so every apostrophe left is
    // a literal one: jbibtex would print it as a typographic quote (SC '23 → SC ’23).
    String plain = LatexText.unicode(latex).replace('\'', APOSTROPHE);
    try {
      return new LaTeXPrinter()
          .print(new LaTeXParser().parse(new StringReader(plain)))
          .replace(APOSTROPHE, '\'');
    } catch (Exception | Error e) {
      return plain.replace(APOSTROPHE, '\'').replaceAll("[{}]", "");
    }
  }

  private static String first(String... values) {
    for (String v : values) {
      if (v != null) {
        return v;
      }
    }
    return null;
  }

  private static String firstLine(Throwable e) {
    String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    String line = message.lines().findFirst().orElse("");
    return shorten(line);
  }

  private static String shorten(String text) {
    return text.length() <= 120 ? text : text.substring(0, 120) + "…";
  }
}
