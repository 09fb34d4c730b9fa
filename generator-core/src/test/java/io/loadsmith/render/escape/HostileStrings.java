package io.loadsmith.render.escape;

import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;

/** Text that breaks naive code generators, for escaping tests of every language. */
public final class HostileStrings {
    private HostileStrings() {}

    public static final List<String> ALL = List.of(
            "plain",
            "it's \"quoted\" and `backticked`",
            "back\\slash \\n \\u0041 \\",
            "line\nbreak\r\nand\ttab",
            "template ${process.exit(1)} and $5 and $",
            "mustache {{ $env.HOME }} and {{x}}",
            "jmeter ${__P(host)} ${__groovy(System.exit(0))} and \\${x}",
            "gatling #{x} \\#{y} \\\\#{z} #{randomUuid()} #{ and #{} and }",
            "</script><script>alert(1)</script>",
            "markdown | cell | `code` \\| and [link](x)",
            "separators \u2028 and \u2029 and next line \u0085",
            "emoji 🚀🔥 and 中文 and ñ",
            "control \u0001\u0007\u001f\u007f",
            "python {0} %s %(x)s f'{x}'",
            "xml <a b=\"c\"> &amp; ]]> <!-- -->",
            "yaml: - [a, b] # comment & *alias !!tag",
            "class",
            "import");

    /**
     * Code units that are not well-formed text: lone surrogates (at the end, where an escaper's
     * look-ahead for the low half runs out, and at the start), a byte-order mark and
     * non-characters. They cannot travel in UTF-8, so they are for the escapers alone, not for
     * the requests of real runs.
     */
    public static final List<String> ODD = List.of("x\ud83d", "\ude80x", "lone \ud83d and \ude80 and \ud83d",
            "\ud83d\ud83d\ude80", "byte order mark \ufeff and non-characters \ufffe \uffff");

    /** {@link #ALL} and {@link #ODD}: the cases of every escaper's own test. */
    public static List<String> forEscapers() {
        return java.util.stream.Stream.concat(ALL.stream(), ODD.stream()).toList();
    }

    /** Pieces that mean something to one of the output languages, or to a careless escaper. */
    private static final List<String> PIECES = List.of("${", "}", "{{", "}}", "#{", "$", "\\", "\\\\", "'", "\"", "`",
            ",", "(", ")", "__groovy(", "__char(36)", "\n", "\r\n", "\r", "\t", "\u0000", "\u0085", "\u2028", "\u2029",
            "\ufeff", "\ufffe", "\uffff", "\ud83d", "\ude80", "\ud83d\ude80", "]]>", "</script>", "&amp;", "<!--", "- ", ": ",
            " #", "*", "!!", "%s", "{0}", "class", "\u00e9", "\u4e2d");

    /**
     * Any text: runs of arbitrary UTF-16 code units (lone surrogates and non-characters
     * included), printable ASCII, and the pieces above, in any order.
     */
    public static Arbitrary<String> any() {
        Arbitrary<String> piece = Arbitraries.oneOf(Arbitraries.of(PIECES), Arbitraries.strings().all().ofMaxLength(4),
                Arbitraries.strings().ascii().ofMaxLength(6));
        return piece.list().ofMaxSize(12).map(pieces -> String.join("", pieces));
    }
}
