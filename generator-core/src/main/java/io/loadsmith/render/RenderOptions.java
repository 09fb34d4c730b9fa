package io.loadsmith.render;

import java.nio.file.Path;

/**
 * How to render.
 *
 * @param templateOverrides a folder whose {@code <tool>/<template>} files replace the bundled
 *                          templates of the same name; null to use the bundled ones only
 * @param sourceName        the name of the input file, quoted in the scripts' header comment;
 *                          a bare file name, so output does not depend on where it was
 */
public record RenderOptions(Path templateOverrides, String sourceName) {
    public static RenderOptions defaults() {
        return new RenderOptions(null, null);
    }

    public RenderOptions withSourceName(String name) {
        return new RenderOptions(templateOverrides, name);
    }
}
