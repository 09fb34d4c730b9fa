package io.loadsmith.model;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A path into a JSON document: member names and array indexes from the root, the subset of
 * JSONPath that every tool can follow ({@code $.data.items[0].id}, {@code $['odd key']}).
 */
public record JsonPath(List<Segment> segments) {
    private static final Pattern PLAIN_NAME = Pattern.compile("[A-Za-z_$][A-Za-z0-9_$-]*");

    public sealed interface Segment permits Field, Index {}

    public record Field(String name) implements Segment {
        public Field {
            Checks.requireNonNull(name, "field name");
        }
    }

    public record Index(int index) implements Segment {
        public Index {
            Checks.checkArgument(index >= 0, "array index (%s) must be >= 0", index);
        }
    }

    public JsonPath {
        segments = List.copyOf(Checks.requireNonNull(segments, "segments"));
    }

    public static JsonPath of(String... fields) {
        List<Segment> segments = new ArrayList<>();
        for (String field : fields) {
            segments.add(new Field(field));
        }
        return new JsonPath(segments);
    }

    /** Parses {@code $.a.b[0]['c d']}. */
    public static JsonPath parse(String path) {
        Checks.requireNonNull(path, "JSON path");
        Checks.checkArgument(path.startsWith("$"), "JSON path '%s' must start with '$'", path);
        List<Segment> segments = new ArrayList<>();
        int i = 1;
        while (i < path.length()) {
            char c = path.charAt(i);
            if (c == '.') {
                int end = i + 1;
                while (end < path.length() && path.charAt(end) != '.' && path.charAt(end) != '[') {
                    end++;
                }
                String name = path.substring(i + 1, end);
                Checks.checkArgument(!name.isEmpty(), "empty member name at offset %d in JSON path '%s'", i, path);
                segments.add(new Field(name));
                i = end;
            } else if (c == '[' && i + 1 < path.length() && path.charAt(i + 1) == '\'') {
                StringBuilder name = new StringBuilder();
                int j = i + 2;
                while (j < path.length() && path.charAt(j) != '\'') {
                    if (path.charAt(j) == '\\' && j + 1 < path.length()) {
                        j++;
                    }
                    name.append(path.charAt(j));
                    j++;
                }
                Checks.checkArgument(j + 1 < path.length() && path.charAt(j + 1) == ']',
                        "unclosed ['...'] at offset %d in JSON path '%s'", i, path);
                segments.add(new Field(name.toString()));
                i = j + 2;
            } else if (c == '[') {
                int end = path.indexOf(']', i);
                Checks.checkArgument(end > i, "unclosed [ at offset %d in JSON path '%s'", i, path);
                String index = path.substring(i + 1, end);
                Checks.checkArgument(index.matches("\\d{1,9}"), "'%s' in JSON path '%s' is not an array index", index, path);
                segments.add(new Index(Integer.parseInt(index)));
                i = end + 1;
            } else {
                throw new IllegalArgumentException("unexpected '" + c + "' at offset " + i + " in JSON path '" + path + "'");
            }
        }
        return new JsonPath(segments);
    }

    @Override
    public String toString() {
        StringBuilder out = new StringBuilder("$");
        for (Segment segment : segments) {
            if (segment instanceof Index index) {
                out.append('[').append(index.index()).append(']');
            } else {
                String name = ((Field) segment).name();
                if (PLAIN_NAME.matcher(name).matches()) {
                    out.append('.').append(name);
                } else {
                    out.append("['").append(name.replace("\\", "\\\\").replace("'", "\\'")).append("']");
                }
            }
        }
        return out.toString();
    }
}
