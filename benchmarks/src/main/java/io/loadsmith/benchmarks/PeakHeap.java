package io.loadsmith.benchmarks;

import io.loadsmith.Loadsmith;
import io.loadsmith.PlanOptions;
import io.loadsmith.importer.ImportOptions;
import io.loadsmith.render.RenderOptions;
import io.loadsmith.tool.LoadTools;
import io.swagger.parser.OpenAPIParser;
import io.swagger.v3.parser.core.models.ParseOptions;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Path;
import java.util.List;

/**
 * One cold run in a fresh JVM, then the peak heap: the largest heap occupancy the JVM saw, read
 * after each garbage collection. Run it with {@code -XX:+UseSerialGC} so that a collection runs
 * often enough to observe the peak:
 * {@code java -XX:+UseSerialGC -Xmx1g -cp benchmarks.jar io.loadsmith.benchmarks.PeakHeap loadsmith|swagger SPEC}.
 */
public final class PeakHeap {
    private PeakHeap() {}

    public static void main(String[] args) {
        String what = args.length > 0 ? args[0] : "loadsmith";
        Path spec = Path.of(args.length > 1 ? args[1] : "../shared/corpus/specs/oas30-github-api.github.com.json");
        long start = System.nanoTime();
        if (what.equals("swagger")) {
            ParseOptions options = new ParseOptions();
            options.setResolve(true);
            new OpenAPIParser().readLocation(spec.toAbsolutePath().toString(), null, options);
        } else {
            Loadsmith.generate(spec, ImportOptions.defaults(), PlanOptions.none(), List.of(LoadTools.K6), RenderOptions.defaults());
        }
        long millis = (System.nanoTime() - start) / 1_000_000;
        long peak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP && pool.getCollectionUsage() != null) {
                peak = Math.max(peak, pool.getPeakUsage().getUsed());
            }
        }
        long total = ManagementFactory.getMemoryPoolMXBeans().stream().filter(p -> p.getType() == MemoryType.HEAP)
                .mapToLong(p -> p.getPeakUsage().getUsed()).sum();
        System.out.printf("%s: cold run %d ms, peak heap (sum of pool peaks) %.1f MB, largest pool peak %.1f MB%n",
                what, millis, total / 1048576.0, peak / 1048576.0);
    }
}
