package io.loadsmith.render.k6;

import com.fasterxml.jackson.databind.JsonNode;
import io.loadsmith.testing.ExpectedRequests;

/** Gives tests in other packages the simulator decoding of this package. */
public final class K6Probe {
    private K6Probe() {}

    public static ExpectedRequests.Request decode(JsonNode event) {
        return K6Simulation.decode(event);
    }
}
