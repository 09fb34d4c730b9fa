package io.loadsmith.importer.openapi;

import com.fasterxml.jackson.databind.JsonNode;
import io.loadsmith.model.Json;
import io.swagger.v3.oas.models.media.Discriminator;
import io.swagger.v3.oas.models.media.Schema;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Date;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import net.datafaker.Faker;

/**
 * Sample values for schemas, in the order of precedence the issue tracker settled on: the schema's
 * {@code example} (or first of {@code examples}), {@code default}, {@code const}, the first
 * {@code enum} value, and only then a value synthesized from the type, format, bounds, length,
 * pattern and property name.
 *
 * <p>Synthesized values come from Datafaker with a random source reseeded for every value path
 * from the plan seed, so the same seed gives the same values, and adding an operation to a spec
 * does not change the values of the others.
 */
final class SampleGenerator {
    /** Nesting beyond this many schemas is cut; optional properties stop one level earlier. */
    private static final int MAX_DEPTH = 6;
    private static final int OPTIONAL_DEPTH = 2;
    private static final OffsetDateTime EPOCH = OffsetDateTime.of(2024, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC);

    private static final Object LOCK = new Object();

    /**
     * Currencies for a field named so: widely accepted ones, in a fixed order. Not Datafaker's
     * {@code money()}, which picks from {@code Currency.getAvailableCurrencies()}, a hash set
     * whose order changes from one JVM to the next: the same seed gave another currency each run.
     */
    private static final List<String> CURRENCIES = List.of("USD", "EUR", "GBP", "JPY", "CHF", "CAD", "AUD", "SEK", "NOK",
            "DKK", "PLN", "NZD", "SGD", "HKD");

    /**
     * The shared Datafaker instance. Datafaker loads its locale data on first use, which takes over
     * a second, so one instance serves every import (each value reseeds its random source, under
     * {@link #LOCK}), and {@link #preload} starts the loading while the document is being parsed.
     */
    private static final class Data {
        static final Random RANDOM = new Random();
        /**
         * English without a country: {@code Locale.US} would also load Datafaker's {@code _US.yml}
         * (1.5 MB, mostly zip codes by state), which cost 0.85 s of a cold start for nothing a
         * request needs.
         */
        static final Faker FAKER = new Faker(Locale.ENGLISH, RANDOM);
        /** Fetched once: {@code lorem().word()} resolves the list on every call, the costliest step of a large import. */
        static final List<String> WORDS = FAKER.fakeValuesService().fetchObject("lorem.words", FAKER.getContext());

        private Data() {}
    }

    private static final java.util.concurrent.atomic.AtomicBoolean PRELOADING = new java.util.concurrent.atomic.AtomicBoolean();

    /**
     * Starts loading Datafaker's data in the background, once: every data file a sample may read
     * (names, addresses, internet, companies...), while the document is being parsed. It holds the
     * lock, as it draws from the shared random source; a sample that comes first waits for it.
     */
    static void preload() {
        if (PRELOADING.compareAndSet(false, true)) {
            Thread loader = new Thread(() -> {
                synchronized (LOCK) {
                    Faker faker = Data.FAKER;
                    Data.WORDS.size();
                    faker.name().fullName();
                    faker.address().fullAddress();
                    faker.address().country();
                    faker.internet().emailAddress();
                    faker.company().name();
                    faker.commerce().productName();
                    faker.color().name();
                    faker.phoneNumber().phoneNumber();
                }
            }, "loadsmith-datafaker-preload");
            loader.setDaemon(true);
            loader.start();
        }
    }

    private final Refs refs;
    private final long seed;
    private final Random random = Data.RANDOM;
    private final Faker faker = Data.FAKER;

    /** Whether the last sample holds a value of our own making, not one of the document's (example, default, enum, const). */
    private boolean synthesized;

    /** The document's own version ({@code info.version}), the value of an {@code api-version} parameter without an example. */
    private final String apiVersion;

    SampleGenerator(Refs refs, long seed, String apiVersion) {
        this.refs = refs;
        this.seed = seed;
        this.apiVersion = apiVersion == null || apiVersion.isBlank() ? null : apiVersion.strip();
    }

