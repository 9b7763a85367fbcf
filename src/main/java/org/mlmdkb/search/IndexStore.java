package org.mlmdkb.search;

import io.agroal.api.AgroalDataSource;
import io.quarkus.logging.Log;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.ConcurrentMergeScheduler;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.SegmentCommitInfo;
import org.apache.lucene.index.SegmentInfos;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.mlmdkb.search.IndexSourceRepository.Change;
import org.mlmdkb.search.IndexSourceRepository.ChangeBatch;

/**
 * One index directory: its single IndexWriter, the SearcherManager readers borrow from, and the
 * watermark of the change sequence. Each Lucene commit stores the watermark with the documents it
 * covers, so after a crash the next open resumes from exactly what is on disk; applying a change
 * twice is harmless (a document is re-read from PostgreSQL and replaced).
 */
final class IndexStore implements AutoCloseable {

  /** Bumped whenever documents or analysis change shape: an index of another format is rebuilt. */
  static final String FORMAT = "7";

  static final String FORMAT_KEY = "kb.format";
  static final String SOURCE_KEY = "kb.source";
  static final String XMIN_KEY = "kb.change_xmin";
  static final String COMMITTED_AT_KEY = "kb.committed_at";

  /** The embedding model of the index's vectors (DocumentVectors.model); "" for none. */
  static final String VECTOR_MODEL_KEY = "kb.vector_model";

  private static final int REBUILD_BATCH = 1000;

  private static final double RAM_BUFFER_MB = 64;

  private static final double REBUILD_RAM_BUFFER_MB = 256;
  private static final int CHANGE_BATCH = 5000;

  private final Path dir;
  private final AgroalDataSource dataSource;
  private final Duration retention;
  private final DocumentVectors vectors;
  private final Object writeLock = new Object();

  /**
   * Serialises commits. A commit (an fsync of the index, tens to hundreds of milliseconds) runs
   * outside writeLock, so a write's read-your-writes catch-up never waits behind one.
   */
  private final Object commitLock = new Object();

  /** Changes applied so far; a commit clears dirty only if none was applied while it ran. */
  private long appliedChanges;

  /**
   * appliedChanges at the follower's last step and at the last merge (mergeWhenQuiet); none yet, so
   * that the first quiet step also merges what an earlier run left.
   */
  private long appliedAtLastStep;

  private long appliedAtLastMerge = -1;

  private Directory directory;
  private IndexWriter writer;
  private SearcherManager searchers;
  private String sourceId;
  private long xmin;
  private long pendingXmin;
  private boolean dirty;

  /** Rows applied whose transaction may still be at or above the watermark: not re-applied. */
  private final Map<Long, Long> appliedAboveWatermark = new HashMap<>();

  IndexStore(Path dir, AgroalDataSource dataSource, Duration retention) {
    this(dir, dataSource, retention, DocumentVectors.NONE);
  }

  IndexStore(Path dir, AgroalDataSource dataSource, Duration retention, DocumentVectors vectors) {
    this.dir = dir;
    this.dataSource = dataSource;
    this.retention = retention;
    this.vectors = vectors;
  }

  /**
   * Opens the index on disk if it is usable, otherwise rebuilds it; says why through {@code why}.
   */
  void openOrRebuild(Consumer<String> why) throws IOException, SQLException {
    // commitLock before writeLock, always (commitIfChanged's order): a rebuild commits.
    synchronized (commitLock) {
      synchronized (writeLock) {
        openOrRebuildLocked(why);
      }
    }
  }

  private void openOrRebuildLocked(Consumer<String> why) throws IOException, SQLException {
    Files.createDirectories(dir);
    try (Connection c = dataSource.getConnection()) {
      sourceId = IndexSourceRepository.sourceId(c);
    }
    directory = FSDirectory.open(dir);
    String reason = unusableBecause();
    if (reason == null) {
      try {
        writer = new IndexWriter(directory, config(IndexWriterConfig.OpenMode.APPEND));
        xmin = Long.parseLong(userData().get(XMIN_KEY));
      } catch (IOException | RuntimeException e) {
        closeQuietly();
        directory = FSDirectory.open(dir);
        reason = "the index could not be opened (" + e.getMessage() + ")";
      }
    }
    if (reason != null) {
      Log.infof("Rebuilding the search index in %s: %s", dir, reason);
      why.accept(reason);
      writer = new IndexWriter(directory, config(IndexWriterConfig.OpenMode.CREATE));
      rebuild();
    }
    pendingXmin = xmin;
    searchers = new SearcherManager(writer, null);
  }

