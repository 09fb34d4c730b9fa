package io.loadsmith.model;

import java.util.Base64;
import java.util.List;

/** The body of an HTTP request. */
public sealed interface Body {

    /** The media type the request declares in its Content-Type header, or null for no body. */
    String contentType();

    /** No body. */
    record None() implements Body {
        @Override
        public String contentType() {
            return null;
        }
    }

    /** A JSON document, sent with {@code contentType} (application/json or a +json type). */
    record JsonBody(String contentType, Json value) implements Body {
        public JsonBody {
            Checks.requireNonBlank(contentType, "content type");
            Checks.requireNonNull(value, "JSON value");
        }

        public static JsonBody of(Json value) {
            return new JsonBody("application/json", value);
        }
    }

    /** An application/x-www-form-urlencoded form; the tool encodes names and values. */
    record FormBody(List<Param> fields) implements Body {
        public FormBody {
            fields = List.copyOf(Checks.requireNonNull(fields, "form fields"));
        }

        @Override
        public String contentType() {
            return "application/x-www-form-urlencoded";
        }
    }

    /** A multipart/form-data body; the tool chooses the boundary. */
    record MultipartBody(List<MultipartPart> parts) implements Body {
        public MultipartBody {
            parts = List.copyOf(Checks.requireNonNull(parts, "multipart parts"));
        }

        @Override
        public String contentType() {
            return "multipart/form-data";
        }
    }

    /** One part of a multipart body. */
    sealed interface MultipartPart permits MultipartField, MultipartFile {
        String name();
    }

    record MultipartField(String name, Text value) implements MultipartPart {
        public MultipartField {
            Checks.requireNonNull(name, "multipart field name");
            Checks.requireNonNull(value, "value of multipart field '" + name + "'");
        }
    }

    /**
     * A file part. Its bytes travel with the plan (base64 in the plan file) and are written
     * beside the generated script, which reads them at start-up.
     */
    record MultipartFile(String name, String fileName, String contentType, String base64Content)
            implements MultipartPart {
        public MultipartFile {
            Checks.requireNonNull(name, "multipart file part name");
            Checks.requireNonBlank(fileName, "file name of part '" + name + "'");
            Checks.requireNonBlank(contentType, "content type of part '" + name + "'");
            Checks.requireNonNull(base64Content, "content of part '" + name + "'");
            try {
                Base64.getDecoder().decode(base64Content);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("content of part '" + name + "' is not base64: " + e.getMessage());
            }
        }

        public byte[] content() {
            return Base64.getDecoder().decode(base64Content);
        }

        public static MultipartFile of(String name, String fileName, String contentType, byte[] content) {
            return new MultipartFile(name, fileName, contentType, Base64.getEncoder().encodeToString(content));
        }
    }

    /** Any other text body, sent as is with its content type. */
    record RawBody(String contentType, Text content) implements Body {
        public RawBody {
            Checks.requireNonBlank(contentType, "content type");
            Checks.requireNonNull(content, "raw body content");
        }
    }

    /** Binary content, sent byte for byte. */
    record BinaryBody(String contentType, String base64Content) implements Body {
        public BinaryBody {
            Checks.requireNonBlank(contentType, "content type");
            Checks.requireNonNull(base64Content, "binary body content");
            Base64.getDecoder().decode(base64Content);
        }

        public byte[] content() {
            return Base64.getDecoder().decode(base64Content);
        }
    }

    static Body none() {
        return new None();
    }
}