    /** Whether the last {@link #sample} made up a value of its own (the document gave none for some part of it). */
    boolean synthesized() {
        synchronized (LOCK) {
            return synthesized;
        }
    }

    /** A sample for a parameter's schema: as {@link #sample}, its name choosing a plausible value (an email, a country code, an API version). */
    Json sample(Schema<?> schema, String key, boolean forRequest, String parameterName) {
        synchronized (LOCK) {
            random.setSeed(seed * 0x9E3779B97F4A7C15L + key.hashCode());
            synthesized = false;
            Json value = generate(schema, new Context(forRequest, key, parameterName), 0, new ArrayList<>());
            return value == null ? new Json.JsonNull() : value;
        }
    }

    /** A sample for {@code schema}, reseeded from {@code key} (such as "createPet body"). */
    Json sample(Schema<?> schema, String key, boolean forRequest) {
        synchronized (LOCK) {
            random.setSeed(seed * 0x9E3779B97F4A7C15L + key.hashCode());
            synthesized = false;
            Json value = generate(schema, new Context(forRequest, key, ""), 0, new ArrayList<>());
            return value == null ? new Json.JsonNull() : value;
        }
    }

    /** Converts an example value as swagger-parser holds it (Jackson node, String, Number, date...). */
    static Json fromExample(Object example) {
        if (example == null) {
            return new Json.JsonNull();
        }
        if (example instanceof JsonNode node) {
            return fromNode(node);
        }
        if (example instanceof String s) {
            return Json.string(s);
        }
        if (example instanceof Boolean b) {
            return new Json.JsonBoolean(b);
        }
        if (example instanceof BigDecimal d) {
            return new Json.JsonNumber(d);
        }
        if (example instanceof Number n) {
            return new Json.JsonNumber(new BigDecimal(n.toString()));
        }
        if (example instanceof OffsetDateTime t) {
            return Json.string(t.format(DateTimeFormatter.ISO_OFFSET_DATE_TIME));
        }
        if (example instanceof Date d) {
            return Json.string(d.toInstant().atOffset(ZoneOffset.UTC).toLocalDate().toString());
        }
        if (example instanceof byte[] bytes) {
            // swagger-core holds a byte or binary schema's example as its text's bytes (String.getBytes(),
            // the platform's charset; base64 already, for format byte): that text is the value
            return Json.string(new String(bytes, java.nio.charset.Charset.defaultCharset()));
        }
        if (example instanceof Map<?, ?> map) {
            List<Json.Member> members = new ArrayList<>();
            map.forEach((k, v) -> members.add(new Json.Member(String.valueOf(k), fromExample(v))));
            return new Json.JsonObject(members);
        }
        if (example instanceof Iterable<?> items) {
            List<Json> list = new ArrayList<>();
            items.forEach(item -> list.add(fromExample(item)));
            return new Json.JsonArray(list);
        }
        return Json.string(example.toString());
    }

    static Json fromNode(JsonNode node) {
        if (node.isObject()) {
            List<Json.Member> members = new ArrayList<>();
            node.fields().forEachRemaining(f -> members.add(new Json.Member(f.getKey(), fromNode(f.getValue()))));
            return new Json.JsonObject(members);
        }
        if (node.isArray()) {
            List<Json> items = new ArrayList<>();
            node.forEach(item -> items.add(fromNode(item)));
            return new Json.JsonArray(items);
        }
        if (node.isNumber()) {
            return new Json.JsonNumber(node.decimalValue());
        }
        if (node.isBoolean()) {
            return new Json.JsonBoolean(node.booleanValue());
        }
        if (node.isNull() || node.isMissingNode()) {
            return new Json.JsonNull();
        }
        return Json.string(node.asText());
    }

    /** {@code name}: the name of the value at depth 0 (a parameter's), empty for a body. */
    private record Context(boolean forRequest, String key, String name) {}