  private Map<String, String> userData() throws IOException {
    return SegmentInfos.readLatestCommit(directory).getUserData();
  }

  /** Null when the index on disk can be used as it is. */
  private String unusableBecause() {
    try {
      if (!DirectoryReader.indexExists(directory)) {
        return "no index yet";
      }
      Map<String, String> data = userData();
      if (!FORMAT.equals(data.get(FORMAT_KEY))) {
        return "format " + data.get(FORMAT_KEY) + " instead of " + FORMAT;
      }
      if (!sourceId.equals(data.get(SOURCE_KEY))) {
        return "built from another database";
      }
      String model = vectors.model();
      if (model != null && !model.equals(data.get(VECTOR_MODEL_KEY))) {
        return "its vectors are not those of the embedding model " + model;
      }
      long committedAt = Long.parseLong(data.getOrDefault(COMMITTED_AT_KEY, "0"));
      if (committedAt < System.currentTimeMillis() - retention.toMillis()) {
        return "last committed before the oldest kept change";
      }
      Long.parseLong(data.get(XMIN_KEY));
      return null;
    } catch (IOException | RuntimeException e) {
      return "unreadable (" + e.getMessage() + ")";
    }
  }

  private static IndexWriterConfig config(IndexWriterConfig.OpenMode mode) {
    IndexWriterConfig c = new IndexWriterConfig(SearchAnalysis.index());
    c.setSimilarity(IndexFields.similarity());
    c.setOpenMode(mode);
    c.setRAMBufferSizeMB(RAM_BUFFER_MB);
    c.setMergePolicy(new FewSmallSegments());
    return c;
  }

  /**
   * Everything live, read in one REPEATABLE READ snapshot whose xmin becomes the watermark: every
   * change the snapshot missed belongs to a transaction at or above it, and is applied next.
   */
  private void rebuild() throws IOException, SQLException {
    long started = System.nanoTime();
    writer.deleteAll();
    int papers = 0;
    // Fewer, larger flushes while every document is new; single changes go back to the default.
    writer.getConfig().setRAMBufferSizeMB(REBUILD_RAM_BUFFER_MB);
    try (Connection c = dataSource.getConnection();
        ParallelAdder adder =
            new ParallelAdder(writer, Runtime.getRuntime().availableProcessors())) {
      boolean auto = c.getAutoCommit();
      c.setAutoCommit(false);
      c.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
      c.setReadOnly(true);
      try {
        xmin = IndexSourceRepository.snapshotXmin(c);
        long after = 0;
        while (true) {
          List<Long> ids = IndexSourceRepository.livePaperIds(c, after, REBUILD_BATCH);
          if (ids.isEmpty()) {
            break;
          }
          Map<Long, float[]> vs = vectors.vectors(c, "paper", ids);
          List<Document> docs = new ArrayList<>(ids.size());
          for (var p : IndexSourceRepository.papers(c, ids)) {
            docs.add(IndexDocuments.withVector(IndexDocuments.paper(p), vs.get(p.id())));
          }
          adder.add(docs);
          papers += ids.size();
          after = ids.get(ids.size() - 1);
        }
        List<Long> methods = new ArrayList<>();
        List<Long> datasets = new ArrayList<>();
        List<Long> articles = new ArrayList<>();
        for (String[] row : IndexSourceRepository.otherIds(c)) {
          long id = Long.parseLong(row[1]);
          switch (row[0]) {
            case "method" -> methods.add(id);
            case "dataset" -> datasets.add(id);
            default -> articles.add(id);
          }
        }
        Map<String, Map<Long, float[]>> vs = entityVectors(c, methods, datasets);
        for (var e : IndexSourceRepository.entities(c, methods, datasets)) {
          writer.addDocument(
              IndexDocuments.withVector(IndexDocuments.entity(e), vs.get(e.type()).get(e.id())));
        }
        Map<Long, float[]> av = vectors.vectors(c, "article", articles);
        for (var a : IndexSourceRepository.articles(c, articles)) {
          writer.addDocument(IndexDocuments.withVector(IndexDocuments.article(a), av.get(a.id())));
        }
        for (var t : IndexSourceRepository.tags(c, null)) {
          writer.addDocument(IndexDocuments.tag(t));
        }
        adder.finish();
        c.commit();
      } finally {
        c.setReadOnly(false);
        c.setTransactionIsolation(Connection.TRANSACTION_READ_COMMITTED);
        c.setAutoCommit(auto);
      }
    }
    writer.getConfig().setRAMBufferSizeMB(RAM_BUFFER_MB);
    pendingXmin = xmin;
    dirty = true;
    appliedChanges++;
    commitIfChanged();
    Log.infof(
        "Search index rebuilt: %d papers in %d ms",
        papers, (System.nanoTime() - started) / 1_000_000);
  }

