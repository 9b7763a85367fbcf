package org.mlmdkb.common.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;
import java.time.Duration;
import java.util.Optional;

/**
 * Every {@code kb.*} setting in one place (README, "Configuration", lists the environment
 * variables). The embedded-database keys are read before CDI exists, by
 * EmbeddedPostgresConfigSourceFactory; they are declared here too so that a misspelt key fails the
 * start instead of being ignored.
 */
@ConfigMapping(prefix = "kb")
public interface KbConfig {

  /** The external database; when set, no embedded PostgreSQL is started. */
  Db db();

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

  /** External database settings. */
  interface Db {
    /** JDBC or libpq-style URL of an existing PostgreSQL. */
    Optional<String> url();
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
    /** Largest accepted import body in bytes; larger bodies get 413. */
    @WithDefault("5242880")
    long maxBytes();

    /** Imports running at once per instance; beyond it an import waits, then gets 503. */
    @WithDefault("4")
    int maxConcurrent();

    /** How long an import waits for a free slot before its 503 with Retry-After. */
    @WithDefault("30s")
    java.time.Duration queueWait();
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
}
