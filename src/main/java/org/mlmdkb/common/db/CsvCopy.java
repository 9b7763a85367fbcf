package org.mlmdkb.common.db;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

/**
 * Streams rows into one {@code COPY … FROM STDIN (FORMAT csv)}: the fastest way to write many rows
 * in one statement, sent in chunks so no copy of all rows is ever built. A null field is written as
 * CSV's unquoted empty field (NULL); text is always quoted, so an empty string stays one.
 */
public final class CsvCopy implements AutoCloseable {

  private static final int CHUNK_CHARS = 64 * 1024;

  private final CopyIn copy;
  private final StringBuilder buffer = new StringBuilder(CHUNK_CHARS + 1024);
  private boolean firstField = true;
  private boolean done;

  private CsvCopy(CopyIn copy) {
    this.copy = copy;
  }

  /** {@code copySql} is a complete {@code COPY table (columns) FROM STDIN (FORMAT csv)}. */
  public static CsvCopy start(Connection c, String copySql) throws SQLException {
    return new CsvCopy(c.unwrap(PGConnection.class).getCopyAPI().copyIn(copySql));
  }

  /** The next field of the current row: null, a number or text (written with its toString). */
  public CsvCopy field(Object value) {
    if (!firstField) {
      buffer.append(',');
    }
    firstField = false;
    if (value == null) {
      return this;
    }
    if (value instanceof Number) {
      buffer.append(value);
      return this;
    }
    String text = value.toString();
    buffer.append('"');
    if (text.indexOf('"') < 0) {
      buffer.append(text); // the usual case, copied at once rather than char by char
    } else {
      for (int i = 0; i < text.length(); i++) {
        char ch = text.charAt(i);
        if (ch == '"') {
          buffer.append('"');
        }
        buffer.append(ch);
      }
    }
    buffer.append('"');
    return this;
  }

  /** Ends the current row. */
  public void endRow() throws SQLException {
    buffer.append('\n');
    firstField = true;
    if (buffer.length() >= CHUNK_CHARS) {
      flush();
    }
  }

  /** Ends the COPY; returns the number of rows the server stored. */
  public long finish() throws SQLException {
    flush();
    done = true;
    return copy.endCopy();
  }

  private void flush() throws SQLException {
    if (buffer.length() == 0) {
      return;
    }
    byte[] bytes = buffer.toString().getBytes(StandardCharsets.UTF_8);
    copy.writeToCopy(bytes, 0, bytes.length);
    buffer.setLength(0);
  }

  /**
   * A COPY left unfinished (a failure while writing) is cancelled, leaving the connection usable.
   */
  @Override
  public void close() throws SQLException {
    if (!done && copy.isActive()) {
      copy.cancelCopy();
    }
  }
}
