package org.mlmdkb.common.db.replica;

import jakarta.annotation.Priority;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;

/**
 * A replica that stops while a query runs on it kills that connection; the read is repeated on the
 * primary (the replica is left out first) so the client sees an answer, not an error. Reads are
 * side-effect free, so running one twice is harmless.
 */
@ReplicaFallback
@Interceptor
@Priority(Interceptor.Priority.PLATFORM_BEFORE + 100)
public class ReplicaFallbackInterceptor {

  private final ReplicaMonitor monitor;

  public ReplicaFallbackInterceptor(ReplicaMonitor monitor) {
    this.monitor = monitor;
  }

  @AroundInvoke
  Object readWithFallback(InvocationContext call) throws Exception {
    if (!ReplicaUse.begin()) {
      return call.proceed();
    }
    try {
      return call.proceed();
    } catch (Exception failure) {
      if (!ReplicaUse.replicaWasUsed() || !ConnectionFailures.isConnectionFailure(failure)) {
        throw failure;
      }
      monitor.leaveOut(failure);
      ReplicaUse.forget();
      return call.proceed();
    } finally {
      ReplicaUse.end();
    }
  }
}
