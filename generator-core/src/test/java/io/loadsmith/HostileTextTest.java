package io.loadsmith;

import io.loadsmith.render.RenderOptions;
import io.loadsmith.tool.LoadTools;
import io.loadsmith.testing.HostileSpec;
import io.loadsmith.testing.ScriptChecks;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A spec whose every name and value is hostile text (quotes, backslashes, newlines, ${...},
 * backticks, </script>, U+2028, emoji, reserved words): the generated scripts still parse. That
 * every value is sent exactly as the spec wrote it, by the real tools, is tool-tests' HostileRunTest.
 */
class HostileTextTest {
    @TempDir
    static Path dir;

    static Path spec;

    @BeforeAll
    static void writeSpec() {
        spec = HostileSpec.write(dir);
    }

    /** Each script parses in its own language; tool-tests then runs them and reads every value back from the wire. */
    @Test
    void everyToolsScriptsParse() {
        Generation generation = Loadsmith.generate(spec, HostileSpec.IMPORT, PlanOptions.none(), LoadTools.all(),
                RenderOptions.defaults());
        ScriptChecks.check(generation.files());
    }
}
