package org.mlmdkb.common.db;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import javax.sql.DataSource;
import org.jdbi.v3.core.ConnectionFactory;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.HandleCallback;
import org.jdbi.v3.core.Handles;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.JdbiException;
import org.jdbi.v3.core.argument.Arguments;
import org.jdbi.v3.core.argument.NullArgument;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.Query;
import org.jdbi.v3.core.statement.SqlStatements;
import org.jdbi.v3.core.statement.TemplateEngine;

/**
 * The one way this code runs SQL outside COPY: Jdbi statements with {@code :name} parameters and
 * row mappers, on a connection the caller owns (Agroal's pool under JTA, a {@code ReadSnapshot}, a
 * seed's connection). Jdbi only binds, executes and maps: it never begins, commits, rolls back or
 * closes that connection, so transactions stay with {@code @Transactional} and the snapshot.
 *
 * <p>A failure comes out as the driver's {@link SQLException}, as before Jdbi: callers, {@code
 * SqlStates} and the replica fallback read SQLSTATEs from it.
 *
 * <p>Jdbi's parser skips {@code ::casts}, quoted strings and identifiers and comments when it looks
 * for {@code :name}, but not dollar-quoted bodies ({@code DO $$ ... $$}): those stay plain JDBC.
 */
public final class Sql {

  /** The connection {@link #JDBI} hands to the handle being opened on this thread. */
  private static final ThreadLocal<Connection> LENT = new ThreadLocal<>();

  private static final Jdbi JDBI = configured();

  private Sql() {}

  /** Runs {@code work} on a connection taken from {@code source} and closed (returned) after. */
  public static <T> T with(DataSource source, HandleCallback<T, SQLException> work)
      throws SQLException {
    try (Connection c = source.getConnection()) {
      return with(c, work);
    }
  }

  /** Runs {@code work} on {@code connection}, which stays open and in its transaction. */
  public static <T> T with(Connection connection, HandleCallback<T, SQLException> work)
      throws SQLException {
    try (Handle h = open(connection)) {
      return work.withHandle(h);
    } catch (JdbiException e) {
      if (e.getCause() instanceof SQLException driver) {
        throw driver;
      }
      throw e;
    }
  }

  /**
   * Runs the query {@code sql} on a connection taken from {@code source} and closed after: {@code
   * read} binds its parameters and maps its rows. The outline of most reads, written once.
   */
  public static <T> T query(DataSource source, String sql, Read<T> read) throws SQLException {
    return with(source, h -> read.from(h.createQuery(sql)));
  }

  /** Like {@link #query(DataSource, String, Read)} on {@code connection}, which stays open. */
  public static <T> T query(Connection connection, String sql, Read<T> read) throws SQLException {
    return with(connection, h -> read.from(h.createQuery(sql)));
  }

  /**
   * The rows {@code sql} reads for the ids bound as the array {@code :ids}, each mapped by {@code
   * row}; an empty list, without a statement, when there are no ids.
   */
  public static <T> List<T> listByIds(
      Connection connection, String sql, Collection<Long> ids, RowMapper<T> row)
      throws SQLException {
    if (ids.isEmpty()) {
      return new ArrayList<>();
    }
    return query(connection, sql, q -> q.bind("ids", ids.toArray(Long[]::new)).map(row).list());
  }

  /** A text[] column as a list; empty for NULL. */
  public static List<String> texts(java.sql.Array array) throws SQLException {
    return array == null ? List.of() : java.util.Arrays.asList((String[]) array.getArray());
  }

  /** Binds a query's parameters, runs it and maps its rows. */
  @FunctionalInterface
  public interface Read<T> {
    T from(Query query) throws SQLException;
  }

  /** Like {@link #with(DataSource, HandleCallback)} for work that returns nothing. */
  public static void use(DataSource source, Work work) throws SQLException {
    with(source, work.returningNothing());
  }

  /** Like {@link #with(Connection, HandleCallback)} for work that returns nothing. */
  public static void use(Connection connection, Work work) throws SQLException {
    with(connection, work.returningNothing());
  }

  /** Statements that return nothing. */
  @FunctionalInterface
  public interface Work {
    void run(Handle h) throws SQLException;

    private HandleCallback<Void, SQLException> returningNothing() {
      return h -> {
        run(h);
        return null;
      };
    }
  }

  /** A handle on a borrowed connection; the caller closes the handle, never the connection. */
  static Handle open(Connection connection) {
    LENT.set(connection);
    try {
      return JDBI.open();
    } finally {
      LENT.remove();
    }
  }

  private static Jdbi configured() {
    Jdbi jdbi =
        Jdbi.create(
            new ConnectionFactory() {
              @Override
              public Connection openConnection() {
                Connection c = LENT.get();
                if (c == null) {
                  throw new IllegalStateException("Sql opens handles on lent connections only");
                }
                return c;
              }

              @Override
              public void closeConnection(Connection c) {
                // Not ours: the pool, the snapshot or the seeder closes it.
              }
            });
    // A handle closed while its connection is in a transaction (JTA, a read snapshot) must not
    // roll that transaction back: its owner ends it.
    jdbi.getConfig(Handles.class).setForceEndTransactions(false);
    // SQL is written whole in text blocks; no <attribute> templating to trip over a '<'.
    jdbi.getConfig(SqlStatements.class).setTemplateEngine(TemplateEngine.NOP);
    // A null of no Java type is left for PostgreSQL to type from its use, as setNull(NULL) did.
    jdbi.getConfig(Arguments.class).setUntypedNullArgument(new NullArgument(Types.NULL));
    jdbi.registerArrayType(Long.class, "bigint");
    jdbi.registerArrayType(Integer.class, "integer");
    jdbi.registerArrayType(Float.class, "float4");
    jdbi.registerArrayType(Double.class, "float8");
    jdbi.registerArrayType(String.class, "text");
    return jdbi;
  }
}
