package io.loadsmith.result;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/** Small CSV files with a header row (Locust's, k6's), read row by row as maps of column to value. */
public final class CsvRows {
    private static final CsvMapper CSV = new CsvMapper();

    private CsvRows() {}

    /** Each row in turn; quoted fields may hold line breaks. A row cut short at the end is reported, not read. */
    public static void forEach(Path file, Consumer<Map<String, String>> row, Consumer<String> warn) {
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            MappingIterator<List<String>> rows = CSV.readerForListOf(String.class).with(CsvParser.Feature.WRAP_AS_ARRAY)
                    .with(CsvSchema.emptySchema()).readValues(reader);
            List<String> header = null;
            long line = 0;
            while (true) {
                List<String> values;
                try {
                    if (!rows.hasNextValue()) {
                        break;
                    }
                    values = rows.nextValue();
                } catch (IOException | RuntimeException e) {
                    warn.accept("the file is cut short or broken after row " + line + " (" + e.getMessage().lines().findFirst()
                            .orElse("") + "): the rows before it are counted");
                    break;
                }
                line++;
                if (header == null) {
                    header = new ArrayList<>();
                    for (String name : values) {
                        header.add(name.strip().replace("\uFEFF", ""));
                    }
                    continue;
                }
                if (values.size() == 1 && values.get(0).isEmpty()) {
                    continue;
                }
                Map<String, String> map = new LinkedHashMap<>();
                Iterator<String> value = values.iterator();
                for (String name : header) {
                    map.put(name, value.hasNext() ? value.next() : null);
                }
                row.accept(map);
            }
            if (header == null) {
                throw new ResultParseException(file, null, "the file is empty");
            }
        } catch (IOException e) {
            throw new ResultParseException(file, null, "cannot read it: " + e.getMessage(), e);
        }
    }

    /** The first value among these column names (tools renamed columns between versions). */
    public static String get(Map<String, String> row, String... names) {
        for (String name : names) {
            String value = row.get(name);
            if (value != null) {
                return value;
            }
        }
        return null;
    }

    /** A number, or null when empty, "N/A" or not a number. */
    public static Double number(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            double number = Double.parseDouble(value.strip());
            return Double.isFinite(number) ? number : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