  /**
   * Applies every change committed since the watermark and makes it visible to the next search.
   * Synchronous: a caller that committed a write before calling sees it afterwards.
   */
  void catchUp() throws IOException, SQLException {
    synchronized (writeLock) {
      // Pages by sequence number; the new watermark is the first page's xmin, the lowest, so a
      // transaction that commits between two pages is still read next time.
      Long nextXmin = null;
      long afterSeq = 0;
      boolean more = true;
      while (more) {
        ChangeBatch batch;
        Set<Change> todo = new LinkedHashSet<>();
        try (Connection c = dataSource.getConnection()) {
          batch = IndexSourceRepository.changesSince(c, pendingXmin, afterSeq, CHANGE_BATCH);
          for (Change ch : batch.changes()) {
            if (!appliedAboveWatermark.containsKey(ch.seq())) {
              todo.add(ch);
            }
          }
          if (!todo.isEmpty()) {
            apply(c, todo);
            dirty = true;
            appliedChanges++;
          }
        }
        if (nextXmin == null) {
          nextXmin = batch.xmin();
        }
        for (Change ch : batch.changes()) {
          appliedAboveWatermark.put(ch.seq(), ch.txid());
          afterSeq = ch.seq();
        }
        more = batch.changes().size() == CHANGE_BATCH;
      }
      pendingXmin = Math.max(pendingXmin, nextXmin);
      long watermark = pendingXmin;
      appliedAboveWatermark.values().removeIf(txid -> txid < watermark);
      searchers.maybeRefreshBlocking();
    }
  }

  private void apply(Connection c, Set<Change> changes) throws IOException, SQLException {
    Set<Long> papers = new LinkedHashSet<>();
    Set<Long> methods = new LinkedHashSet<>();
    Set<Long> datasets = new LinkedHashSet<>();
    Set<Long> articles = new LinkedHashSet<>();
    Set<String> tags = new LinkedHashSet<>();
    Set<Long> authors = new LinkedHashSet<>();
    for (Change ch : changes) {
      switch (ch.kind()) {
        case "paper" -> papers.add(Long.parseLong(ch.key()));
        case "method" -> methods.add(Long.parseLong(ch.key()));
        case "dataset" -> datasets.add(Long.parseLong(ch.key()));
        case "article" -> articles.add(Long.parseLong(ch.key()));
        case "tag" -> tags.add(ch.key());
        case "author" -> authors.add(Long.parseLong(ch.key()));
        default -> Log.warnf("Unknown search change kind %s", ch.kind());
      }
    }
    // A method's name or a tag's label is part of every linked paper's document.
    papers.addAll(IndexSourceRepository.papersOfMethods(c, methods));
    papers.addAll(IndexSourceRepository.papersOfDatasets(c, datasets));
    papers.addAll(IndexSourceRepository.papersOfTags(c, tags));
    papers.addAll(IndexSourceRepository.papersOfAuthors(c, authors));
    Set<String> gone = new LinkedHashSet<>();
    papers.forEach(id -> gone.add(IndexDocuments.key("paper", id)));
    methods.forEach(id -> gone.add(IndexDocuments.key("method", id)));
    datasets.forEach(id -> gone.add(IndexDocuments.key("dataset", id)));
    articles.forEach(id -> gone.add(IndexDocuments.key("article", id)));
    tags.forEach(slug -> gone.add(IndexDocuments.key("tag", slug)));
    Map<Long, float[]> pv = vectors.vectors(c, "paper", papers);
    for (var p : IndexSourceRepository.papers(c, papers)) {
      replace(
          IndexDocuments.key("paper", p.id()),
          IndexDocuments.withVector(IndexDocuments.paper(p), pv.get(p.id())),
          gone);
    }
    Map<String, Map<Long, float[]>> ev = entityVectors(c, methods, datasets);
    for (var e : IndexSourceRepository.entities(c, methods, datasets)) {
      replace(
          IndexDocuments.key(e.type(), e.id()),
          IndexDocuments.withVector(IndexDocuments.entity(e), ev.get(e.type()).get(e.id())),
          gone);
    }
    Map<Long, float[]> av = vectors.vectors(c, "article", articles);
    for (var a : IndexSourceRepository.articles(c, articles)) {
      replace(
          IndexDocuments.key("article", a.id()),
          IndexDocuments.withVector(IndexDocuments.article(a), av.get(a.id())),
          gone);
    }
    for (var t : IndexSourceRepository.tags(c, tags)) {
      replace(IndexDocuments.key("tag", t.slug()), IndexDocuments.tag(t), gone);
    }
    // Whatever was asked for and is no longer live (deleted, unpublished) leaves the index.
    for (String key : gone) {
      writer.deleteDocuments(new Term(IndexFields.KEY, key));
    }
  }

