package org.mlmdkb.common.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.time.Duration;
import java.util.Optional;

/**
 * Every {@code kb.*} setting in one place (README, "Configuration", lists the environment
 * variables). The embedded-database keys are read before CDI exists, by
 * EmbeddedPostgresConfigSourceFactory; they are declared here too so that a misspelt key fails the
 * start instead of being ignored. Numbers carry their bounds, so that a value out of range fails
 * the start with the setting's name instead of misbehaving later.
 */
@ConfigMapping(prefix = "kb")
public interface KbConfig {

  /** The external database; when set, no embedded PostgreSQL is started. */
  Db db();

  /** Read replicas: lag bound and check interval. */
  Replica replica();

  /** The embedded PostgreSQL used when no external database is configured. */
  EmbeddedDb embeddedDb();

  /** The shipped corpus. */
  Seed seed();

  /** Import limits ({@code kb.import.*}; "import" is a Java keyword). */
  @WithName("import")
  Import importing();

  /** Bootstrap admin API key (at least 16 characters), stored hashed at start. */
  Optional<String> adminKey();

  /** Adding papers by DOI or arXiv id ({@code POST /api/v1/papers:lookup}). */
  Lookup lookup();

  /** The Lucene search index. */
  Search search();

  /** Brute-force protection and the optional request-rate limit of anonymous reads. */
  Limits limits();

  /** External database settings. */
  interface Db {
    /** JDBC or libpq-style URL of an existing PostgreSQL. */
    Optional<String> url();
  }

  /** When public reads may use the read datasource ({@code KB_DB_READ_URL}). */
  interface Replica {
    /** Replay delay beyond which the replica is left out and public reads use the primary. */
    @WithDefault("5s")
    Duration maxLag();

    /** How often the primary and the replica are checked (also how soon a replica is back). */
    @WithDefault("1s")
    Duration checkInterval();
  }

  /** Embedded PostgreSQL settings. */
  interface EmbeddedDb {
    /** Whether to start the embedded server when no external URL is given. */
    @WithDefault("true")
    boolean enabled();

    /** Where the PostgreSQL binaries are unpacked, once per version. */
    @WithDefault("/var/tmp/mlmd-kb")
    String cacheDir();

    /** The data directory, kept across restarts; must be reachable by 'nobody' when root. */
    @WithDefault("/var/tmp/mlmd-kb/data-prod")
    String dataDir();

    /** Port on 127.0.0.1; 0 picks a free one. */
    @WithDefault("0")
    @Min(0)
    @Max(65535)
    int port();

    /** Start from an empty data directory (tests). */
    @WithDefault("false")
    boolean wipeOnStart();
  }

  /** Corpus loading. */
  interface Seed {
    /** Load the shipped corpus on start (idempotent). */
    @WithDefault("true")
    boolean enabled();
  }

  /** Bulk import settings. */
  interface Import {
    /** Largest accepted import body in bytes (BibTeX, model YAML, LAMBench, kgcnn); 413 beyond. */
    @WithDefault("5242880")
    @Min(1)
    long maxBytes();

    /** Largest accepted body of a CSV or JSON result-row import in bytes; 413 beyond. */
    @WithDefault("33554432")
    @Min(1)
    long maxResultBytes();

    /**
     * Most rows of one result import; more are refused with 413 before anything is stored. Bounds
     * an import's memory (its rows are held until it commits) and its transaction time.
     */
    @WithDefault("100000")
    @Min(1)
    int maxRows();

    /** Imports running at once per instance; beyond it an import waits, then gets 503. */
    @WithDefault("4")
    @Min(1)
    int maxConcurrent();

    /** How long an import waits for a free slot before its 503 with Retry-After. */
    @WithDefault("30s")
    java.time.Duration queueWait();
  }

  /** Per client address limits; each service instance counts on its own. */
  interface Limits {
    /** Wrong API keys a client address may present per window before it gets 429. */
    @WithDefault("10")
    @Min(1)
    int authFailures();