    /** Returns null when the value should be left out (a recursive optional property). */
    private Json generate(Schema<?> raw, Context context, int depth, List<String> stack) {
        if (raw == null) {
            return Json.string("string");
        }
        String ref = raw.get$ref();
        if (ref != null && (stack.contains(ref) || depth > MAX_DEPTH)) {
            return null;
        }
        Schema<?> schema = refs.schema(raw);
        if (schema == null) {
            return Json.string("string");
        }
        if (ref != null) {
            stack.add(ref);
        }
        try {
            Json given = given(schema);
            if (given != null) {
                return given;
            }
            return synthesize(schema, context, depth, stack, depth == 0 ? context.name() : "");
        } finally {
            if (ref != null) {
                stack.remove(stack.size() - 1);
            }
        }
    }

    private Json given(Schema<?> schema) {
        if (schema.getExample() != null) {
            return fromExample(schema.getExample());
        }
        if (schema.getExamples() != null && !schema.getExamples().isEmpty()) {
            return fromExample(schema.getExamples().get(0));
        }
        if (schema.getDefault() != null) {
            return fromExample(schema.getDefault());
        }
        if (schema.getConst() != null) {
            return fromExample(schema.getConst());
        }
        if (schema.getEnum() != null && !schema.getEnum().isEmpty()) {
            Object first = schema.getEnum().stream().filter(v -> v != null).findFirst().orElse(null);
            return fromExample(first);
        }
        return null;
    }

    private Json synthesize(Schema<?> schema, Context context, int depth, List<String> stack, String name) {
        if (schema.getAllOf() != null && !schema.getAllOf().isEmpty()) {
            return object(merge(schema, new HashSet<>()), context, depth, stack);
        }
        List<Schema> choices = schema.getOneOf() != null && !schema.getOneOf().isEmpty() ? schema.getOneOf()
                : schema.getAnyOf() != null && !schema.getAnyOf().isEmpty() ? schema.getAnyOf() : null;
        if (choices != null) {
            return choice(schema, choices, context, depth, stack);
        }
        String type = type(schema);
        if (!type.equals("object") && !type.equals("array")) {
            synthesized = true;
        }
        return switch (type) {
            case "object" -> object(schema, context, depth, stack);
            case "array" -> array(schema, context, depth, stack, name);
            case "integer" -> new Json.JsonNumber(integer(schema, name));
            case "number" -> new Json.JsonNumber(number(schema, name));
            case "boolean" -> new Json.JsonBoolean(true);
            case "null" -> new Json.JsonNull();
            default -> Json.string(string(schema, name));
        };
    }

    /** The schema's type, inferred from its keywords when it declares none. */
    static String type(Schema<?> schema) {
        if (schema.getType() != null) {
            return schema.getType();
        }
        if (schema.getTypes() != null && !schema.getTypes().isEmpty()) {
            return schema.getTypes().stream().filter(t -> !t.equals("null")).findFirst().orElse("null");
        }
        if (schema.getProperties() != null || schema.getAdditionalProperties() != null) {
            return "object";
        }
        if (schema.getItems() != null || schema.getPrefixItems() != null) {
            return "array";
        }
        return "string";
    }

    /** One branch of a oneOf or anyOf; with a discriminator, the branch's value is set. */
    private Json choice(Schema<?> schema, List<Schema> choices, Context context, int depth, List<String> stack) {
        Schema<?> chosen = null;
        for (Schema<?> candidate : choices) {
            Schema<?> resolved = refs.schema(candidate);
            if (resolved != null && !"null".equals(type(resolved))
                    && (candidate.get$ref() == null || !stack.contains(candidate.get$ref()))) {
                chosen = candidate;
                break;
            }
        }
        if (chosen == null) {
            return new Json.JsonNull();
        }
        Json value = generate(chosen, context, depth + 1, stack);
        Discriminator discriminator = schema.getDiscriminator();
        if (discriminator != null && discriminator.getPropertyName() != null && value instanceof Json.JsonObject object) {
            String tag = discriminatorValue(discriminator, chosen);
            return withMember(object, discriminator.getPropertyName(), Json.string(tag));
        }
        return value == null ? new Json.JsonNull() : value;
    }

