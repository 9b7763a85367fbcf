package org.mlmdkb.curation.auth;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A non-GET endpoint that only reads (a query too large for a URL, sent as a POST body): public,
 * like every GET, so ApiKeyFilter asks for no key.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface PublicRead {}
