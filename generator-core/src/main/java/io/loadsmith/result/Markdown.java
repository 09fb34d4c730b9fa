package io.loadsmith.result;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Text from result files (operation names, messages) inside GitHub-flavoured Markdown, always as
 * text: no markup, no HTML, no link, no broken table cell.
 */
final class Markdown {
    private static final Pattern SPECIAL = Pattern.compile("[\\\\`*_{}\\[\\]()#+\\-.!|<>&~]");
    private static final Pattern BACKTICKS = Pattern.compile("`+");
    private static final Pattern LINE_BREAKS = Pattern.compile("[\\r\\n\\u2028\\u2029]+");

    private Markdown() {}

    /** Plain text, every character that Markdown or HTML could read as markup escaped; one line. */
    static String text(String value) {
        String line = LINE_BREAKS.matcher(value).replaceAll(" ");
        Matcher m = SPECIAL.matcher(line);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String c = m.group();
            m.appendReplacement(out, Matcher.quoteReplacement(switch (c) {
                case "<" -> "&lt;";
                case ">" -> "&gt;";
                case "&" -> "&amp;";
                default -> "\\" + c;
            }));
        }
        m.appendTail(out);
        return out.toString();
    }

    /**
     * An inline code span, safe inside a table cell: fenced by more backticks than the value holds
     * in a row, its pipes escaped (GitHub splits cells on them even inside code).
     */
    static String code(String value) {
        String line = LINE_BREAKS.matcher(value).replaceAll(" ");
        int longest = 0;
        Matcher m = BACKTICKS.matcher(line);
        while (m.find()) {
            longest = Math.max(longest, m.group().length());
        }
        String fence = "`".repeat(longest + 1);
        String pad = line.startsWith("`") || line.endsWith("`") || line.isBlank() ? " " : "";
        return fence + pad + line.replace("|", "\\|") + pad + fence;
    }
}
