package org.mlmdkb.common.db.replica;

import jakarta.interceptor.InterceptorBinding;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a read repository whose methods are retried once on the primary when the replica they were
 * reading from fails mid-query. Only for methods that read and return: never for one that streams
 * to the client as it reads.
 */
@InterceptorBinding
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface ReplicaFallback {}
