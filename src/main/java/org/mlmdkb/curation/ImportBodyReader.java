package org.mlmdkb.curation;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.mlmdkb.common.error.ApiException;
import org.mlmdkb.common.error.Problem;

/**
 * An import body read as a stream of UTF-8 text, so a parser can consume it without the whole body
 * in memory: at most {@code maxBytes} bytes (413 beyond), strictly UTF-8 (400 otherwise) and free
 * of NUL (PostgreSQL cannot store it). A fault surfaces from inside the parser as a {@link Fault},
 * which {@link #rethrow} turns back into its problem.
 */
public final class ImportBodyReader extends Reader {

  /** A body fault carried through a parser's own exception handling. */
  public static final class Fault extends IOException {
    private final transient ApiException problem;

    Fault(ApiException problem) {
      super(problem.getMessage());
      this.problem = problem;
    }
  }

  private final Reader utf8;

  private ImportBodyReader(InputStream body, long maxBytes) {
    InputStream bounded =
        new Bounded(body == null ? InputStream.nullInputStream() : body, maxBytes);
    this.utf8 =
        new InputStreamReader(
            bounded,
            StandardCharsets.UTF_8
                .newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT));
  }

  public static ImportBodyReader of(InputStream body, long maxBytes) {
    return new ImportBodyReader(body, maxBytes);
  }

  @Override
  public int read(char[] buffer, int offset, int length) throws IOException {
    int n;
    try {
      n = utf8.read(buffer, offset, length);
    } catch (CharacterCodingException e) {
      throw new Fault(
          ImportBodies.malformed(
              "The body must be UTF-8 text",
              List.of(new Problem.FieldError("body", "body", "is not valid UTF-8"))));
    }
    for (int i = offset; i < offset + Math.max(n, 0); i++) {
      if (buffer[i] == '\u0000') {
        throw new Fault(
            ImportBodies.malformed(
                "The body contains a NUL character",
                List.of(new Problem.FieldError("body", "body", "contains a NUL character"))));
      }
    }
    return n;
  }

  /** The whole body as text, for formats that cannot be parsed as a stream (BibTeX). */
  public String readAll() {
    StringBuilder text = new StringBuilder();
    char[] buffer = new char[8192];
    try {
      for (int n; (n = read(buffer, 0, buffer.length)) >= 0; ) {
        text.append(buffer, 0, n);
      }
    } catch (IOException e) {
      throw rethrow(e);
    }
    return text.toString();
  }

  @Override
  public void close() throws IOException {
    utf8.close();
  }

  /**
   * The problem a body fault stands for, wherever a parser wrapped it; any other failure is
   * returned as null so the caller reports it as its own format's error.
   */
  public static ApiException faultIn(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause()) {
      if (t instanceof Fault f) {
        return f.problem;
      }
      if (t instanceof ApiException a) {
        return a;
      }
    }
    return null;
  }

  /** {@link #faultIn}, or an unchecked wrapper of an I/O failure of the connection itself. */
  public static RuntimeException rethrow(Throwable failure) {
    ApiException problem = faultIn(failure);
    if (problem != null) {
      return problem;
    }
    return ImportBodies.malformed("could not be read: " + ImportBodies.firstLine(failure));
  }

  /** Counts bytes and fails past the limit, so an oversized body is never buffered. */
  private static final class Bounded extends FilterInputStream {
    private final long maxBytes;
    private long seen;

    Bounded(InputStream in, long maxBytes) {
      super(in);
      this.maxBytes = maxBytes;
    }

    @Override
    public int read() throws IOException {
      int b = super.read();
      if (b >= 0) {
        count(1);
      }
      return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
      int n = super.read(buffer, offset, length);
      if (n > 0) {
        count(n);
      }
      return n;
    }

    private void count(int n) throws Fault {
      seen += n;
      if (seen > maxBytes) {
        throw new Fault(ImportBodies.tooLarge(maxBytes));
      }
    }
  }
}