    private static String discriminatorValue(Discriminator discriminator, Schema<?> chosen) {
        String ref = chosen.get$ref();
        if (discriminator.getMapping() != null) {
            for (Map.Entry<String, String> entry : discriminator.getMapping().entrySet()) {
                if (entry.getValue().equals(ref) || Refs.componentName(entry.getValue()).equals(Refs.componentName(ref))) {
                    return entry.getKey();
                }
            }
        }
        return ref != null ? Refs.componentName(ref) : "object";
    }

    private static Json withMember(Json.JsonObject object, String key, Json value) {
        List<Json.Member> members = new ArrayList<>();
        boolean replaced = false;
        for (Json.Member member : object.members()) {
            if (member.key().equals(key)) {
                members.add(new Json.Member(key, value));
                replaced = true;
            } else {
                members.add(member);
            }
        }
        if (!replaced) {
            members.add(0, new Json.Member(key, value));
        }
        return new Json.JsonObject(members);
    }

    /** Folds allOf parts into one object schema: properties and required lists united, in order. */
    @SuppressWarnings({"rawtypes", "unchecked"})
    Schema<?> merge(Schema<?> schema, Set<String> seen) {
        Schema merged = new Schema<>();
        Map<String, Schema> properties = new LinkedHashMap<>();
        Set<String> required = new LinkedHashSet<>();
        Discriminator discriminator = null;
        List<Schema<?>> parts = new ArrayList<>();
        for (Schema part : schema.getAllOf()) {
            if (part == null || part.get$ref() != null && !seen.add(part.get$ref())) { // null: an empty item (allOf: [~])
                continue;
            }
            Schema<?> resolved = refs.schema(part);
            if (resolved != null) {
                parts.add(resolved.getAllOf() != null && !resolved.getAllOf().isEmpty() ? merge(resolved, seen) : resolved);
            }
        }
        parts.add(schema);
        for (Schema<?> part : parts) {
            if (part.getProperties() != null) {
                properties.putAll(part.getProperties());
            }
            if (part.getRequired() != null) {
                required.addAll(part.getRequired());
            }
            if (part.getDiscriminator() != null) {
                discriminator = part.getDiscriminator();
            }
            if (merged.getExample() == null && part.getExample() != null && part != schema) {
                merged.setExample(part.getExample());
            }
        }
        merged.setType("object");
        merged.setProperties(properties);
        merged.setRequired(new ArrayList<>(required));
        merged.setDiscriminator(discriminator);
        return merged;
    }

    private Json object(Schema<?> schema, Context context, int depth, List<String> stack) {
        List<Json.Member> members = new ArrayList<>();
        Set<String> required = schema.getRequired() == null ? Set.of() : new HashSet<>(schema.getRequired());
        Map<String, Schema> properties = schema.getProperties() == null ? Map.of() : schema.getProperties();
        for (Map.Entry<String, Schema> property : properties.entrySet()) {
            String propertyName = property.getKey();
            Schema<?> resolved = refs.schema(property.getValue());
            if (resolved == null) {
                continue;
            }
            boolean isRequired = required.contains(propertyName);
            if (context.forRequest() && Boolean.TRUE.equals(resolved.getReadOnly())) {
                continue;
            }
            if (!context.forRequest() && Boolean.TRUE.equals(resolved.getWriteOnly())) {
                continue;
            }
            if (!isRequired && depth >= OPTIONAL_DEPTH) {
                continue;
            }
            Json value = property(property.getValue(), resolved, propertyName, context, depth, stack);
            if (value != null) {
                members.add(new Json.Member(propertyName, value));
            } else if (isRequired) {
                members.add(new Json.Member(propertyName, new Json.JsonObject(List.of())));
            }
        }
        for (String name : required) {
            if (!properties.containsKey(name)) {
                synthesized = true;
                members.add(new Json.Member(name, Json.string(string(new Schema<>(), name))));
            }
        }
        if (members.isEmpty() && schema.getAdditionalProperties() instanceof Schema<?> valueSchema && depth < MAX_DEPTH) {
            Json value = generate(valueSchema, context, depth + 1, stack);
            if (value != null) {
                members.add(new Json.Member("key", value));
            }
        }
        return new Json.JsonObject(members);
    }

