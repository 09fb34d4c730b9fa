package io.loadsmith.importer.openapi;

import io.loadsmith.model.Json;

/** A small XML document from a JSON sample: members become elements, arrays repeat their element. */
final class Xml {
    private Xml() {}

    static String document(String root, Json value) {
        StringBuilder out = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>");
        element(out, name(root), value);
        return out.toString();
    }

    private static void element(StringBuilder out, String name, Json value) {
        if (value instanceof Json.JsonArray array) {
            for (Json item : array.items()) {
                element(out, name, item);
            }
            return;
        }
        out.append('<').append(name).append('>');
        if (value instanceof Json.JsonObject object) {
            for (Json.Member member : object.members()) {
                element(out, name(member.key()), member.value());
            }
        } else if (!(value instanceof Json.JsonNull)) {
            out.append(escape(ParameterStyles.scalar(value)));
        }
        out.append("</").append(name).append('>');
    }

    private static String name(String text) {
        String name = text.replaceAll("[^A-Za-z0-9_.-]", "_");
        return name.isEmpty() || !Character.isLetter(name.charAt(0)) && name.charAt(0) != '_' ? "_" + name : name;
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
