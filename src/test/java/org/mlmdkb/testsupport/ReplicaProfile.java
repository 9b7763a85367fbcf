package org.mlmdkb.testsupport;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.List;

/** The application with a real streaming replica as its read datasource. */
public class ReplicaProfile implements QuarkusTestProfile {

  @Override
  public List<TestResourceEntry> testResources() {
    return List.of(new TestResourceEntry(ReplicaTestResource.class));
  }
}