  private Map<String, Map<Long, float[]>> entityVectors(
      Connection c, Collection<Long> methods, Collection<Long> datasets) throws SQLException {
    return Map.of(
        "method", vectors.vectors(c, "method", methods),
        "dataset", vectors.vectors(c, "dataset", datasets));
  }

  private void replace(String key, org.apache.lucene.document.Document doc, Set<String> gone)
      throws IOException {
    writer.updateDocument(new Term(IndexFields.KEY, key), doc);
    gone.remove(key);
  }

  /**
   * Makes applied changes durable, with the watermark they reach. The watermark and commit data are
   * taken under writeLock, the commit itself runs outside it: changes applied meanwhile may be
   * included in the commit while its data names the older watermark, so a restart applies them
   * again, which is harmless (each change replaces its document from PostgreSQL's current state).
   */
  void commitIfChanged() throws IOException {
    synchronized (commitLock) {
      long watermark;
      long applied;
      synchronized (writeLock) {
        // A merge finished since the last commit also counts, so that a restart opens it.
        if (!dirty && pendingXmin == xmin && (writer == null || !writer.hasUncommittedChanges())) {
          return;
        }
        watermark = pendingXmin;
        applied = appliedChanges;
        writer.setLiveCommitData(
            Map.of(
                    IndexStore.FORMAT_KEY,
                    FORMAT,
                    SOURCE_KEY,
                    sourceId,
                    XMIN_KEY,
                    Long.toString(watermark),
                    COMMITTED_AT_KEY,
                    Long.toString(System.currentTimeMillis()),
                    VECTOR_MODEL_KEY,
                    vectors.model() == null ? "" : vectors.model())
                .entrySet());
      }
      writer.commit();
      synchronized (writeLock) {
        xmin = watermark;
        if (appliedChanges == applied) {
          dirty = false;
        }
      }
    }
  }

  /**
   * Once no change was applied since the last call (a quiet poll of the follower) and some were
   * before: merges the small segments those writes left (FewSmallSegments), in the background.
   * Refreshes the searchers either way, so that a merge finished since shows in the next search;
   * the follower's next commit makes it durable.
   */
  void mergeWhenQuiet() throws IOException {
    // commitLock: a rebuild or close, which hold it, replace or close the writer.
    synchronized (commitLock) {
      long applied;
      synchronized (writeLock) {
        applied = appliedChanges;
      }
      if (applied == appliedAtLastStep && applied != appliedAtLastMerge) {
        appliedAtLastMerge = applied;
        writer.maybeMerge();
      }
      appliedAtLastStep = applied;
      searchers.maybeRefresh();
    }
  }

