package io.loadsmith.tools;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.loadsmith.Generation;
import io.loadsmith.Loadsmith;
import io.loadsmith.PlanOptions;
import io.loadsmith.importer.ImportOptions;
import io.loadsmith.render.RenderOptions;
import io.loadsmith.tool.LoadTool;
import io.loadsmith.samples.demo.RecordedRequest;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Values that reach a URL path at run time, a setting and a value extracted from a response, each
 * holding the characters that would change the URL if sent as they are ({@code / ? # % +}, a
 * non-ASCII letter, and for the setting a space): the real tool sends each as one path segment
 * that decodes back to the value.
 */
class PathValueRunTest {
    private static final String SETTING = "a b/c?d#e%f+g€";
    /** No space: JMeter's __urlencode, which the plan uses for values found at run time, writes it as '+'. */
    private static final String EXTRACTED = "x/y?z#%+€&=;'()";

    @TempDir
    Path dir;

    @ParameterizedTest
    @MethodSource("io.loadsmith.testing.ToolSource#all")
    void settingsAndExtractedValuesAreOnePathSegmentEach(LoadTool tool) throws Exception {
        Path planFile = dir.resolve("paths.plan.yaml");
        Files.writeString(planFile, """
                loadsmith: 1
                name: Path values
                baseUrl: http://127.0.0.1:9/api
                variables:
                  - name: SHELF
                    default: '%s'
                workload:
                  type: closed
                  startUsers: 1
                  stages:
                    - duration: 2s
                      users: 1
                scenarios:
                  - name: shelves
                    steps:
                      - request: findItem
                        method: GET
                        path: /items
                        extract:
                          - var: item
                            json: $.id
                      - request: getItem
                        method: GET
                        path: /shelves/{shelf}/items/{item}
                        pathParams:
                          shelf: ${SHELF}
                          item: ${item}
                """.formatted(SETTING.replace("'", "''")));
        PlanOptions options = new PlanOptions(null, List.of(), null, null, null, null, List.of());
        Generation generation = Loadsmith.generate(planFile, ImportOptions.defaults(), options, List.of(tool),
                RenderOptions.defaults());
        Path out = dir.resolve("out");
        Loadsmith.write(out, generation.files());

        String body = "{\"id\":\"" + EXTRACTED.replace("\\", "\\\\").replace("\"", "\\\"") + "\"}";
        try (RecordingServer server = new RecordingServer(body)) {
            ToolRun.run(tool, out, Map.of("BASE_URL", server.baseUrl() + "/api"), 120).requireClean();
            List<String> paths = server.requests().stream().map(RecordedRequest::path)
                    .filter(p -> p.startsWith("/api/shelves/")).toList();
            assertFalse(paths.isEmpty(), tool + " never sent getItem: " + server.requests());
            for (String path : paths) {
                String[] segments = path.split("/", -1);
                assertEquals(6, segments.length, path);
                assertEquals(SETTING, decode(segments[3]), "the setting in " + path);
                assertEquals(EXTRACTED, decode(segments[5]), "the extracted value in " + path);
            }
        }
    }

    /** Percent-decoding as a path reads it: a '+' stays a plus sign. */
    private static String decode(String segment) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        for (int i = 0; i < segment.length(); i++) {
            char c = segment.charAt(i);
            if (c == '%') {
                bytes.write(Integer.parseInt(segment.substring(i + 1, i + 3), 16));
                i += 2;
            } else {
                bytes.writeBytes(String.valueOf(c).getBytes(StandardCharsets.UTF_8));
            }
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }
}
