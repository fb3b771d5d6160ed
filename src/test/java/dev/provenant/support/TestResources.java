package dev.provenant.support;

import io.quarkus.test.common.QuarkusTestResource;

/** Registers {@link ProvenantTestResource} for every {@code @QuarkusTest} in the module. */
@QuarkusTestResource(ProvenantTestResource.class)
public final class TestResources {

    public static final String ADMIN_TOKEN = "test-admin-token";

    private TestResources() {}
}
