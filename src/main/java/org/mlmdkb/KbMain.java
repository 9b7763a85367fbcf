package org.mlmdkb;

import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.annotations.QuarkusMain;

/**
 * Starts the service. It only switches off Quarkus' own request-URI check, which answers a target
 * the JDK cannot parse (a stray {@code %}) with a bare 400 and no body: {@code RequestLineGuard}
 * makes the same check and answers a problem naming the parameter. The property must be set before
 * the HTTP server is built, hence here.
 */
@QuarkusMain
public final class KbMain {

  private KbMain() {}

  public static void main(String... args) {
    System.setProperty("vertx.disableURIValidation", "true");
    Quarkus.run(args);
  }
}
