package io.loadsmith.importer.graphql;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import graphql.GraphQLError;
import graphql.introspection.IntrospectionResultToSchema;
import graphql.language.AstPrinter;
import graphql.language.Definition;
import graphql.language.Document;
import graphql.language.Field;
import graphql.language.FragmentDefinition;
import graphql.language.FragmentSpread;
import graphql.language.InlineFragment;
import graphql.language.OperationDefinition;
import graphql.language.Selection;
import graphql.language.SelectionSet;
import graphql.language.SourceLocation;
import graphql.language.VariableDefinition;
import graphql.parser.InvalidSyntaxException;
import graphql.parser.Parser;
import graphql.schema.GraphQLEnumType;
import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.GraphQLInputObjectField;
import graphql.schema.GraphQLInputObjectType;
import graphql.schema.GraphQLInputType;
import graphql.schema.GraphQLList;
import graphql.schema.GraphQLNonNull;
import graphql.schema.GraphQLObjectType;
import graphql.schema.GraphQLOutputType;
import graphql.schema.GraphQLScalarType;
import graphql.schema.GraphQLSchema;
import graphql.schema.GraphQLType;
import graphql.schema.GraphQLTypeUtil;
import graphql.schema.idl.SchemaParser;
import graphql.schema.idl.TypeDefinitionRegistry;
import graphql.schema.idl.UnExecutableSchemaGenerator;
import graphql.schema.idl.errors.SchemaProblem;
import graphql.validation.ValidationError;
import io.loadsmith.importer.Documents;
import io.loadsmith.importer.GraphQlOptions;
import io.loadsmith.importer.ImportException;
import io.loadsmith.importer.ImportOptions;
import io.loadsmith.importer.ImportResult;
import io.loadsmith.importer.Importer;
import io.loadsmith.model.Diagnostic;
import io.loadsmith.model.Extraction;
import io.loadsmith.model.GraphQl;
import io.loadsmith.model.Json;
import io.loadsmith.model.JsonPath;
import io.loadsmith.model.Scenario;
import io.loadsmith.model.Step;
import io.loadsmith.model.TestPlan;
import io.loadsmith.model.Variable;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A GraphQL schema, in SDL or as an introspection result, becomes a plan of GraphQL operations:
 * those of the operation documents given ({@link GraphQlOptions#documents()}), each a step with
 * variables generated from their types, or without documents a query per root field of
 * {@code Query} with a bounded selection. An id a mutation returns is the value of the later
 * variables that name that kind of thing ({@code bookId}, or {@code id} of a {@code book} field).
 */
public final class GraphQlImporter implements Importer {
    /** How deep generated queries select into object fields. */
    static final int SELECTION_DEPTH = 2;
    private static final Pattern SDL = Pattern.compile("(?m)^\\s*(type\\s+(Query|Mutation)\\b|schema\\s*\\{|extend\\s+type\\s)");
    private static final Pattern INTROSPECTION = Pattern.compile("\"__schema\"\\s*:");
    private static final Pattern CREATE_VERB = Pattern.compile("^(create|add|new|insert|place|register|post|submit|make)(?=[A-Z_])");

    @Override
    public boolean accepts(String head) {
        return SDL.matcher(head).find() || INTROSPECTION.matcher(head).find();
    }

    @Override
    public ImportResult importFile(Path input, ImportOptions options) {
        List<Diagnostic> diagnostics = new ArrayList<>();
        GraphQLSchema schema = schema(input);
        GraphQlOptions graphQl = options.graphQl();
        List<Step> steps = new ArrayList<>();
        Correlation correlation = new Correlation();
        if (graphQl.documents().isEmpty()) {
            GraphQLObjectType query = schema.getQueryType();
            if (query == null || query.getFieldDefinitions().isEmpty()) {
                throw new ImportException(input, null, "the schema has no Query fields to generate operations from; "
                        + "give the operations your clients send with --graphql-operations FILE");
            }
            for (GraphQLFieldDefinition field : query.getFieldDefinitions()) {
                steps.add(generated(field, graphQl.endpoint(), correlation));
            }
            diagnostics.add(Diagnostic.warning("operations", "no operation documents: " + steps.size() + " queries generated from "
                    + "the schema's root Query fields, selecting " + SELECTION_DEPTH + " levels deep; give the operations your "
                    + "clients send with --graphql-operations FILE"));
        } else {
            for (Path file : graphQl.documents()) {
                steps.addAll(operations(schema, file, graphQl.endpoint(), correlation, diagnostics));
            }
        }
        String baseUrl = options.baseUrl() != null ? options.baseUrl().replaceAll("/+$", "") : "http://localhost:8080";
        if (options.baseUrl() == null) {
            diagnostics.add(Diagnostic.warning("baseUrl", "a GraphQL schema names no server: the plan's base URL is " + baseUrl
                    + ", its endpoint " + graphQl.endpoint() + " (give --base-url, or set BASE_URL when running)"));
        }
        String name = input.getFileName().toString().replaceFirst("\\.[^.]+$", "");
        try {
            TestPlan plan = TestPlan.builder(name, baseUrl).variables(correlation.settings())
                    .scenario(new Scenario("GraphQL operations", 1, steps)).build();
            return new ImportResult(plan, diagnostics, null, null);
        } catch (IllegalArgumentException e) {
            throw new ImportException(input, null, "the operations do not make a valid plan: " + e.getMessage(), e);
        }
    }

    // ---- the schema

    private static GraphQLSchema schema(Path input) {
        String text = Documents.readText(input);
        TypeDefinitionRegistry registry;
        try {
            if (INTROSPECTION.matcher(text).find()) {
                JsonNode root = Documents.parse(input, text);
                JsonNode data = root.has("data") ? root.get("data") : root;
                if (!data.path("__schema").isObject()) {
                    throw new ImportException(input, root.has("data") ? "/data/__schema" : "/__schema", "no introspection result here");
                }
                @SuppressWarnings("unchecked")
                Map<String, Object> map = new ObjectMapper().convertValue(data, Map.class);
                Document document = new IntrospectionResultToSchema().createSchemaDefinition(map);
                registry = new SchemaParser().buildRegistry(document);
            } else {
                registry = new SchemaParser().parse(text);
            }
            return UnExecutableSchemaGenerator.makeUnExecutableSchema(registry);
        } catch (SchemaProblem e) {
            throw new ImportException(input, place(e.getErrors()), "not a valid GraphQL schema: " + message(e.getErrors()), e);
        } catch (InvalidSyntaxException e) {
            throw new ImportException(input, place(e.getLocation()), "not a valid GraphQL schema: " + e.getMessage(), e);
        } catch (graphql.schema.validation.InvalidSchemaException e) {
            throw new ImportException(input, null, "not a valid GraphQL schema: " + e.getMessage().strip(), e);
        } catch (graphql.AssertException | IllegalArgumentException | ClassCastException e) {
            throw new ImportException(input, null, "not a GraphQL introspection result graphql-java can read: " + e.getMessage(), e);
        }
    }

    // ---- operation documents

    private List<Step> operations(GraphQLSchema schema, Path file, String endpoint, Correlation correlation,
            List<Diagnostic> diagnostics) {
        String text;
        try {
            text = java.nio.file.Files.readString(file);
        } catch (IOException e) {
            throw new ImportException(file, null, "cannot read the operation document: " + e.getMessage(), e);
        }
        Document document;
        try {
            document = Parser.parse(text);
        } catch (InvalidSyntaxException e) {
            throw new ImportException(file, place(e.getLocation()), "not a GraphQL document: " + e.getMessage(), e);
        }
        List<ValidationError> errors = new graphql.validation.Validator().validateDocument(schema, document, Locale.ROOT);
        if (!errors.isEmpty()) {
            throw new ImportException(file, place(List.copyOf(errors)), "the operation does not match the schema: "
                    + message(List.copyOf(errors)));
        }
        Map<String, FragmentDefinition> fragments = new LinkedHashMap<>();
        List<OperationDefinition> operations = new ArrayList<>();
        for (Definition<?> definition : document.getDefinitions()) {
            if (definition instanceof FragmentDefinition fragment) {
                fragments.put(fragment.getName(), fragment);
            } else if (definition instanceof OperationDefinition operation) {
                operations.add(operation);
            }
        }
        List<Step> steps = new ArrayList<>();
        for (OperationDefinition operation : operations) {
            if (operation.getOperation() == OperationDefinition.Operation.SUBSCRIPTION) {
                diagnostics.add(Diagnostic.warning(operation.getName() == null ? file.toString() : operation.getName(),
                        "a subscription runs over a WebSocket, not a POST: left out"));
                continue;
            }
            if (operation.getName() == null && operations.size() > 1) {
                throw new ImportException(file, place(operation.getSourceLocation()),
                        "an operation without a name in a document of several: name it, as GraphQL requires");
            }
            GraphQLObjectType root = operation.getOperation() == OperationDefinition.Operation.MUTATION ? schema.getMutationType()
                    : schema.getQueryType();
            List<Field> fields = rootFields(operation.getSelectionSet(), fragments);
            String name = operation.getName() != null ? operation.getName()
                    : fields.isEmpty() ? file.getFileName().toString() : fields.get(0).getName();
            // One operation as it is in the file when it is the only one; else it with the fragments it uses.
            String sent = operations.size() == 1 && fragments.isEmpty() ? text.strip() + "\n" : print(operation, fragments);
            List<Json.Member> variables = new ArrayList<>();
            for (VariableDefinition variable : operation.getVariableDefinitions()) {
                GraphQLType type = schemaType(schema, variable.getType());
                // A nullable variable a client may leave out is left out; a required one gets a value.
                if (type == null || !(type instanceof GraphQLNonNull) || variable.getDefaultValue() != null) {
                    continue;
                }
                variables.add(new Json.Member(variable.getName(), value(variable.getName(), (GraphQLInputType) type,
                        entityOf(fields, variable.getName()), correlation, 0)));
            }
            Json.JsonObject json = variables.isEmpty() ? null : new Json.JsonObject(variables);
            var builder = GraphQl.request(name, endpoint, sent, json);
            if (operation.getOperation() == OperationDefinition.Operation.MUTATION && root != null) {
                for (Field field : fields) {
                    correlation.created(field, builder);
                }
            }
            steps.add(builder.build());
        }
        return steps;
    }

    private static GraphQLType schemaType(GraphQLSchema schema, graphql.language.Type<?> type) {
        if (type instanceof graphql.language.NonNullType nonNull) {
            GraphQLType inner = schemaType(schema, nonNull.getType());
            return inner == null ? null : GraphQLNonNull.nonNull(inner);
        }
        if (type instanceof graphql.language.ListType list) {
            GraphQLType inner = schemaType(schema, list.getType());
            return inner == null ? null : GraphQLList.list(inner);
        }
        return schema.getType(((graphql.language.TypeName) type).getName());
    }

    /** The fields an operation selects at its root, through fragments. */
    private static List<Field> rootFields(SelectionSet set, Map<String, FragmentDefinition> fragments) {
        List<Field> fields = new ArrayList<>();
        for (Selection<?> selection : set.getSelections()) {
            if (selection instanceof Field field) {
                fields.add(field);
            } else if (selection instanceof InlineFragment inline) {
                fields.addAll(rootFields(inline.getSelectionSet(), fragments));
            } else if (selection instanceof FragmentSpread spread && fragments.containsKey(spread.getName())) {
                fields.addAll(rootFields(fragments.get(spread.getName()).getSelectionSet(), fragments));
            }
        }
        return fields;
    }

    /** An operation with the fragments it uses, as GraphQL prints it. */
    private static String print(OperationDefinition operation, Map<String, FragmentDefinition> fragments) {
        Set<String> used = new LinkedHashSet<>();
        spreads(operation.getSelectionSet(), fragments, used);
        List<Definition> definitions = new ArrayList<>();
        definitions.add(operation);
        used.forEach(name -> definitions.add(fragments.get(name)));
        return AstPrinter.printAst(Document.newDocument().definitions(definitions).build()).strip() + "\n";
    }

    private static void spreads(SelectionSet set, Map<String, FragmentDefinition> fragments, Set<String> used) {
        if (set == null) {
            return;
        }
        for (Selection<?> selection : set.getSelections()) {
            if (selection instanceof Field field) {
                spreads(field.getSelectionSet(), fragments, used);
            } else if (selection instanceof InlineFragment inline) {
                spreads(inline.getSelectionSet(), fragments, used);
            } else if (selection instanceof FragmentSpread spread && fragments.containsKey(spread.getName()) && used.add(spread.getName())) {
                spreads(fragments.get(spread.getName()).getSelectionSet(), fragments, used);
            }
        }
    }

    // ---- generated queries

    private static io.loadsmith.model.HttpRequest generated(GraphQLFieldDefinition field, String endpoint, Correlation correlation) {
        String name = Character.toUpperCase(field.getName().charAt(0)) + field.getName().substring(1);
        StringBuilder document = new StringBuilder("query ").append(name);
        List<Json.Member> variables = new ArrayList<>();
        List<String> declared = new ArrayList<>();
        List<String> arguments = new ArrayList<>();
        for (graphql.schema.GraphQLArgument argument : field.getArguments()) {
            if (!(argument.getType() instanceof GraphQLNonNull) || argument.hasSetDefaultValue()) {
                continue;
            }
            declared.add("$" + argument.getName() + ": " + GraphQLTypeUtil.simplePrint(argument.getType()));
            arguments.add(argument.getName() + ": $" + argument.getName());
            variables.add(new Json.Member(argument.getName(), value(argument.getName(), argument.getType(), field.getName(),
                    correlation, 0)));
        }
        if (!declared.isEmpty()) {
            document.append('(').append(String.join(", ", declared)).append(')');
        }
        document.append(" {\n  ").append(field.getName());
        if (!arguments.isEmpty()) {
            document.append('(').append(String.join(", ", arguments)).append(')');
        }
        document.append(selection(field.getType(), 1, "  ")).append("\n}\n");
        return GraphQl.request(name, endpoint, document.toString(), variables.isEmpty() ? null : new Json.JsonObject(variables)).build();
    }

    /** The selection of a field of this type: its scalar and enum fields, and its object fields down to the depth. */
    private static String selection(GraphQLOutputType type, int depth, String indent) {
        GraphQLType raw = GraphQLTypeUtil.unwrapAll(type);
        if (!(raw instanceof GraphQLObjectType object)) {
            return "";
        }
        List<String> lines = new ArrayList<>();
        for (GraphQLFieldDefinition field : object.getFieldDefinitions()) {
            boolean required = field.getArguments().stream().anyMatch(a -> a.getType() instanceof GraphQLNonNull && !a.hasSetDefaultValue());
            if (required) {
                continue;
            }
            GraphQLType fieldType = GraphQLTypeUtil.unwrapAll(field.getType());
            if (fieldType instanceof GraphQLScalarType || fieldType instanceof GraphQLEnumType) {
                lines.add(field.getName());
            } else if (depth < SELECTION_DEPTH) {
                String inner = selection(field.getType(), depth + 1, indent + "  ");
                if (!inner.isEmpty()) {
                    lines.add(field.getName() + inner);
                }
            }
        }
        if (lines.isEmpty()) {
            return " { __typename }";
        }
        return " {\n" + indent + "  " + String.join("\n" + indent + "  ", lines) + "\n" + indent + "}";
    }

    // ---- values

    /** The kind of thing an operation's {@code id} variable refers to: its first root field's name ({@code book}). */
    private static String entityOf(List<Field> fields, String variable) {
        return fields.isEmpty() ? null : fields.get(0).getName();
    }

    private static Json value(String name, GraphQLInputType type, String entity, Correlation correlation, int depth) {
        GraphQLType raw = GraphQLTypeUtil.unwrapNonNull(type);
        if (raw instanceof GraphQLList list) {
            return new Json.JsonArray(List.of(value(name, (GraphQLInputType) list.getWrappedType(), entity, correlation, depth)));
        }
        if (raw instanceof GraphQLEnumType enumType) {
            return Json.string(enumType.getValues().get(0).getName());
        }
        if (raw instanceof GraphQLInputObjectType object) {
            List<Json.Member> members = new ArrayList<>();
            for (GraphQLInputObjectField field : object.getFieldDefinitions()) {
                // As with variables: what a client may leave out is left out.
                if (!(field.getType() instanceof GraphQLNonNull) || field.hasSetDefaultValue() || depth >= 8) {
                    continue;
                }
                members.add(new Json.Member(field.getName(), value(field.getName(), field.getType(), entity, correlation, depth + 1)));
            }
            return new Json.JsonObject(members);
        }
        String scalar = ((GraphQLScalarType) raw).getName();
        String key = name.toLowerCase(Locale.ROOT);
        if (scalar.equals("ID") || key.equals("id") || key.endsWith("id") && name.length() > 2 && Character.isUpperCase(name.charAt(name.length() - 2))) {
            Json created = correlation.idFor(name, entity);
            if (created != null) {
                return created;
            }
            // An id the server must know, not one to invent: a setting of the run.
            return new Json.JsonString(io.loadsmith.model.Text.ref(correlation.existing(name, entity)));
        }
        return switch (scalar) {
            case "Int" -> Json.number(key.contains("quantity") || key.contains("count") ? 2 : key.contains("limit") || key.contains("first") ? 10 : 1);
            case "Float" -> new Json.JsonNumber(new BigDecimal(key.contains("price") || key.contains("amount") ? "9.99" : "1.5"));
            case "Boolean" -> new Json.JsonBoolean(true);
            default -> Json.string(plausible(key));
        };
    }

    private static String plausible(String key) {
        if (key.contains("email")) {
            return "ada@example.com";
        }
        if (key.contains("url") || key.contains("uri") || key.contains("link")) {
            return "https://example.com/";
        }
        if (key.contains("date") || key.endsWith("at")) {
            return "2026-01-15T10:00:00Z";
        }
        if (key.equals("name") || key.contains("author") || key.contains("customer") || key.contains("user")) {
            return "Ada Lovelace";
        }
        if (key.contains("title")) {
            return "The Dispossessed";
        }
        if (key.contains("phone")) {
            return "+44 20 7946 0958";
        }
        if (key.contains("country")) {
            return "GB";
        }
        if (key.contains("currency")) {
            return "EUR";
        }
        return key + " example";
    }

    /** Ids that mutations return, by the kind of thing they create, for later variables; and the ids a run must be given. */
    private static final class Correlation {
        private final Map<String, String> variables = new LinkedHashMap<>();
        private final Map<String, Variable> settings = new LinkedHashMap<>();

        /** The plan variable of an existing id: {@code BOOK_ID} for {@code id} of {@code book}, {@code BOOK_ID} for {@code bookId}. */
        String existing(String name, String entity) {
            String base = name.equalsIgnoreCase("id") && entity != null ? entity + "Id" : name;
            String variable = base.replaceAll("([a-z0-9])([A-Z])", "$1_$2").replaceAll("[^A-Za-z0-9]+", "_").toUpperCase(Locale.ROOT);
            settings.computeIfAbsent(variable, v -> new Variable(v, v, null, false,
                    "an existing " + (entity == null ? name : entity) + "'s id (" + name + ")"));
            return variable;
        }

        List<Variable> settings() {
            return List.copyOf(settings.values());
        }

        /** A mutation field that returns an object with an id: {@code createBook { id }} creates a book. */
        void created(Field field, io.loadsmith.model.HttpRequest.Builder request) {
            if (field.getSelectionSet() == null || field.getSelectionSet().getSelections().stream()
                    .noneMatch(s -> s instanceof Field f && f.getName().equals("id") && f.getAlias() == null)) {
                return;
            }
            String entity = CREATE_VERB.matcher(field.getName()).replaceFirst("");
            entity = entity.isEmpty() ? field.getName() : Character.toLowerCase(entity.charAt(0)) + entity.substring(1);
            String variable = entity + "Id";
            String key = field.getAlias() != null ? field.getAlias() : field.getName();
            if (variables.containsKey(entity.toLowerCase(Locale.ROOT))) {
                return;
            }
            variables.put(entity.toLowerCase(Locale.ROOT), variable);
            request.extract(new Extraction.FromJson(variable, JsonPath.parse("$.data." + key + ".id")));
        }

        /** The id created earlier that a variable names: {@code bookId}, or {@code id} of a field named after the thing. */
        Json idFor(String name, String entity) {
            String key = name.toLowerCase(Locale.ROOT);
            if (key.endsWith("id") && key.length() > 2 && variables.containsKey(key.substring(0, key.length() - 2))) {
                return new Json.JsonRef(variables.get(key.substring(0, key.length() - 2)));
            }
            if (key.equals("id") && entity != null && variables.containsKey(entity.toLowerCase(Locale.ROOT))) {
                return new Json.JsonRef(variables.get(entity.toLowerCase(Locale.ROOT)));
            }
            return null;
        }
    }

    // ---- errors

    private static String place(List<? extends GraphQLError> errors) {
        return errors.isEmpty() || errors.get(0).getLocations() == null || errors.get(0).getLocations().isEmpty() ? null
                : place(errors.get(0).getLocations().get(0));
    }

    private static String place(SourceLocation location) {
        return location == null ? null : "line " + location.getLine() + ", column " + location.getColumn();
    }

    private static String message(List<? extends GraphQLError> errors) {
        String first = errors.get(0).getMessage();
        return errors.size() == 1 ? first : first + " (and " + (errors.size() - 1) + " more)";
    }
}
