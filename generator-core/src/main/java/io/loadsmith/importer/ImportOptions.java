package io.loadsmith.importer;

import io.loadsmith.model.ThinkTime;
import java.util.List;

/**
 * What to import and how.
 *
 * @param seed               seeds every generated value, so the same input and seed give the same plan
 * @param operations         only these operations ({@code "GET /users"} or an operationId); empty for all
 * @param tags               only operations with one of these tags; empty for all
 * @param excludeDeprecated  leave out deprecated operations
 * @param thinkTime          the pause after each scenario iteration; null for none
 * @param baseUrl            the base URL when the input has none or it should be replaced; may be null
 * @param har                how a HAR recording is read (ignored for other inputs)
 * @param safety             which operations of an API description may be called (see {@link Safety})
 * @param graphQl            how a GraphQL schema becomes a plan (see {@link GraphQlOptions})
 */
public record ImportOptions(long seed, List<String> operations, List<String> tags, boolean excludeDeprecated,
                            ThinkTime thinkTime, String baseUrl, HarOptions har, Safety safety, GraphQlOptions graphQl) {
    public static final long DEFAULT_SEED = 1;

    public ImportOptions {
        operations = List.copyOf(operations);
        tags = List.copyOf(tags);
        har = har == null ? HarOptions.defaults() : har;
        safety = safety == null ? Safety.SAFE : safety;
        graphQl = graphQl == null ? GraphQlOptions.defaults() : graphQl;
    }

    public ImportOptions(long seed, List<String> operations, List<String> tags, boolean excludeDeprecated,
                         ThinkTime thinkTime, String baseUrl, HarOptions har, Safety safety) {
        this(seed, operations, tags, excludeDeprecated, thinkTime, baseUrl, har, safety, GraphQlOptions.defaults());
    }

    public ImportOptions(long seed, List<String> operations, List<String> tags, boolean excludeDeprecated,
                         ThinkTime thinkTime, String baseUrl, HarOptions har) {
        this(seed, operations, tags, excludeDeprecated, thinkTime, baseUrl, har, Safety.SAFE);
    }

    public ImportOptions(long seed, List<String> operations, List<String> tags, boolean excludeDeprecated,
                         ThinkTime thinkTime, String baseUrl) {
        this(seed, operations, tags, excludeDeprecated, thinkTime, baseUrl, HarOptions.defaults());
    }

    public static ImportOptions defaults() {
        return new ImportOptions(DEFAULT_SEED, List.of(), List.of(), false,
                ThinkTime.fixed(java.time.Duration.ofSeconds(1)), null);
    }

    public ImportOptions withSeed(long seed) {
        return new ImportOptions(seed, operations, tags, excludeDeprecated, thinkTime, baseUrl, har, safety, graphQl);
    }

    public ImportOptions withOperations(List<String> operations) {
        return new ImportOptions(seed, operations, tags, excludeDeprecated, thinkTime, baseUrl, har, safety, graphQl);
    }

    public ImportOptions withTags(List<String> tags) {
        return new ImportOptions(seed, operations, tags, excludeDeprecated, thinkTime, baseUrl, har, safety, graphQl);
    }

    public ImportOptions withExcludeDeprecated(boolean exclude) {
        return new ImportOptions(seed, operations, tags, exclude, thinkTime, baseUrl, har, safety, graphQl);
    }

    public ImportOptions withThinkTime(ThinkTime thinkTime) {
        return new ImportOptions(seed, operations, tags, excludeDeprecated, thinkTime, baseUrl, har, safety, graphQl);
    }

    public ImportOptions withBaseUrl(String baseUrl) {
        return new ImportOptions(seed, operations, tags, excludeDeprecated, thinkTime, baseUrl, har, safety, graphQl);
    }

    public ImportOptions withHar(HarOptions har) {
        return new ImportOptions(seed, operations, tags, excludeDeprecated, thinkTime, baseUrl, har, safety, graphQl);
    }

    public ImportOptions withGraphQl(GraphQlOptions graphQl) {
        return new ImportOptions(seed, operations, tags, excludeDeprecated, thinkTime, baseUrl, har, safety, graphQl);
    }

    public ImportOptions withSafety(Safety safety) {
        return new ImportOptions(seed, operations, tags, excludeDeprecated, thinkTime, baseUrl, har, safety, graphQl);
    }
}