    private Json property(Schema<?> raw, Schema<?> resolved, String name, Context context, int depth, List<String> stack) {
        if (raw.get$ref() != null) {
            return generate(raw, context, depth + 1, stack);
        }
        Json given = given(resolved);
        if (given != null) {
            return given;
        }
        if (depth + 1 > MAX_DEPTH) {
            return null;
        }
        return synthesize(resolved, context, depth + 1, stack, name);
    }

    private Json array(Schema<?> schema, Context context, int depth, List<String> stack, String name) {
        Schema<?> items = schema.getItems();
        int count = Math.max(1, schema.getMinItems() == null ? 1 : schema.getMinItems());
        if (schema.getMaxItems() != null) {
            count = Math.min(count, schema.getMaxItems());
        }
        List<Json> values = new ArrayList<>();
        Set<Json> distinct = new HashSet<>();
        List<Schema> prefix = schema.getPrefixItems() == null ? List.of() : schema.getPrefixItems();
        for (Schema<?> position : prefix) {
            Json value = generate(position, context, depth + 1, stack);
            if (value == null) {
                return new Json.JsonArray(values);
            }
            values.add(value);
            distinct.add(value);
        }
        if (!prefix.isEmpty() && items == null) {
            return new Json.JsonArray(values);
        }
        for (int i = prefix.size(); i < count; i++) {
            Json value;
            if (items == null) {
                synthesized = true;
                value = Json.string(string(new Schema<>(), singular(name)));
            } else if (items.get$ref() != null) {
                value = generate(items, context, depth + 1, stack);
            } else if (items.getEnum() != null && !items.getEnum().isEmpty()) {
                value = fromExample(items.getEnum().get(i % items.getEnum().size()));
            } else {
                value = given(items) != null && i == 0 ? given(items) : synthesize(items, context, depth + 1, stack, singular(name));
            }
            if (value == null) {
                break;
            }
            if (Boolean.TRUE.equals(schema.getUniqueItems()) && !distinct.add(value)) {
                continue;
            }
            values.add(value);
        }
        return new Json.JsonArray(values);
    }

    private static String singular(String name) {
        return name.endsWith("s") && name.length() > 1 ? name.substring(0, name.length() - 1) : name;
    }

    private BigDecimal integer(Schema<?> schema, String name) {
        long min = schema.getMinimum() != null ? schema.getMinimum().setScale(0, RoundingMode.CEILING).longValue() : Long.MIN_VALUE;
        long max = schema.getMaximum() != null ? schema.getMaximum().setScale(0, RoundingMode.FLOOR).longValue() : Long.MAX_VALUE;
        if (Boolean.TRUE.equals(schema.getExclusiveMinimum()) && schema.getMinimum() != null) {
            min++;
        }
        if (Boolean.TRUE.equals(schema.getExclusiveMaximum()) && schema.getMaximum() != null) {
            max--;
        }
        if (schema.getExclusiveMinimumValue() != null) {
            min = schema.getExclusiveMinimumValue().setScale(0, RoundingMode.FLOOR).longValue() + 1;
        }
        if (schema.getExclusiveMaximumValue() != null) {
            max = schema.getExclusiveMaximumValue().setScale(0, RoundingMode.CEILING).longValue() - 1;
        }
        long[] preferred = preferredRange(name.toLowerCase(Locale.ROOT));
        long low = Math.max(min, preferred[0]);
        long high = Math.min(max, preferred[1]);
        if (low > high) {
            low = min == Long.MIN_VALUE ? Math.min(max, 0) : min;
            high = max == Long.MAX_VALUE ? low + 100 : max;
        }
        long value = low + (long) Math.floor(random.nextDouble() * ((double) high - low + 1));
        value = Math.min(high, Math.max(low, value));
        if (schema.getMultipleOf() != null && schema.getMultipleOf().signum() > 0) {
            long step = schema.getMultipleOf().longValue();
            if (step > 0) {
                value = Math.max(low, (value / step) * step);
                if (value % step != 0 || value > high) {
                    value = ((low + step - 1) / step) * step;
                }
            }
        }
        return BigDecimal.valueOf(value);
    }

