package org.mlmdkb.search;

import static org.mlmdkb.search.IndexFields.*;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.FieldType;
import org.apache.lucene.document.IntPoint;
import org.apache.lucene.document.KnnFloatVectorField;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.SortedDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.facet.FacetsConfig;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesFacetField;
import org.apache.lucene.index.VectorSimilarityFunction;
import org.apache.lucene.util.BytesRef;
import org.mlmdkb.search.IndexSourceRepository.ArticleSource;
import org.mlmdkb.search.IndexSourceRepository.EntitySource;
import org.mlmdkb.search.IndexSourceRepository.PaperSource;
import org.mlmdkb.search.IndexSourceRepository.TagSource;

/** Turns rows read from PostgreSQL into index documents; nothing here is not in the database. */
final class IndexDocuments {

  static final FacetsConfig FACETS = facetsConfig();

  private IndexDocuments() {}

  private static FacetsConfig facetsConfig() {
    FacetsConfig config = new FacetsConfig();
    for (String dim : List.of(TAG, METHOD, DATASET)) {
      config.setMultiValued(dim, true);
    }
    return config;
  }

  static String key(String type, long id) {
    return type + ":" + id;
  }

  static Document paper(PaperSource p) throws IOException {
    Document d = common("paper", key("paper", p.id()), Long.toString(p.id()));
    prose(d, TITLE, p.title(), Field.Store.YES);
    if (p.abstractText() != null) {
      prose(d, BODY, p.abstractText(), Field.Store.YES);
    }
    if (p.venue() != null) {
      d.add(list(VENUE, p.venue()));
      d.add(new StringField(VENUE_KEY, p.venue().toLowerCase(Locale.ROOT), Field.Store.NO));
      d.add(
          new SortedSetDocValuesFacetField(
              "venue", p.venue().toLowerCase(Locale.ROOT) + LABEL_SEPARATOR + p.venue()));
    }
    d.add(list(AUTHORS, String.join(" ; ", p.authors())));
    for (String a : p.authorKeys()) {
      d.add(new StringField(AUTHOR_KEY, a, Field.Store.NO));
    }
    if (p.linkedNames() != null) {
      prose(d, NAMES, p.linkedNames(), Field.Store.NO);
    }
    List<String> tagLabels = new ArrayList<>();
    for (String t : p.tags()) {
      d.add(new StringField(TAG, slug(t), Field.Store.NO));
      d.add(new SortedSetDocValuesFacetField(TAG, t));
      tagLabels.add(t.substring(t.indexOf(LABEL_SEPARATOR) + 1));
    }
    prose(d, TAGS, String.join(" ; ", tagLabels), Field.Store.NO);
    // Method, dataset and direct tag slugs are stored for related papers (what two papers share).
    for (String m : p.methods()) {
      d.add(new StringField(METHOD, slug(m), Field.Store.YES));
      d.add(new SortedSetDocValuesFacetField(METHOD, m));
    }
    for (String ds : p.datasets()) {
      d.add(new StringField(DATASET, slug(ds), Field.Store.YES));
      d.add(new SortedSetDocValuesFacetField(DATASET, ds));
    }
    for (String t : p.directTags()) {
      d.add(new StringField(DIRECT_TAG, t, Field.Store.YES));
    }
    for (String a : p.authorRefs()) {
      d.add(new StringField(AUTHOR_REF, a, Field.Store.YES));
    }
    for (String i : p.introduces()) {
      d.add(new StringField(INTRODUCES, i, Field.Store.NO));
    }
    if (p.year() != null) {
      d.add(list(YEAR_TEXT, Integer.toString(p.year())));
      d.add(new IntPoint(YEAR, p.year()));
      d.add(new StoredField(YEAR, p.year()));
      d.add(new SortedSetDocValuesFacetField(YEAR, Integer.toString(p.year())));
    }
    d.add(new StringField(HAS_CODE, Boolean.toString(p.hasCode()), Field.Store.NO));
    d.add(new StringField("entry_type", p.entryType(), Field.Store.NO));
    // The paper list's sort keys (PaperListIndex). Points beside the numeric keys let a sorted
    // search skip the documents that cannot enter the page.
    d.add(new NumericDocValuesField(PAPER_ID, p.id()));
    long year = p.year() == null ? 0 : p.year();
    d.add(new NumericDocValuesField(SORT_YEAR, year));
    d.add(new LongPoint(SORT_YEAR, year));
    d.add(new SortedDocValuesField(SORT_TITLE, PaperListIndex.titleKey(p.sortTitle())));
    d.add(new NumericDocValuesField(ADDED_AT, p.addedAtMicros()));
    d.add(new LongPoint(ADDED_AT, p.addedAtMicros()));
    // Author names, venue and tags are known words too: never "corrected", and typos of an
    // author's name are corrected to it.
    d.add(
        new TextField(
            SPELL,
            String.join(
                " ",
                p.title(),
                nullToEmpty(p.abstractText()),
                String.join(" ", p.authors()),
                nullToEmpty(p.venue()),
                String.join(" ", tagLabels)),
            Field.Store.NO));
    d.add(new TextField(SUGGEST_TITLE, p.title(), Field.Store.NO));
    return FACETS.build(d);
  }

