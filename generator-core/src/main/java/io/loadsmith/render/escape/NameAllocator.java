package io.loadsmith.render.escape;

import java.text.Normalizer;
import java.util.IdentityHashMap;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Turns arbitrary text (operation ids, scenario names) into identifiers of one language that are
 * valid, not reserved and unique within the allocator. The same tag (compared by identity) always gets the same name,
 * and names depend only on the order of allocation, so output is deterministic.
 */
public final class NameAllocator {
    private static final Pattern PLAIN = Pattern.compile("[A-Za-z_$][A-Za-z0-9_$]*");

    /** How a language spells identifiers. */
    public enum Style { CAMEL, SNAKE, PASCAL }

    private final Set<String> reserved;
    private final Style style;
    private final Set<String> used = new HashSet<>();
    private final Map<Object, String> byTag = new IdentityHashMap<>();

    private NameAllocator(Set<String> reserved, Style style) {
        this.reserved = reserved;
        this.style = style;
    }

    public static NameAllocator javaScript() {
        return new NameAllocator(ReservedWords.JAVASCRIPT, Style.CAMEL);
    }

    public static NameAllocator python() {
        return new NameAllocator(ReservedWords.PYTHON, Style.SNAKE);
    }

    /** Python class names: {@code PascalCase}. */
    public static NameAllocator pythonClass() {
        return new NameAllocator(ReservedWords.PYTHON, Style.PASCAL);
    }

    /** Marks a name as taken, such as a name the template itself declares. */
    public NameAllocator reserve(String name) {
        used.add(name);
        return this;
    }

    /** A new unique identifier derived from {@code suggestion}, remembered under {@code tag}. */
    public String newName(String suggestion, Object tag) {
        if (byTag.containsKey(tag)) {
            throw new IllegalArgumentException("tag " + tag + " already has the name " + byTag.get(tag));
        }
        String base = toIdentifier(suggestion);
        String name = base;
        for (int n = 2; used.contains(name) || reserved.contains(name); n++) {
            name = base + "_" + n;
        }
        used.add(name);
        byTag.put(tag, name);
        return name;
    }

    public String newName(String suggestion) {
        return newName(suggestion, new Object());
    }

    /**
     * Like {@link #newName(String, Object)}, but a suggestion that is already a valid identifier,
     * such as an environment variable name, is kept as it is.
     */
    public String newVerbatimName(String suggestion, Object tag) {
        if (!PLAIN.matcher(suggestion).matches() || suggestion.contains("$")) {
            return newName(suggestion, tag);
        }
        String name = suggestion;
        for (int n = 2; used.contains(name) || reserved.contains(name); n++) {
            name = suggestion + "_" + n;
        }
        used.add(name);
        byTag.put(tag, name);
        return name;
    }

    /** The name given to {@code tag} earlier. */
    public String get(Object tag) {
        String name = byTag.get(tag);
        if (name == null) {
            throw new IllegalArgumentException("no name allocated for " + tag);
        }
        return name;
    }

    String toIdentifier(String text) {
        String ascii = Normalizer.normalize(text, Normalizer.Form.NFKD).replaceAll("\\p{M}", "");
        String[] words = ascii.split("[^A-Za-z0-9]+");
        StringBuilder out = new StringBuilder();
        for (String word : words) {
            if (word.isEmpty()) {
                continue;
            }
            if (style == Style.SNAKE) {
                String snake = word.replaceAll("([a-z0-9])([A-Z])", "$1_$2")
                        .replaceAll("([A-Z]+)([A-Z][a-z])", "$1_$2").toLowerCase(Locale.ROOT);
                out.append(out.length() == 0 ? "" : "_").append(snake);
            } else if (out.length() == 0 && style == Style.CAMEL) {
                out.append(Character.toLowerCase(word.charAt(0))).append(word.substring(1));
            } else {
                out.append(Character.toUpperCase(word.charAt(0))).append(word.substring(1));
            }
        }
        if (out.length() == 0) {
            out.append("unnamed");
        }
        if (Character.isDigit(out.charAt(0))) {
            out.insert(0, style == Style.SNAKE ? "n_" : style == Style.PASCAL ? "N" : "n");
        }
        return out.toString();
    }

    static boolean isPlainIdentifier(String name) {
        return PLAIN.matcher(name).matches() && !ReservedWords.JAVASCRIPT.contains(name);
    }
}