    private static long[] preferredRange(String name) {
        if (name.equals("page") || name.endsWith("page")) {
            return new long[] {1, 1};
        }
        if (name.contains("limit") || name.contains("size") || name.contains("count") || name.equals("per_page")) {
            return new long[] {10, 10};
        }
        if (name.contains("offset") || name.contains("skip")) {
            return new long[] {0, 0};
        }
        if (name.contains("age")) {
            return new long[] {18, 90};
        }
        if (name.contains("year")) {
            return new long[] {2000, 2025};
        }
        if (name.contains("quantity") || name.contains("qty")) {
            return new long[] {1, 5};
        }
        return new long[] {1, 1000};
    }

    private BigDecimal number(Schema<?> schema, String name) {
        double min = schema.getMinimum() != null ? schema.getMinimum().doubleValue()
                : schema.getExclusiveMinimumValue() != null ? schema.getExclusiveMinimumValue().doubleValue() : 1;
        double max = schema.getMaximum() != null ? schema.getMaximum().doubleValue()
                : schema.getExclusiveMaximumValue() != null ? schema.getExclusiveMaximumValue().doubleValue() : Math.max(min, 0) + 1000;
        if (max < min) {
            max = min;
        }
        double value = min + random.nextDouble() * (max - min);
        BigDecimal rounded = BigDecimal.valueOf(value).setScale(2, RoundingMode.HALF_UP);
        if (rounded.doubleValue() < min || rounded.doubleValue() > max) {
            rounded = BigDecimal.valueOf(value);
        }
        return rounded.stripTrailingZeros().scale() < 0 ? rounded.setScale(0, RoundingMode.UNNECESSARY) : rounded.stripTrailingZeros();
    }

    /** A string for a schema: by format, then pattern, then property name, bounded by its lengths. */
    String string(Schema<?> schema, String name) {
        String format = schema.getFormat() == null ? "" : schema.getFormat().toLowerCase(Locale.ROOT);
        String value = byFormat(format);
        if (value == null && schema.getPattern() != null) {
            value = fromPattern(schema.getPattern());
        }
        if (value == null) {
            value = byName(normalized(name));
        }
        int minLength = schema.getMinLength() == null ? 0 : schema.getMinLength();
        Integer maxLength = schema.getMaxLength();
        StringBuilder padded = new StringBuilder(value);
        while (padded.length() < minLength) {
            padded.append(word());
        }
        String result = padded.toString();
        if (maxLength != null && result.length() > maxLength) {
            result = result.substring(0, Math.max(0, maxLength));
        }
        return result;
    }

    private String byFormat(String format) {
        return switch (format) {
            case "uuid" -> new UUID((random.nextLong() & 0xffffffffffff0fffL) | 0x4000L,
                    (random.nextLong() & 0x3fffffffffffffffL) | 0x8000000000000000L).toString();
            case "email", "idn-email" -> faker.internet().emailAddress();
            case "date" -> LocalDate.of(2024, 1, 1).plusDays(random.nextInt(365)).toString();
            case "date-time" -> EPOCH.plusSeconds(random.nextInt(365 * 24 * 3600)).format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
            case "time" -> String.format("%02d:%02d:%02d", random.nextInt(24), random.nextInt(60), random.nextInt(60));
            case "uri", "url", "iri", "uri-reference", "iri-reference" -> "https://" + faker.internet().domainName() + "/" + word();
            case "hostname", "idn-hostname" -> faker.internet().domainName();
            case "ipv4" -> faker.internet().ipV4Address();
            case "ipv6" -> faker.internet().ipV6Address();
            case "byte", "base64" -> Base64.getEncoder().encodeToString(word().getBytes(StandardCharsets.UTF_8));
            case "binary" -> faker.lorem().sentence();
            case "password" -> faker.internet().password(12, 16, true, false, true);
            case "duration" -> "PT" + (1 + random.nextInt(59)) + "M";
            case "date-time-rfc1123", "http-date" -> DateTimeFormatter.RFC_1123_DATE_TIME.format(EPOCH.plusDays(random.nextInt(365)));
            case "int64", "int32", "integer" -> Integer.toString(1 + random.nextInt(1000));
            default -> null;
        };
    }

