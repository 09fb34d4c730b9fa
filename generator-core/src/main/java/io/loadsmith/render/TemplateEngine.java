package io.loadsmith.render;

import com.github.mustachejava.Mustache;
import com.github.mustachejava.MustacheException;
import com.github.mustachejava.MustacheNotFoundException;
import com.github.mustachejava.MustacheResolver;
import com.github.mustachejava.MustacheVisitor;
import com.github.mustachejava.SpecMustacheFactory;
import com.github.mustachejava.DefaultMustacheFactory;
import com.github.mustachejava.DefaultMustacheVisitor;
import com.github.mustachejava.codes.PartialCode;
import com.github.mustachejava.TemplateContext;
import com.github.mustachejava.reflect.Guard;
import com.github.mustachejava.reflect.MissingWrapper;
import com.github.mustachejava.reflect.ReflectionObjectHandler;
import io.loadsmith.render.escape.Escaper;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The Mustache templates of one tool, compiled once and rendered strictly.
 *
 * <p>Strict means: every {@code {{value}}} goes through the tool language's {@link Escaper};
 * {@code {{{raw}}}} is allowed only for names ending in {@code Code} or {@code Json}, which view
 * builders produce from escaped pieces; a name the view does not have fails the render instead of
 * printing nothing; pragmas and delimiter changes are rejected when a template is compiled.
 * Templates are looked up in the override folder first ({@code <folder>/<tool>/<name>}), then on
 * the class path under {@code templates/}.
 */
public final class TemplateEngine {
    private final Factory factory;
    private final String folder;

    private TemplateEngine(String folder, Escaper escaper, Path overrides) {
        this.folder = folder;
        this.factory = new Factory(folder + "/", escaper, new Resolver(overrides));
    }

    private static final java.util.Map<String, TemplateEngine> BUNDLED = new java.util.concurrent.ConcurrentHashMap<>();

    /**
     * The engine of one tool's templates, {@code templates/<folder>/} (the tool's id). Bundled
     * templates are compiled once per JVM and their bindings kept, which matters for large plans;
     * templates from an override folder are read afresh each time.
     */
    public static TemplateEngine create(String folder, Escaper escaper, Path overrides) {
        return create(folder, "main", escaper, overrides);
    }

    /**
     * The engine for the templates of one tool in one output language ({@code dialect}), for a
     * tool whose files are in more than one language, such as Artillery's YAML and its JavaScript
     * processor: each language has its own escaper, so its own engine.
     */
    public static TemplateEngine create(String folder, String dialect, Escaper escaper, Path overrides) {
        if (overrides == null) {
            return BUNDLED.computeIfAbsent(folder + "/" + dialect, key -> new TemplateEngine(folder, escaper, null));
        }
        return new TemplateEngine(folder, escaper, overrides);
    }

