package io.loadsmith.testing;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;

/**
 * A test of the shared corpus's own files: it runs when {@code LOADSMITH_CORPUS} names the corpus
 * (as {@code .ci/run} does), and is left out of a plain checkout's test run, which has only the
 * repository's fixtures.
 */
@Target({ElementType.TYPE, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
@Tag("corpus")
@EnabledIfEnvironmentVariable(named = Corpus.VARIABLE, matches = ".*\\S.*",
        disabledReason = "the corpus suite runs with LOADSMITH_CORPUS set to the shared corpus")
public @interface CorpusSuite {}