    private String fromPattern(String pattern) {
        try {
            String candidate = faker.regexify(pattern.replaceAll("^\\^|\\$$", ""));
            if (candidate != null && Pattern.compile(pattern).matcher(candidate).find()) {
                return candidate;
            }
        } catch (RuntimeException | StackOverflowError e) {
            return null;
        }
        return null;
    }

    private String word() {
        return Data.WORDS.get(random.nextInt(Data.WORDS.size()));
    }

    /** Lower-case letters and digits only: {@code first_Name} and {@code firstName} both become {@code firstname}. */
    private static String normalized(String name) {
        StringBuilder out = new StringBuilder(name.length());
        for (int i = 0; i < name.length(); i++) {
            char c = Character.toLowerCase(name.charAt(i));
            if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
                out.append(c);
            }
        }
        return out.toString();
    }

    private String byName(String name) {
        if (name.isEmpty()) {
            return word();
        }
        if (name.equals("apiversion") || name.equals("xapiversion")) {
            return apiVersion != null ? apiVersion : "2024-01-01";
        }
        if (name.equals("locale") || name.equals("lang") || name.equals("language") || name.equals("acceptlanguage")) {
            return "en-US";
        }
        if (name.equals("email") || name.endsWith("email")) {
            return faker.internet().emailAddress();
        }
        if (name.equals("firstname") || name.equals("givenname")) {
            return faker.name().firstName();
        }
        if (name.equals("lastname") || name.equals("surname") || name.equals("familyname")) {
            return faker.name().lastName();
        }
        if (name.equals("username") || name.equals("login") || name.equals("handle")) {
            return faker.internet().username();
        }
        if (name.equals("name") || name.equals("fullname") || name.equals("displayname") || name.equals("author")) {
            return faker.name().fullName();
        }
        if (name.contains("phone") || name.contains("mobile")) {
            return faker.phoneNumber().phoneNumber();
        }
        if (name.equals("city") || name.equals("town")) {
            return faker.address().city();
        }
        if (name.equals("country")) {
            return faker.address().country();
        }
        if (name.contains("countrycode")) {
            return faker.address().countryCode();
        }
        if (name.contains("street") || name.equals("address") || name.equals("address1")) {
            return faker.address().streetAddress();
        }
        if (name.contains("zip") || name.contains("postal") || name.contains("postcode")) {
            return faker.address().zipCode();
        }
        if (name.equals("state") || name.equals("region") || name.equals("province")) {
            return faker.address().state();
        }
        if (name.contains("company") || name.contains("organization") || name.equals("org")) {
            return faker.company().name();
        }
        if (name.equals("url") || name.endsWith("url") || name.endsWith("uri") || name.equals("website") || name.equals("homepage")) {
            return "https://" + faker.internet().domainName() + "/";
        }
        if (name.contains("color") || name.contains("colour")) {
            return faker.color().name();
        }
        if (name.contains("currency")) {
            return CURRENCIES.get(random.nextInt(CURRENCIES.size()));
        }
        if (name.equals("id") || name.endsWith("id") || name.endsWith("key") || name.endsWith("token")) {
            return Long.toString(100000 + (long) (random.nextDouble() * 900000));
        }
        if (name.contains("description") || name.contains("comment") || name.contains("message") || name.contains("body")
                || name.contains("text") || name.contains("summary") || name.contains("note")) {
            return faker.lorem().sentence();
        }
        if (name.contains("title") || name.contains("subject")) {
            // a capitalised phrase; Datafaker's book titles cost seconds to load on first use
            String phrase = word() + " " + word() + " " + word();
            return Character.toUpperCase(phrase.charAt(0)) + phrase.substring(1);
        }
        if (name.contains("product") || name.contains("item")) {
            return faker.commerce().productName();
        }
        if (name.contains("tag") || name.contains("category") || name.contains("type") || name.contains("kind")) {
            return word();
        }
        if (name.contains("status") || name.contains("state")) {
            return "active";
        }
        if (name.contains("lang") || name.contains("locale")) {
            return "en-US";
        }
        if (name.contains("password") || name.contains("secret")) {
            return faker.internet().password(12, 16, true, false, true);
        }
        return word();
    }
}
