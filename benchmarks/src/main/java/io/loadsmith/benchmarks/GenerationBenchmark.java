package io.loadsmith.benchmarks;

import io.loadsmith.Generation;
import io.loadsmith.Loadsmith;
import io.loadsmith.PlanOptions;
import io.loadsmith.importer.ImportOptions;
import io.loadsmith.render.RenderOptions;
import io.loadsmith.tool.LoadTools;
import io.swagger.parser.OpenAPIParser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The whole generation (import, plan, k6 script) against swagger-parser alone reading the same
 * document with its references resolved. The spec defaults to the GitHub REST API description of
 * the shared corpus; pass {@code -p spec=PATH} for another.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 15, time = 3)
@Measurement(iterations = 10, time = 3)
@Fork(value = 2, jvmArgsAppend = {"-Xmx2g"})
public class GenerationBenchmark {
    @Param("../shared/corpus/specs/oas30-github-api.github.com.json")
    public String spec;

    @Benchmark
    public SwaggerParseResult swaggerParserAlone() {
        ParseOptions options = new ParseOptions();
        options.setResolve(true);
        return new OpenAPIParser().readLocation(Path.of(spec).toAbsolutePath().toString(), null, options);
    }

    @Benchmark
    public Generation loadsmithImportAndRenderK6() {
        return Loadsmith.generate(Path.of(spec), ImportOptions.defaults(), PlanOptions.none(), List.of(LoadTools.K6),
                RenderOptions.defaults());
    }
}