  /**
   * What {@link #mergeWhenQuiet} would do at the next quiet poll, now and to the end: merges the
   * small segments, waits for the merge and refreshes the searchers. The follower then finds
   * nothing to merge until the next change. Answers how many segments the refreshed searcher reads:
   * no change is applied meanwhile (writeLock), so a write arriving just after cannot blur what the
   * merge left.
   */
  int settle() throws IOException {
    synchronized (commitLock) {
      if (writer == null) {
        return 0;
      }
      synchronized (writeLock) {
        appliedAtLastMerge = appliedChanges;
        appliedAtLastStep = appliedChanges;
        writer.maybeMerge();
        if (writer.getConfig().getMergeScheduler() instanceof ConcurrentMergeScheduler merges) {
          merges.sync();
        }
        searchers.maybeRefreshBlocking();
        IndexSearcher settled = searchers.acquire();
        try {
          return settled.getIndexReader().leaves().size();
        } finally {
          searchers.release(settled);
        }
      }
    }
  }

  /** Deletes change rows older than the retention; an index older than that is rebuilt. */
  void pruneChanges() throws SQLException {
    try (Connection c = dataSource.getConnection()) {
      IndexSourceRepository.prune(c, retention.toSeconds());
    }
  }

  /** The watermark stored in the last commit. */
  long committedXmin() {
    return xmin;
  }

  /**
   * The index in {@code dir} as last committed, for reading only: no writer and no database, so a
   * bench harness can search a directory a running service keeps writing (src/test SearchFloor).
   */
  static IndexStore readOnly(Path dir) throws IOException {
    IndexStore s = new IndexStore(dir, null, Duration.ZERO);
    s.directory = FSDirectory.open(dir);
    s.searchers = new SearcherManager(s.directory, null);
    return s;
  }

  IndexSearcher acquire() throws IOException {
    return searchers.acquire();
  }

  void release(IndexSearcher searcher) throws IOException {
    searchers.release(searcher);
  }

  /** Closes without committing: what a crash leaves behind (tests). */
  void abandon() throws IOException {
    synchronized (writeLock) {
      searchers.close();
      writer.rollback();
      directory.close();
    }
  }

  /** Commits and closes, after any running merge: the index's lock is free again afterwards. */
  @Override
  public void close() {
    synchronized (commitLock) {
      synchronized (writeLock) {
        closeLocked(false);
      }
    }
  }

  /**
   * As {@link #close}, for a JVM about to exit: a running merge of large segments is not waited
   * for. Closing (or rolling back) waits for running merges, and Lucene 9.12 cannot stop a merge
   * while it builds a vector graph (apache/lucene#16367): after a rebuild, merging into one segment
   * (FewSmallSegments) takes 75 s at 100,000 papers. The last commit stands, as after a crash; the
   * merge thread ends with the JVM, and the next start removes its files and merges again. Only at
   * exit: the writer left open keeps the index's lock, which a restart inside the same JVM (dev
   * mode's reload) would find taken.
   */
  void closeForExit() {
    synchronized (commitLock) {
      synchronized (writeLock) {
        closeLocked(true);
      }
    }
  }

  private void closeLocked(boolean exiting) {
    try {
      commitIfChanged();
    } catch (IOException | RuntimeException e) {
      Log.warnf("Search index not committed at close: %s", e.getMessage());
    }
    if (exiting && mergingLargeSegments()) {
      Log.info("Search index left with a large merge running; the next start merges again");
      try {
        if (searchers != null) { // none yet while a rebuild runs
          searchers.close();
        }
      } catch (IOException | RuntimeException e) {
        Log.warnf("Search index searchers did not close cleanly: %s", e.getMessage());
      }
      searchers = null;
      writer = null;
      directory = null;
      return;
    }
    closeQuietly();
  }

  /** Whether a merge of large segments (minutes with vectors) is running. */
  private boolean mergingLargeSegments() {
    if (writer == null) {
      return false;
    }
    long bytes = 0;
    for (SegmentCommitInfo info : writer.getMergingSegments()) {
      try {
        bytes += info.sizeInBytes();
      } catch (IOException e) {
        return true; // unknown size: do not risk waiting
      }
    }
    return bytes >= FewSmallSegments.SMALL_BYTES;
  }

  private void closeQuietly() {
    try {
      if (searchers != null) {
        searchers.close();
      }
      if (writer != null) {
        writer.close();
      }
      if (directory != null) {
        directory.close();
      }
    } catch (IOException | RuntimeException e) {
      Log.warnf("Search index did not close cleanly: %s", e.getMessage());
    } finally {
      searchers = null;
      writer = null;
      directory = null;
    }
  }
}
