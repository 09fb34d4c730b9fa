package io.loadsmith.testing;

import java.nio.file.Path;
import java.util.List;

/** The bundled sample inputs that snapshot and behaviour tests cover, one per construct family. */
public final class Samples {
    private Samples() {}

    public record Sample(String name, Path path) {
        @Override
        public String toString() {
            return name;
        }
    }

    public static List<Sample> all() {
        Path samples = TestPaths.samples();
        return List.of(
                new Sample("bookshop", samples.resolve("specs/bookshop/openapi.yaml")),
                new Sample("petstore-swagger2", samples.resolve("specs/petstore-swagger2/swagger.yaml")),
                new Sample("styles", samples.resolve("specs/styles/openapi.yaml")),
                new Sample("catalog", samples.resolve("specs/catalog/openapi.yaml")),
                new Sample("checkout-plan", samples.resolve("plans/checkout.plan.yaml")),
                new Sample("graphql-plan", samples.resolve("plans/graphql.plan.yaml")),
                new Sample("websocket-plan", samples.resolve("plans/websocket.plan.yaml")));
    }
}