  /** Links are indexed as a paper's filters only while they still hold their slug. */
  static Document entity(EntitySource e) throws IOException {
    Document d = common(e.type(), key(e.type(), e.id()), e.slug());
    prose(d, TITLE, e.name(), Field.Store.YES);
    prose(d, NAMES, String.join(" ; ", e.aliases()), Field.Store.NO);
    e.aliases().forEach(a -> d.add(new StoredField(ALIAS, a)));
    if (e.description() != null) {
      prose(d, BODY, e.description(), Field.Store.YES);
    }
    Set<String> idents = new LinkedHashSet<>();
    idents.add(ParsedQuery.ident(e.name()));
    e.aliases().forEach(a -> idents.add(ParsedQuery.ident(a)));
    idents.add(ParsedQuery.ident(e.slug()));
    for (String i : idents) {
      if (!i.isEmpty()) {
        d.add(new StringField(IDENT, i, Field.Store.NO));
      }
    }
    d.add(
        new TextField(
            SPELL,
            e.name() + " " + String.join(" ", e.aliases()) + " " + nullToEmpty(e.description()),
            Field.Store.NO));
    return FACETS.build(d);
  }

  /** A tag, held only for completion: no text field, so no search finds or counts it. */
  static Document tag(TagSource t) throws IOException {
    Document d = common("tag", key("tag", t.slug()), t.slug());
    d.add(new StoredField(TAG_LABEL, t.label()));
    return FACETS.build(d);
  }

  static String key(String type, String slug) {
    return type + ":" + slug;
  }

  static Document article(ArticleSource a) throws IOException {
    Document d = common("article", key("article", a.id()), a.slug());
    prose(d, TITLE, a.title(), Field.Store.YES);
    prose(d, BODY, a.summary(), Field.Store.YES);
    prose(d, EXTRA, a.body(), Field.Store.NO);
    d.add(new TextField(SPELL, a.title(), Field.Store.NO));
    return FACETS.build(d);
  }

  /** Adds the item's embedding (unit length, so dot product is cosine), when it has one. */
  static Document withVector(Document d, float[] vector) {
    if (vector != null) {
      d.add(new KnnFloatVectorField(VECTOR, vector, VectorSimilarityFunction.DOT_PRODUCT));
    }
    return d;
  }

  /** A prose or name field, and beside it the keys of the curated synonyms it names. */
  private static void prose(Document d, String field, String value, Field.Store store) {
    d.add(isList(field) ? list(field, value) : new TextField(field, value, store));
    String keys = Synonyms.keysIn(value);
    if (keys != null) {
      d.add(list(concepts(field), keys));
    }
  }

  /** Text scored without its length (IndexFields.isList), hence without norms; not stored. */
  private static Field list(String field, String value) {
    return new Field(field, value, LIST);
  }

  private static final FieldType LIST = listType();

  private static FieldType listType() {
    FieldType t = new FieldType(TextField.TYPE_NOT_STORED);
    t.setOmitNorms(true);
    t.freeze();
    return t;
  }

  private static Document common(String type, String key, String ref) {
    Document d = new Document();
    d.add(new StringField(KEY, key, Field.Store.YES));
    d.add(new StringField(TYPE, type, Field.Store.YES));
    d.add(new SortedDocValuesField(TYPE, new BytesRef(type)));
    d.add(new SortedSetDocValuesFacetField(TYPE, type));
    d.add(new StoredField(REF, ref));
    d.add(new SortedDocValuesField(REF, new BytesRef(ref)));
    return d;
  }

  private static String slug(String slugAndLabel) {
    return slugAndLabel.substring(0, slugAndLabel.indexOf(LABEL_SEPARATOR));
  }

  private static String nullToEmpty(String s) {
    return s == null ? "" : s;
  }
}