    /** The window in which failed authentications are counted (also the longest 429). */
    @WithDefault("60s")
    Duration authWindow();

    /** Anonymous GET/HEAD requests per client address and minute; 0 switches the limit off. */
    @WithDefault("0")
    @Min(0)
    int anonymousReadsPerMinute();

    /**
     * The largest request body in bytes outside /api/v1/imports (413 beyond, 411 without a
     * Content-Length); imports are bounded by quarkus.http.limits.max-body-size.
     */
    @WithDefault("2097152")
    @Min(1)
    long maxBodyBytes();
  }

  /** The bibliographic services asked for a paper's metadata. */
  interface Lookup {
    /** Base URL of the Crossref REST API. */
    @WithDefault("https://api.crossref.org")
    String crossrefUrl();

    /** Base URL of the arXiv API. */
    @WithDefault("https://export.arxiv.org/api")
    String arxivUrl();

    /** Connect timeout, and again the wait for an answer, of each upstream request. */
    @WithDefault("10s")
    Duration timeout();

    /** Contact address sent in the User-Agent (Crossref's "polite" pool). */
    Optional<String> mailto();
  }

  /** Search index settings. */
  interface Search {
    /** The index directory; default: the embedded data directory's path followed by "-search". */
    Optional<String> indexDir();

    /** Start from an empty index directory (tests). */
    @WithDefault("false")
    boolean wipeOnStart();

    /** How often changes written by other instances are looked for (LISTEN may be missed). */
    @WithDefault("1s")
    Duration pollInterval();

    /** Time budget of one search; past it the answer is a 503 problem. */
    @WithDefault("2s")
    Duration timeout();

    /**
     * How long an index read waits for this instance's earlier writes to reach the index; past it
     * the answer is a 503 problem with Retry-After.
     */
    @WithDefault("5s")
    Duration readYourWritesTimeout();

    /** Change rows older than this are deleted; an index last committed earlier is rebuilt. */
    @WithDefault("7d")
    Duration changeRetention();

    /** Rebuild a missing index before accepting requests (tests) instead of in the background. */
    @WithDefault("false")
    boolean rebuildBeforeStart();

    /**
     * The mode of /search and /papers?q= when the request names none: hybrid, keyword, semantic.
     */
    @WithDefault("hybrid")
    String defaultMode();

    /** Search by meaning: the embedding model and the background embedding of items. */
    Semantic semantic();
  }

  /** Search by meaning ({@code kb.search.semantic.*}). */
  interface Semantic {
    /**
     * Far more nearest items than any page shows; each graph is searched twice as deep
     * (WideNearestQuery), so the bound also keeps that depth an ordinary int.
     */
    int MAX_CANDIDATES = 10_000;

    /** Load the model and embed items; false leaves keyword search only (the others answer 503). */
    @WithDefault("true")
    boolean enabled();

    /**
     * The model on the class path: "{model}.onnx" and "{model}-tokenizer.json" (a BERT-style
     * sentence encoder with mean pooling); stored vectors record it, a change re-embeds.
     */
    @WithDefault("all-minilm-l6-v2-q")
    String model();

    /** Threads embedding items in the background; each runs the model on one core. */
    @WithDefault("1")
    @Min(1)
    @Max(64)
    int threads();

    /** The nearest items a semantic search considers: its hits at most, and hybrid's share. */
    @WithDefault("100")
    @Min(1)
    @Max(MAX_CANDIDATES)
    int candidates();

    /**
     * Hybrid ranking: the keyword score's weight against similarity (0 to 1), below the hits
     * keyword search is sure of (RankFusion); 0.9 kept every category of the judged set at or above
     * keyword search (src/bench/search-eval/README.md).
     */
    @WithDefault("0.9")
    @DecimalMin("0")
    @DecimalMax("1")
    double keywordWeight();
  }
}
