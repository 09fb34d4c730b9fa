package io.loadsmith.render.escape;

import java.util.Set;

/** Words an identifier of each language must not be. */
final class ReservedWords {
    private ReservedWords() {}

    /** ECMAScript reserved and contextual words, and the globals a k6 script uses. */
    static final Set<String> JAVASCRIPT = Set.of(
            "await", "break", "case", "catch", "class", "const", "continue", "debugger", "default", "delete",
            "do", "else", "enum", "export", "extends", "false", "finally", "for", "function", "if", "import",
            "in", "instanceof", "new", "null", "return", "super", "switch", "this", "throw", "true", "try",
            "typeof", "var", "void", "while", "with", "yield", "let", "static", "implements", "interface",
            "package", "private", "protected", "public", "as", "async", "from", "get", "of", "set",
            "arguments", "eval", "undefined", "NaN", "Infinity", "globalThis", "Object", "Array", "String",
            "Number", "Boolean", "JSON", "Math", "Date", "Error", "Promise", "Symbol", "console",
            "http", "check", "group", "sleep", "fail", "open", "options", "setup", "teardown",
            "handleSummary", "textSummary", "__ENV", "__VU", "__ITER", "exec", "encoding", "vars", "params",
            "res", "data", "BASE_URL", "FormData");

    /** Python keywords, soft keywords and the builtins and names a locustfile uses. */
    static final Set<String> PYTHON = Set.of(
            "False", "None", "True", "and", "as", "assert", "async", "await", "break", "class", "continue",
            "def", "del", "elif", "else", "except", "finally", "for", "from", "global", "if", "import", "in",
            "is", "lambda", "nonlocal", "not", "or", "pass", "raise", "return", "try", "while", "with",
            "yield", "match", "case", "type", "_", "self", "print", "len", "str", "int", "float", "list",
            "dict", "set", "tuple", "object", "id", "input", "open", "range", "format", "hash", "iter",
            "next", "min", "max", "sum", "any", "all", "filter", "map", "zip", "super", "vars", "os", "re",
            "json", "random", "time", "base64", "locust", "task", "tasks", "between", "constant", "events",
            "on_start", "on_stop", "wait_time", "weight", "host", "client", "environment", "run", "tick",
            "user", "users", "response", "resp");
}
