package org.mlmdkb.paper.lookup;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;

/** Recorded answers of Crossref and arXiv (src/test/resources/lookup), and fake identifiers. */
final class LookupFixtures {

  // New-style arXiv ids began in 0704, so 0001.* can never be a real paper.
  private static final AtomicInteger ARXIV_SERIAL =
      new AtomicInteger(ThreadLocalRandom.current().nextInt(10000, 50000));

  private LookupFixtures() {}

  /** A recorded answer with @DOI@ / @ID@ replaced by the identifier under test. */
  static String recorded(String name, String identifier) {
    try (InputStream in = LookupFixtures.class.getResourceAsStream("/lookup/" + name)) {
      if (in == null) {
        throw new IllegalArgumentException("No fixture " + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8)
          .replace("@DOI@", identifier)
          .replace("@ID@", identifier);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A DOI under the test prefix 10.5555, unique in this run, upper case as publishers write. */
  static String fakeDoi() {
    return "10.5555/LOOKUP-" + org.mlmdkb.curation.CurationFixtures.unique().toUpperCase();
  }

  static String fakeArxivId() {
    return "0001." + ARXIV_SERIAL.getAndIncrement();
  }
}
