package io.loadsmith.tools;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.loadsmith.Loadsmith;
import io.loadsmith.PlanOptions;
import io.loadsmith.importer.ImportOptions;
import io.loadsmith.model.Auth;
import io.loadsmith.model.TestPlan;
import io.loadsmith.model.Variable;
import io.loadsmith.testing.Corpus;
import io.loadsmith.testing.TestPaths;
import io.loadsmith.tool.LoadTool;
import io.loadsmith.tool.LoadTools;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The requests of the generated scripts are what the document describes, judged by a validator
 * that is not ours: each spec's k6, Locust, Artillery and JMeter scripts run for two seconds
 * against Prism ({@code prism mock SPEC --dynamic}), which refuses and logs every request that
 * does not match the document (parameters, body, content type, security). None may be refused.
 *
 * <p>The repository's specs, and with the corpus suite those of its specs that Prism 5 loads in
 * seconds (it does not load the 0.7 to 4 MB ones of a payments API, GitHub and Kubernetes within
 * minutes, does not start on a few smaller ones (references it cannot resolve, such as the
autorest body-complex and the swagger-parser petstore-more documents), and crashes on a header
 * parameter of the style-explode document that is not sent; their requests are judged by the flow
 * audit instead).
 */
class PrismValidationTest {
    private static final List<LoadTool> TOOLS = List.of(LoadTools.K6, LoadTools.LOCUST, LoadTools.ARTILLERY, LoadTools.JMETER);
    private static final List<String> CORPUS = List.of(
            "oas30-oai-petstore-expanded.json", "oas30-oai-api-with-examples.yaml", "oas30-oai-link-example.yaml",
            "swagger2-azure-autorest-lro.json", "swagger2-azure-autorest-httpInfrastructure.json",
            "swagger2-azure-autorest-xml-service.json", "swagger2-taurus-apikey-query.json",
            "swagger2-taurus-basic-auth.json", "swagger2-taurus-no-host.json", "swagger2-oai-petstore-expanded.yaml",
            "swagger2-azure-autorest-multiple-inheritance.json");

    @TempDir
    Path dir;

    static List<Arguments> specs() {
        Path samples = TestPaths.samples().resolve("specs");
        List<Arguments> specs = new ArrayList<>();
        for (String spec : List.of("bookshop/openapi.yaml", "catalog/openapi.yaml", "petstore-swagger2/swagger.yaml",
                "styles/openapi.yaml", "multifile/openapi.yaml", "safety/openapi.yaml", "plausible/openapi.yaml",
                "lenient/openapi31.yaml")) {
            specs.add(Arguments.of(spec, samples.resolve(spec)));
        }
        if (Corpus.enabled()) {
            CORPUS.forEach(name -> specs.add(Arguments.of(name, TestPaths.corpus().resolve("specs").resolve(name))));
        }
        return specs;
    }

    // Two cases at a time, each against a server of its own; the class runs alone, as the others do.
    @Execution(ExecutionMode.CONCURRENT)
    @ParameterizedTest(name = "{0}")
    @MethodSource("specs")
    void noRequestOfAnyToolIsRefused(String name, Path spec) throws Exception {
        TestPlan imported = Loadsmith.importFile(spec, ImportOptions.defaults().withThinkTime(null)).plan();
        PlanOptions options = new PlanOptions(null, List.of(), null, 1, null, Duration.ofSeconds(2), List.of());
        TestPlan plan = Loadsmith.customize(imported, options).plan().toBuilder().thresholds(List.of()).build();
        List<String> refused = new ArrayList<>();
        try (Prism prism = new Prism(spec, dir, tokenPath(plan))) {
            Map<String, String> env = new HashMap<>();
            env.put("BASE_URL", prism.baseUrl());
            for (Variable variable : plan.variables()) {
                if (variable.defaultValue() == null) {
                    env.put(variable.env(), "env-" + variable.env());
                }
            }
            for (LoadTool tool : TOOLS) {
                Path out = Files.createDirectories(dir.resolve(tool.id()));
                Loadsmith.write(out, Loadsmith.render(plan, tool).files());
                long mark = prism.mark();
                ToolRun run = ToolRun.run(tool, out, env, 120);
                assertTrue(prism.receivedSince(mark) > 0, tool.id() + " sent nothing to Prism:\n" + run.output());
                for (Prism.Rejected rejected : prism.rejectedSince(mark)) {
                    refused.add(tool.id() + ": " + rejected.method() + " " + rejected.path() + ": " + String.join("; ", rejected.violations()));
                }
            }
        }
        assertEquals(List.of(), refused, "requests Prism refused");
    }

    /** The path the scripts request a token at, relative to BASE_URL, as they resolve the plan's token URL. */
    private static String tokenPath(TestPlan plan) {
        if (!(plan.auth() instanceof Auth.OAuth2ClientCredentials oauth)) {
            return null;
        }
        String url = oauth.tokenUrl();
        if (url.startsWith(plan.baseUrl())) {
            return url.substring(plan.baseUrl().length());
        }
        return url.matches("(?i)https?://.*") ? URI.create(url).getPath() : url;
    }
}
