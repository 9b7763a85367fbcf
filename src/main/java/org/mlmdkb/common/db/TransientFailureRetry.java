package org.mlmdkb.common.db;

import io.quarkus.logging.Log;
import jakarta.annotation.Priority;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;
import jakarta.transaction.Status;
import jakarta.transaction.TransactionManager;
import java.util.concurrent.ThreadLocalRandom;
import org.mlmdkb.common.error.SqlStates;

/**
 * Wraps the transaction of a {@link RetriesTransientFailures} bean (it runs outside the
 * {@code @Transactional} interceptor): a deadlock or serialization failure rolls the transaction
 * back and runs it again, up to {@link #MAX_ATTEMPTS} times with a short random pause, then answers
 * 503 with Retry-After; a unique violation (a concurrent writer took the slug first) is a 409. A
 * call made inside a transaction that is already open is left alone: only its owner can retry.
 */
@RetriesTransientFailures
@Interceptor
@Priority(Interceptor.Priority.PLATFORM_BEFORE + 100)
public class TransientFailureRetry {

  static final int MAX_ATTEMPTS = 4;
  private static final int MAX_PAUSE_MILLIS = 50;

  private final TransactionManager transactions;

  public TransientFailureRetry(TransactionManager transactions) {
    this.transactions = transactions;
  }

  @AroundInvoke
  Object retry(InvocationContext invocation) throws Exception {
    if (transactions.getStatus() != Status.STATUS_NO_TRANSACTION) {
      return invocation.proceed();
    }
    for (int attempt = 1; ; attempt++) {
      try {
        return invocation.proceed();
      } catch (Exception e) {
        if (SqlStates.conflict(e).isPresent()) {
          throw SqlStates.conflict(e).get();
        }
        if (!SqlStates.isTransient(e)) {
          throw e;
        }
        if (attempt == MAX_ATTEMPTS) {
          Log.warnf(
              "%s gave up after %d attempts that met a deadlock or serialization failure",
              invocation.getMethod().getName(), attempt);
          throw SqlStates.busy();
        }
        // Colliding writers that retry in step collide again; a random pause breaks the step.
        Thread.sleep(ThreadLocalRandom.current().nextInt(1, MAX_PAUSE_MILLIS + 1));
      }
    }
  }
}
