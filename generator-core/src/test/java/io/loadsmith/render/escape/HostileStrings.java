package io.loadsmith.render.escape;

import java.util.List;

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
}
