package org.mlmdkb.search.semantic;

import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtSession;
import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.onnx.AbstractInProcessEmbeddingModel;
import dev.langchain4j.model.embedding.onnx.OnnxBertBiEncoder;
import dev.langchain4j.model.embedding.onnx.PoolingMode;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.logging.Log;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.mlmdkb.common.config.KbConfig;
import org.mlmdkb.search.SearchUnavailableException;

/**
 * The sentence encoder, run in-process by ONNX Runtime from a model shipped on the class path
 * (nothing is downloaded). Loaded in the background at start; a model that fails to load leaves the
 * service up, and says why through {@link #state()}.
 */
@ApplicationScoped
public class TextEmbedder {

  /** Where the model stands; only READY embeds. */
  public enum State {
    DISABLED,
    LOADING,
    READY,
    FAILED
  }

  private final KbConfig.Semantic config;
  private final String cacheDir;
  private final Object loadLock = new Object();
  private final AtomicLong itemTexts = new AtomicLong();
  private final AtomicLong queryTexts = new AtomicLong();
  private volatile State state;
  private volatile String failure;
  private volatile String modelId;
  private volatile int dimensions;
  private volatile Encoder encoder;
  private ExecutorService pool;

  private final Timer queryTimer;
  private final Counter itemCounter;

  public TextEmbedder(KbConfig config, MeterRegistry metrics) {
    this.config = config.search().semantic();
    this.cacheDir = config.embeddedDb().cacheDir();
    this.state = this.config.enabled() ? State.LOADING : State.DISABLED;
    this.queryTimer =
        Timer.builder("kb.semantic.query.embedding")
            .description("Time to embed one search query")
            .publishPercentiles(0.5, 0.99)
            .register(metrics);
    this.itemCounter =
        Counter.builder("kb.semantic.items.embedded")
            .description("Item texts embedded (papers, methods, datasets, articles)")
            .register(metrics);
  }

  void onStart(@Observes StartupEvent event) {
    start();
  }

  /** Loads the model in the background (at start; tests call it on an instance of their own). */
  public void start() {
    if (state == State.DISABLED) {
      return;
    }
    Thread t = new Thread(this::load, "semantic-model-load");
    t.setDaemon(true);
    t.start();
  }

  void onStop(@Observes ShutdownEvent event) {
    synchronized (loadLock) {
      if (pool != null) {
        pool.shutdownNow();
      }
    }
  }

  /**
   * The model's identity as stored with each vector: its name and a hash of the model and tokenizer
   * files, so that another model, or another build of the same one, is told apart. Readable without
   * loading the model; null when disabled or when the files are missing.
   */
  public String modelId() {
    if (state == State.DISABLED) {
      return null;
    }
    String id = modelId;
    if (id == null) {
      synchronized (loadLock) {
        if (modelId == null) {
          try {
            idOf(ModelFiles.read(config.model()));
          } catch (IOException e) {
            fail("the model files cannot be read: " + e.getMessage());
          }
        }
        id = modelId;
      }
    }
    return id;
  }

  private String idOf(ModelFiles files) {
    synchronized (loadLock) {
      if (modelId == null) {
        modelId = config.model() + " sha256:" + files.sha256Prefix();
      }
      return modelId;
    }
  }

  public State state() {
    return state;
  }

  /** Loading or ready: worth queueing work for. */
  public boolean mayBecomeReady() {
    return state == State.LOADING || state == State.READY;
  }

  /** Why the model is not ready (null when it is). */
  public String reason() {
    return switch (state) {
      case READY -> null;
      case DISABLED -> "semantic search is switched off (kb.search.semantic.enabled=false)";
      case LOADING -> "the embedding model is loading";
      case FAILED -> "the embedding model failed to load: " + failure;
    };
  }

  public int dimensions() {
    return dimensions;
  }

  /** One text, on the calling thread (a query); unit length. */
  public float[] embedQuery(String text) {
    Encoder e = ready();
    long started = System.nanoTime();
    float[] v = e.embed(text).content().vector();
    queryTimer.record(System.nanoTime() - started, TimeUnit.NANOSECONDS);
    queryTexts.incrementAndGet();
    return v;
  }

  /** Many texts, spread over the background threads; unit length, in order. */
  public List<float[]> embedItems(List<String> texts) {
    Encoder e = ready();
    List<TextSegment> segments = texts.stream().map(TextSegment::from).toList();
    List<float[]> out = new ArrayList<>(texts.size());
    for (Embedding emb : e.embedAll(segments).content()) {
      out.add(emb.vector());
    }
    itemTexts.addAndGet(texts.size());
    itemCounter.increment(texts.size());
    return out;
  }

