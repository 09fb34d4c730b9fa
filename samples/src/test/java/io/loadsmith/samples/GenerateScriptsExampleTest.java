package io.loadsmith.samples;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GenerateScriptsExampleTest {
    @TempDir
    Path out;

    @Test
    void theExampleWritesAK6ScriptWithTheAdjustedWorkloadAndThreshold() throws Exception {
        GenerateScriptsExample.main(new String[] {Path.of("specs/bookshop/openapi.yaml").toString(), out.toString()});
        String script = Files.readString(out.resolve("k6/script.js"));
        assertTrue(script.contains("executor: 'ramping-vus'"), script);
        assertTrue(script.contains("{ duration: '45s', target: 10 }"), script);
        assertTrue(script.contains("http_req_duration: ['p(95)<500']"), script);
    }
}