    /** Renders {@code <tool>/<name>.mustache} with {@code view} as the context. */
    public String render(String name, Object view) {
        String path = folder + "/" + name + ".mustache";
        Mustache mustache;
        try {
            mustache = factory.compile(path);
        } catch (MustacheNotFoundException e) {
            throw new RenderException("template " + e.getMessage() + " not found (included from " + path + ")");
        } catch (MustacheException e) {
            throw new RenderException("template " + path + ": " + e.getMessage(), e);
        }
        StringBuilderWriter out = new StringBuilderWriter();
        try {
            mustache.execute(out, List.of(view)).flush();
        } catch (MustacheException e) {
            throw new RenderException("template " + path + ": " + rootMessage(e), e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    private static String rootMessage(Throwable e) {
        Throwable cause = e;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        return cause.getMessage() != null ? cause.getMessage() : e.getMessage();
    }

    private static final class Factory extends SpecMustacheFactory {
        private final String root;
        private final Escaper escaper;

        Factory(String root, Escaper escaper, MustacheResolver resolver) {
            super(resolver);
            this.root = root;
            this.escaper = escaper;
            setObjectHandler(new StrictObjectHandler());
            mc.setAllowChangingDelimeters(false);
        }

        /** Partials are named from the tool's folder, whichever template includes them. */
        @Override
        public String resolvePartialPath(String dir, String name, String extension) {
            return root + name + (name.endsWith(extension) ? "" : extension);
        }

        @Override
        public MustacheVisitor createMustacheVisitor() {
            return new DefaultMustacheVisitor(this) {
                @Override
                public void value(TemplateContext tc, String variable, boolean encoded) {
                    if (!encoded && !(variable.endsWith("Code") || variable.endsWith("Json"))) {
                        throw new MustacheException("{{{" + variable + "}}} at " + tc.file() + ":" + tc.line()
                                + " prints a value unescaped; only names ending in Code or Json may be raw");
                    }
                    super.value(tc, variable, encoded);
                }

                @Override
                public void partial(TemplateContext tc, String variable, String indent) {
                    TemplateContext partialContext = new TemplateContext("{{", "}}", tc.file(), tc.line(), tc.startOfLine());
                    list.add(new IndentedPartial(partialContext, df, variable, indent));
                }

                @Override
                public void pragma(TemplateContext tc, String pragma, String args) {
                    throw new MustacheException("pragma " + pragma + " at " + tc.file() + ":" + tc.line() + " is not allowed");
                }
            };
        }

        @Override
        public void encode(String value, Writer writer) {
            try {
                String escaped = escaper.escape(value);
                IndentingWriter.VALUE.set(Boolean.TRUE);
                try {
                    writer.write(escaped);
                } finally {
                    IndentingWriter.VALUE.set(Boolean.FALSE);
                }
            } catch (IOException e) {
                throw new MustacheException("failed to write", e);
            }
        }
    }

    /**
     * A standalone partial indented as its tag is, every line of its output included: multi-line
     * code values therefore only need indentation relative to where they start.
     */
    private static final class IndentedPartial extends PartialCode {
        private final String indent;

        IndentedPartial(TemplateContext tc, DefaultMustacheFactory factory, String variable, String indent) {
            super(tc, factory, variable);
            this.indent = indent;
        }

        @Override
        protected Writer executePartial(Writer writer, List<Object> scopes) {
            partial.execute(indent == null || indent.isEmpty() ? writer : new IndentingWriter(writer, indent), scopes);
            return writer;
        }
    }

    /**
     * Indents the lines of a partial's template text and raw code. An escaped value is data: it is
     * written as it is, so that a multi-line value (an XML text node, say) keeps its line breaks
     * and nothing is inserted after them.
     */
    private static final class IndentingWriter extends Writer {
        private final Writer inner;
        private final String indent;
        private boolean lineStart;

        IndentingWriter(Writer inner, String indent) {
            this.inner = inner;
            this.indent = indent;
        }

        /**
         * Set while an escaped value is written. mustache.java wraps the writer of each partial,
         * so the flag, not the writer's type, tells every level of indentation what it is writing.
         */
        static final ThreadLocal<Boolean> VALUE = ThreadLocal.withInitial(() -> Boolean.FALSE);

        @Override
        public void write(char[] chars, int offset, int length) throws IOException {
            if (length == 0) {
                return;
            }
            if (VALUE.get()) {
                // A value: indented where it starts a line, verbatim after that; what follows continues its last line.
                if (lineStart && chars[offset] != '\n') {
                    writeIndent();
                }
                inner.write(chars, offset, length);
                lineStart = false;
                return;
            }
            int start = offset;
            int end = offset + length;
            for (int i = offset; i < end; i++) {
                char c = chars[i];
                if (lineStart && c != '\n') {
                    inner.write(chars, start, i - start);
                    writeIndent();
                    start = i;
                }
                lineStart = c == '\n';
            }
            inner.write(chars, start, end - start);
        }

        /** The indentation is template text, even in the middle of writing a value. */
        private void writeIndent() throws IOException {
            Boolean value = VALUE.get();
            VALUE.set(Boolean.FALSE);
            try {
                inner.write(indent);
            } finally {
                VALUE.set(value);
            }
        }

        @Override
        public void flush() throws IOException {
            inner.flush();
        }

        @Override
        public void close() throws IOException {
            inner.close();
        }
    }

    /** A StringWriter without StringBuffer's locking, which shows up when writing large scripts. */
    private static final class StringBuilderWriter extends Writer {
        private final StringBuilder out = new StringBuilder(64 * 1024);

        @Override
        public void write(char[] chars, int offset, int length) {
            out.append(chars, offset, length);
        }

        @Override
        public void write(String text) {
            out.append(text);
        }

        @Override
        public void write(String text, int offset, int length) {
            out.append(text, offset, offset + length);
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }

        @Override
        public String toString() {
            return out.toString();
        }
    }

    /** Fails on a name that no scope has, instead of printing an empty string. */
    private static final class StrictObjectHandler extends ReflectionObjectHandler {
        @Override
        protected MissingWrapper createMissingWrapper(String name, List<Guard> guards) {
            throw new MustacheException("the view has no value named '" + name + "'");
        }
    }

    private static final class Resolver implements MustacheResolver {
        private final Path overrides;

        Resolver(Path overrides) {
            this.overrides = overrides == null ? null : overrides.toAbsolutePath().normalize();
        }

        @Override
        public Reader getReader(String resourceName) {
            String name = resourceName.startsWith("/") ? resourceName.substring(1) : resourceName;
            try {
                if (overrides != null) {
                    Path candidate = overrides.resolve(name).normalize();
                    if (candidate.startsWith(overrides) && Files.isRegularFile(candidate)) {
                        return normalized(Files.readString(candidate, StandardCharsets.UTF_8));
                    }
                }
                try (InputStream in = TemplateEngine.class.getClassLoader().getResourceAsStream("templates/" + name)) {
                    if (in == null) {
                        return null;
                    }
                    return normalized(new String(in.readAllBytes(), StandardCharsets.UTF_8));
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read template " + name, e);
            }
        }

        private static Reader normalized(String text) {
            return new StringReader(text.replace("\r\n", "\n"));
        }
    }
}