  /** Item texts embedded since start (restarts that find stored vectors add none). */
  public long itemTextsEmbedded() {
    return itemTexts.get();
  }

  public long queryTextsEmbedded() {
    return queryTexts.get();
  }

  private Encoder ready() {
    Encoder e = encoder;
    if (e == null) {
      throw new SearchUnavailableException(
          "Search by meaning is unavailable: " + reason() + "; mode=keyword works meanwhile",
          state == State.LOADING ? 5 : 60);
    }
    return e;
  }

  private void load() {
    long started = System.nanoTime();
    try {
      keepNativeLibrariesLocal();
      ModelFiles files = ModelFiles.read(config.model());
      String id = idOf(files);
      OrtEnvironment env = OrtEnvironment.getEnvironment();
      // One core per inference: a query is a few milliseconds on one core, and intra-op threads
      // cost more in hand-offs than they save (measured: p50 7.6 ms with two, 2.8 ms with one).
      OrtSession.SessionOptions options = new OrtSession.SessionOptions();
      options.setIntraOpNumThreads(1);
      options.setInterOpNumThreads(1);
      OrtSession session = env.createSession(files.model(), options);
      OnnxBertBiEncoder bert =
          new OnnxBertBiEncoder(
              env, session, new ByteArrayInputStream(files.tokenizer()), PoolingMode.MEAN);
      ExecutorService threads = newPool(config.threads());
      Encoder e = new Encoder(bert, threads);
      dimensions = e.embed("warm-up").content().dimension();
      synchronized (loadLock) {
        pool = threads;
      }
      encoder = e;
      state = State.READY;
      Log.infof(
          "Embedding model %s ready (%d dimensions) in %d ms",
          id, dimensions, (System.nanoTime() - started) / 1_000_000);
    } catch (Throwable t) { // NOSONAR: a native library or a model that cannot load is not fatal
      fail(t.getClass().getSimpleName() + (t.getMessage() == null ? "" : ": " + t.getMessage()));
    }
  }

  private void fail(String why) {
    failure = why;
    state = State.FAILED;
    Log.errorf("Semantic search unavailable, keyword search unaffected: %s", why);
  }

  /**
   * The tokenizer's native library is unpacked from its jar into DJL's cache: under the service's
   * own cache directory, never under $HOME, and with DJL told it is offline, so that it never tries
   * to fetch a variant (e.g. a CUDA build) from the network. Settings made by the operator win.
   */
  private void keepNativeLibrariesLocal() {
    if (System.getProperty("ENGINE_CACHE_DIR") == null
        && System.getenv("ENGINE_CACHE_DIR") == null) {
      System.setProperty("ENGINE_CACHE_DIR", Path.of(cacheDir, "djl").toString());
    }
    if (System.getProperty("ai.djl.offline") == null && System.getenv("DJL_OFFLINE") == null) {
      System.setProperty("ai.djl.offline", "true");
    }
  }

  private static ExecutorService newPool(int n) {
    AtomicInteger count = new AtomicInteger();
    return Executors.newFixedThreadPool(
        n,
        r -> {
          Thread t = new Thread(r, "semantic-embed-" + count.incrementAndGet());
          t.setDaemon(true);
          return t;
        });
  }

  /** LangChain4j's in-process model over our own ONNX session (one core per inference). */
  private static final class Encoder extends AbstractInProcessEmbeddingModel {
    private final OnnxBertBiEncoder bert;

    Encoder(OnnxBertBiEncoder bert, ExecutorService executor) {
      super(executor);
      this.bert = bert;
    }

    @Override
    protected OnnxBertBiEncoder model() {
      return bert;
    }
  }

  /** The model and tokenizer files, read from the class path. */
  private record ModelFiles(byte[] model, byte[] tokenizer) {

    static ModelFiles read(String name) throws IOException {
      return new ModelFiles(resource(name + ".onnx"), resource(name + "-tokenizer.json"));
    }

    private static byte[] resource(String path) throws IOException {
      ClassLoader loader = Thread.currentThread().getContextClassLoader();
      if (loader == null) {
        loader = TextEmbedder.class.getClassLoader();
      }
      try (InputStream in = loader.getResourceAsStream(path)) {
        if (in == null) {
          throw new IOException(path + " is not on the class path");
        }
        return in.readAllBytes();
      }
    }

    String sha256Prefix() {
      try {
        MessageDigest d = MessageDigest.getInstance("SHA-256");
        d.update(model);
        d.update(tokenizer);
        return HexFormat.of().formatHex(d.digest()).substring(0, 16);
      } catch (NoSuchAlgorithmException e) {
        throw new IllegalStateException("SHA-256 is part of every JDK", e);
      }
    }
  }
}
