package io.loadsmith.tool.jmeter;

import io.loadsmith.tool.LoadTool;
import io.loadsmith.result.Bytes;
import io.loadsmith.result.FailureKind;
import io.loadsmith.result.LatencyDefinition;
import io.loadsmith.result.ResultBuilder;
import io.loadsmith.result.ResultParseException;
import io.loadsmith.result.ResultParser;
import io.loadsmith.result.RunResult;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * JMeter's CSV results (JTL): any set of saved columns, with or without a header row, with a
 * comma, tab, semicolon or pipe between fields, quoted fields with line breaks inside.
 *
 * <p>A single pass over the bytes, without making a String per field: the label is looked up by
 * its bytes, numbers are read digit by digit. Every row is one top-level sample, as in JMeter's
 * own report; a Transaction Controller's row (its message says "Number of samples in
 * transaction") sums up samples that have their own rows, so it is not counted again.
 */
public final class JtlCsvParser implements ResultParser {
    /** Every column JMeter can save, in the order it writes them (CSVSaveService). */
    private static final List<String> JMETER_ORDER = List.of("timeStamp", "elapsed", "label", "responseCode",
            "responseMessage", "threadName", "dataType", "success", "failureMessage", "bytes", "sentBytes", "grpThreads",
            "allThreads", "URL", "Filename", "Latency", "Encoding", "SampleCount", "ErrorCount", "Hostname", "IdleTime",
            "Connect");
    private static final byte[] TRANSACTION = "Number of samples in transaction".getBytes(StandardCharsets.US_ASCII);
    private static final int BUFFER = 1 << 22;
    /** Files from this size are read in two halves at once. */
    private static final long PARALLEL_FROM = 64L << 20;

    private final LoadTool tool;
    private final long parallelFrom;

    JtlCsvParser(LoadTool tool) {
        this(tool, PARALLEL_FROM);
    }

    /** For tests: files from {@code parallelFrom} bytes are read in two halves. */
    JtlCsvParser(LoadTool tool, long parallelFrom) {
        this.tool = tool;
        this.parallelFrom = parallelFrom;
    }
    private static final long QUOTES = Bytes.spread('"');
    private static final long NEWLINES = Bytes.spread('\n');

    @Override
    public LoadTool tool() {
        return tool;
    }

    @Override
    public int order() {
        return 90;
    }

    @Override
    public String format() {
        return "jmeter-jtl-csv";
    }

    @Override
    public boolean accepts(Path file, String head) {
        String first = firstLine(head);
        if (first.isEmpty() || first.startsWith("<") || first.startsWith("{")) {
            return false;
        }
        String lower = first.toLowerCase(Locale.ROOT);
        if (lower.contains("timestamp") && lower.contains("elapsed") || lower.contains("label") && lower.contains("success")) {
            return true;
        }
        // No header: a row with true/false among several delimited fields, as JMeter writes it.
        byte delimiter = delimiter(first.getBytes(StandardCharsets.UTF_8));
        String[] fields = first.split(java.util.regex.Pattern.quote(String.valueOf((char) delimiter)), -1);
        return fields.length >= 4 && Arrays.stream(fields).anyMatch(f -> f.equals("true") || f.equals("false"));
    }

    private static String firstLine(String head) {
        String text = head.startsWith("\uFEFF") ? head.substring(1) : head;
        int end = text.indexOf('\n');
        return (end < 0 ? text : text.substring(0, end)).replace("\r", "").trim();
    }

    @Override
    public RunResult parse(Path file, Set<Double> extraPercentiles) {
        ResultBuilder builder = new ResultBuilder(tool, format(), LatencyDefinition.CONNECT_TO_LAST_BYTE, 1);
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            long size = channel.size();
            byte[] header = size >= parallelFrom && Runtime.getRuntime().availableProcessors() > 1 ? header(channel) : null;
            long middle = splitPoint(channel, header);
            if (middle < 0) {
                Scan scan = new Scan(file, new Range(channel, 0, size), builder);
                scan.run();
                scan.report(builder, 0, 0);
            } else {
                // Two halves at once, split where a row starts; the second reads the header row first, as if it
                // were a file of its own, and what it found is added to the first's.
                ResultBuilder second = new ResultBuilder(tool, format(), LatencyDefinition.CONNECT_TO_LAST_BYTE, 1);
                Scan later = new Scan(file, new SequenceInputStream(new ByteArrayInputStream(header),
                        new Range(channel, middle, size)), second);
                Thread thread = new Thread(() -> {
                    try {
                        later.run();
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                }, "loadsmith-jtl-second-half");
                Throwable[] failure = new Throwable[1];
                thread.setUncaughtExceptionHandler((t, e) -> failure[0] = e);
                thread.start();
                Scan scan = new Scan(file, new Range(channel, 0, middle), builder);
                scan.run();
                thread.join();
                if (failure[0] instanceof RuntimeException e) {
                    throw e;
                } else if (failure[0] != null) {
                    throw new IllegalStateException(failure[0]);
                }
                builder.merge(second);
                scan.report(builder, later.transactions, later.skipped);
            }
        } catch (IOException | UncheckedIOException e) {
            throw new ResultParseException(file, null, "cannot read it: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ResultParseException(file, null, "interrupted", e);
        }
        return builder.build(extraPercentiles);
    }

    /** Where the file is split for two threads, or -1 when it is read in one pass. */
    long splitPoint(Path file) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            return channel.size() >= parallelFrom ? splitPoint(channel, header(channel)) : -1;
        }
    }

    private static long splitPoint(FileChannel channel, byte[] header) throws IOException {
        return header == null ? -1 : rowStartAfter(channel, channel.size() / 2, header);
    }

    /**
     * The header row, when it makes the file safe to split: it starts with timeStamp, so a line that
     * starts with 10 to 13 digits and the delimiter starts a row (not the inside of a quoted message).
     */
    private static byte[] header(FileChannel channel) throws IOException {
        ByteBuffer head = ByteBuffer.allocate(64 * 1024);
        channel.read(head, 0);
        byte[] bytes = Arrays.copyOf(head.array(), head.position());
        int end = Bytes.next(bytes, 0, bytes.length, '\n');
        if (end == bytes.length) {
            return null;
        }
        String first = new String(bytes, 0, end, StandardCharsets.UTF_8).replace("\uFEFF", "").toLowerCase(Locale.ROOT);
        return first.startsWith("timestamp") && first.contains("elapsed") ? Arrays.copyOf(bytes, end + 1) : null;
    }

    /**
     * The first row start at or after {@code from}, or -1: a line that starts with 10 to 13 digits
     * and the delimiter, and is followed by two more such lines, each with as many fields as the
     * header (minding quotes), so that a line inside a quoted message is not taken for one.
     */
    private static long rowStartAfter(FileChannel channel, long from, byte[] header) throws IOException {
        byte delimiter = delimiter(header);
        int columns = fieldCount(header, 0, header.length, delimiter);
        ByteBuffer window = ByteBuffer.allocate(1 << 20);
        channel.read(window, from);
        byte[] bytes = window.array();
        int limit = window.position();
        for (int at = Bytes.next(bytes, 0, limit, '\n'); at < limit; at = Bytes.next(bytes, at + 1, limit, '\n')) {
            int start = at + 1;
            boolean rows = true;
            for (int i = 0; i < 3 && rows; i++) {
                int end = rowEnd(bytes, start, limit);
                rows = end > 0 && startsWithTimestamp(bytes, start, end, delimiter)
                        && fieldCount(bytes, start, end, delimiter) == columns;
                start = end;
            }
            if (rows) {
                return from + at + 1;
            }
        }
        return -1;
    }

    private static boolean startsWithTimestamp(byte[] bytes, int from, int to, byte delimiter) {
        int digits = 0;
        while (from + digits < to && bytes[from + digits] >= '0' && bytes[from + digits] <= '9') {
            digits++;
        }
        return digits >= 10 && digits <= 13 && from + digits < to && bytes[from + digits] == delimiter;
    }

    /** The position after the line end that ends the row at {@code from} (quotes minded), or -1. */
    private static int rowEnd(byte[] bytes, int from, int limit) {
        boolean quoted = false;
        for (int i = from; i < limit; i++) {
            if (bytes[i] == '"') {
                quoted = !quoted;
            } else if (bytes[i] == '\n' && !quoted) {
                return i + 1;
            }
        }
        return -1;
    }

    private static int fieldCount(byte[] bytes, int from, int to, byte delimiter) {
        int fields = 1;
        boolean quoted = false;
        for (int i = from; i < to; i++) {
            if (bytes[i] == '"') {
                quoted = !quoted;
            } else if (bytes[i] == delimiter && !quoted) {
                fields++;
            }
        }
        return fields;
    }

    /** Part of a file, read with positional reads so that two threads can share the channel. */
    private static final class Range extends InputStream {
        private final FileChannel channel;
        private long position;
        private final long end;

        Range(FileChannel channel, long from, long to) {
            this.channel = channel;
            this.position = from;
            this.end = to;
        }

        @Override
        public int read(byte[] bytes, int offset, int length) throws IOException {
            if (position >= end) {
                return -1;
            }
            int n = channel.read(ByteBuffer.wrap(bytes, offset, (int) Math.min(length, end - position)), position);
            if (n > 0) {
                position += n;
            }
            return n;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
        }
    }

    /** The most frequent of comma, tab, semicolon and pipe outside quotes. */
    static byte delimiter(byte[] line) {
        int[] counts = new int[4];
        byte[] candidates = {',', '\t', ';', '|'};
        boolean quoted = false;
        for (byte b : line) {
            if (b == '"') {
                quoted = !quoted;
            } else if (!quoted) {
                for (int i = 0; i < candidates.length; i++) {
                    if (b == candidates[i]) {
                        counts[i]++;
                    }
                }
            }
        }
        int best = 0;
        for (int i = 1; i < counts.length; i++) {
            if (counts[i] > counts[best]) {
                best = i;
            }
        }
        return candidates[best];
    }

    /** One pass over one file. */
    private static final class Scan {
        private final Path file;
        private final InputStream in;
        private final ResultBuilder builder;
        private byte[] buf = new byte[BUFFER];
        private int limit;
        private boolean eof;
        private byte delimiter;
        // Field bounds of the current row; quoted fields with doubled quotes are marked.
        private int[] starts = new int[32];
        private int[] ends = new int[32];
        private boolean[] escaped = new boolean[32];
        private int fields;
        // Column positions, -1 when not saved.
        private int timeStamp = -1;
        private int elapsed = -1;
        private int label = -1;
        private int responseCode = -1;
        private int responseMessage = -1;
        private int success = -1;
        private int failureMessage = -1;
        private int bytes = -1;
        private int sentBytes = -1;
        private int needed;
        /** The first column after those read: the rest of a row is only scanned for its end. */
        private int skipFrom = Integer.MAX_VALUE;
        private DateTimeFormatter dateFormat;
        private final Labels labels = new Labels();
        private long transactions;
        private long skipped;

        Scan(Path file, InputStream in, ResultBuilder builder) {
            this.file = file;
            this.in = in;
            this.builder = builder;
        }

        void run() throws IOException {
            fill(0);
            int pos = 0;
            if (limit >= 3 && (buf[0] & 0xFF) == 0xEF && (buf[1] & 0xFF) == 0xBB && (buf[2] & 0xFF) == 0xBF) {
                pos = 3;
            }
            int firstEnd = pos;
            while (firstEnd < limit && buf[firstEnd] != '\n') {
                firstEnd++;
            }
            delimiter = delimiter(Arrays.copyOfRange(buf, pos, firstEnd));
            boolean header = true;
            int end = row(pos);
            if (end < 0) {
                if (fields == 0) {
                    throw new ResultParseException(file, null, "the file is empty");
                }
                end = limit;
            }
            List<String> first = new ArrayList<>();
            for (int i = 0; i < fields; i++) {
                first.add(text(i));
            }
            if (!columns(first)) {
                header = false;
                guessColumns(first);
            }
            if (label < 0 && elapsed < 0) {
                throw new ResultParseException(file, "line 1", "neither a label nor an elapsed column: not a JMeter results file");
            }
            if (!header) {
                handle();
            }
            pos = end;
            long delimiters = Bytes.spread(delimiter);
            while (true) {
                end = rowFast(pos, delimiters);
                if (end < 0) {
                    if (eof) {
                        if (pos < limit) {
                            lastRow(pos);
                        }
                        break;
                    }
                    // The row runs past the buffer: keep it and read on.
                    int keep = limit - pos;
                    if (keep == buf.length) {
                        buf = Arrays.copyOf(buf, buf.length * 2);
                    }
                    System.arraycopy(buf, pos, buf, 0, keep);
                    fill(keep);
                    pos = 0;
                    continue;
                }
                if (fields > 1 || ends[0] > starts[0]) {
                    handle();
                }
                pos = end;
            }
        }

        /** The warnings of this scan and, when the file was read in parts, of the others. */
        void report(ResultBuilder into, long otherTransactions, long otherSkipped) {
            long allTransactions = transactions + otherTransactions;
            long allSkipped = skipped + otherSkipped;
            if (allTransactions > 0) {
                into.warn(allTransactions + " Transaction Controller rows (groups) are left out of the request counts: "
                        + "each sums up samples that have rows of their own");
            }
            if (allSkipped > 0) {
                into.warn(allSkipped + " rows with too few fields were skipped");
            }
        }

        /** A last row without a line end: kept when it has every needed field, else reported. */
        private void lastRow(int pos) {
            int end = rowAtEof(pos);
            if (end >= 0 && fields > needed && ends[fields - 1] > starts[fields - 1]) {
                handle();
            } else {
                builder.warn("the file ends in the middle of a row (was the run stopped?); that row is left out");
            }
        }

        private void fill(int from) throws IOException {
            limit = from;
            while (limit < buf.length) {
                int n = in.read(buf, limit, buf.length - limit);
                if (n < 0) {
                    eof = true;
                    return;
                }
                limit += n;
            }
        }

        /**
         * The same split, eight bytes at a time: one word read finds every delimiter, line end and
         * quote in it. A row with a quote among the columns read, or near the buffer's end, is left
         * to {@link #row}.
         */
        private int rowFast(int rowStart, long delimiters) {
            byte[] b = buf;
            int lim = limit;
            int pos = rowStart;
            int fieldStart = rowStart;
            int count = 0;
            int skip = Math.min(skipFrom, starts.length);
            long quotes = QUOTES;
            long newlines = NEWLINES;
            while (pos + 8 <= lim) {
                long word = Bytes.word(b, pos);
                long hits = Bytes.zeroBytes(word ^ newlines) | Bytes.zeroBytes(word ^ quotes);
                if (count < skip) {
                    hits |= Bytes.zeroBytes(word ^ delimiters);
                }
                while (hits != 0) {
                    int at = pos + (Long.numberOfTrailingZeros(hits) >>> 3);
                    hits &= hits - 1;
                    byte c = b[at];
                    if (c == '"') {
                        return row(rowStart);
                    }
                    if (c == '\n') {
                        if (count < skip) {
                            int end = at > fieldStart && b[at - 1] == '\r' ? at - 1 : at;
                            starts[count] = fieldStart;
                            ends[count] = end;
                            escaped[count] = false;
                            count++;
                        }
                        fields = count;
                        return at + 1;
                    }
                    if (count < skip) {
                        starts[count] = fieldStart;
                        ends[count] = at;
                        escaped[count] = false;
                        count++;
                        fieldStart = at + 1;
                        if (count == skip) {
                            // Only line ends and quotes matter from here; drop the delimiters later in this word.
                            hits &= ~Bytes.zeroBytes(word ^ delimiters);
                        }
                    }
                }
                pos += 8;
            }
            return row(rowStart);
        }

        /**
         * Splits the row at {@code pos} into fields; returns the position after its line end, or -1
         * when the buffer ends first. Fields end at the delimiter or the line end; a field that starts
         * with a quote ends at the quote that closes it ("" inside is one quote) and may hold both.
         */
        private int row(int pos) {
            fields = 0;
            byte d = delimiter;
            byte[] b = buf;
            int lim = limit;
            while (true) {
                if (fields == starts.length) {
                    starts = Arrays.copyOf(starts, fields * 2);
                    ends = Arrays.copyOf(ends, fields * 2);
                    escaped = Arrays.copyOf(escaped, fields * 2);
                }
                if (fields == skipFrom) {
                    // Columns nobody reads: find the row's end, minding quotes (a message may hold line breaks).
                    boolean quoted = false;
                    while (true) {
                        int p = quoted ? Bytes.next(b, pos, lim, '"') : Bytes.next(b, pos, lim, '\n', '"');
                        if (p >= lim) {
                            return -1;
                        }
                        if (b[p] == '"') {
                            quoted = !quoted;
                            pos = p + 1;
                            continue;
                        }
                        return p + 1;
                    }
                }
                if (pos >= lim) {
                    return -1;
                }
                boolean quotedField = b[pos] == '"';
                if (quotedField) {
                    int start = ++pos;
                    boolean doubled = false;
                    while (true) {
                        int p = Bytes.next(b, pos, lim, '"');
                        if (p + 1 >= lim) {
                            return -1;
                        }
                        if (b[p + 1] == '"') {
                            doubled = true;
                            pos = p + 2;
                            continue;
                        }
                        starts[fields] = start;
                        ends[fields] = p;
                        escaped[fields] = doubled;
                        pos = p + 1;
                        break;
                    }
                    // Anything between the closing quote and the delimiter is not JMeter's; skip it.
                    pos = Bytes.next(b, pos, lim, d, '\n');
                } else {
                    int p = Bytes.next(b, pos, lim, d, '\n');
                    starts[fields] = pos;
                    ends[fields] = p;
                    escaped[fields] = false;
                    pos = p;
                }
                if (pos >= lim) {
                    return -1;
                }
                fields++;
                if (b[pos] == d) {
                    pos++;
                    continue;
                }
                int last = fields - 1;
                if (!quotedField && ends[last] > starts[last] && b[ends[last] - 1] == '\r') {
                    ends[last]--;
                }
                return pos + 1;
            }
        }

        /** The same split, for a last row that has no line end. */
        private int rowAtEof(int pos) {
            byte[] copy = Arrays.copyOf(buf, Math.max(buf.length, limit + 1));
            copy[limit] = '\n';
            byte[] saved = buf;
            int savedLimit = limit;
            buf = copy;
            limit = savedLimit + 1;
            int end = row(pos);
            if (end < 0) {
                buf = saved;
                limit = savedLimit;
            }
            return end;
        }

        private void handle() {
            if (fields <= needed) {
                skipped++;
                return;
            }
            if (responseMessage >= 0 && startsWith(responseMessage, TRANSACTION)) {
                transactions++;
                return;
            }
            if (pendingDateCheck) {
                checkDates();
            }
            long start = Long.MIN_VALUE;
            if (timeStamp >= 0) {
                start = dateFormat == null ? number(timeStamp) : date(timeStamp);
            }
            long latency = elapsed >= 0 ? number(elapsed) : -1;
            if (latency < -1) {
                latency = -1;
            }
            boolean ok = success < 0 || isTrue(success);
            FailureKind failure = ok ? null : failure();
            ResultBuilder.Recorder operation = label >= 0 ? labels.get(buf, starts[label], ends[label], escaped[label])
                    : labels.get(new byte[0], 0, 0, false);
            builder.record(operation, start == -2 ? Long.MIN_VALUE : start, latency, failure,
                    bytes >= 0 ? Math.max(-1, number(bytes)) : -1, sentBytes >= 0 ? Math.max(-1, number(sentBytes)) : -1);
        }

        private FailureKind failure() {
            if (failureMessage >= 0 && text(failureMessage).contains(JMeterViewBuilder.GRAPHQL_ERRORS_FAILURE)) {
                return FailureKind.GRAPHQL;
            }
            if (responseCode >= 0) {
                long code = number(responseCode);
                if (code >= 100 && code < 600) {
                    return FailureKind.ofStatus((int) code);
                }
                String text = text(responseCode) + (responseMessage >= 0 ? " " + text(responseMessage) : "");
                if (!text.isBlank()) {
                    return FailureKind.ofError(text);
                }
            }
            return failureMessage >= 0 && ends[failureMessage] > starts[failureMessage] ? FailureKind.CHECK : FailureKind.OTHER;
        }

        private boolean isTrue(int field) {
            int s = starts[field];
            return ends[field] - s == 4 && (buf[s] | 0x20) == 't' && (buf[s + 1] | 0x20) == 'r';
        }

        private boolean startsWith(int field, byte[] prefix) {
            int s = starts[field];
            if (ends[field] - s < prefix.length) {
                return false;
            }
            for (int i = 0; i < prefix.length; i++) {
                if (buf[s + i] != prefix[i]) {
                    return false;
                }
            }
            return true;
        }

        /** A whole number; -2 when the field is not one (empty, text, "null"). */
        private long number(int field) {
            int s = starts[field];
            int e = ends[field];
            if (s == e) {
                return -2;
            }
            boolean negative = buf[s] == '-';
            if (negative) {
                s++;
            }
            long value = 0;
            for (int i = s; i < e; i++) {
                int digit = buf[i] - '0';
                if (digit < 0 || digit > 9) {
                    return -2;
                }
                value = value * 10 + digit;
            }
            return negative ? -value : value;
        }

        private long date(int field) {
            try {
                return LocalDateTime.parse(text(field), dateFormat).atZone(ZoneId.systemDefault()).toInstant().toEpochMilli();
            } catch (DateTimeParseException e) {
                return -2;
            }
        }

        private String text(int field) {
            String value = new String(buf, starts[field], ends[field] - starts[field], StandardCharsets.UTF_8);
            return escaped[field] ? value.replace("\"\"", "\"") : value;
        }

        /** Column positions from a header row; false when the row is data. */
        private boolean columns(List<String> names) {
            int known = 0;
            for (int i = 0; i < names.size(); i++) {
                String name = names.get(i).trim();
                switch (name.toLowerCase(Locale.ROOT)) {
                    case "timestamp" -> timeStamp = i;
                    case "elapsed" -> elapsed = i;
                    case "label" -> label = i;
                    case "responsecode" -> responseCode = i;
                    case "responsemessage" -> responseMessage = i;
                    case "success" -> success = i;
                    case "failuremessage" -> failureMessage = i;
                    case "bytes" -> bytes = i;
                    case "sentbytes" -> sentBytes = i;
                    default -> known--;
                }
                known++;
            }
            if (known < 2) {
                timeStamp = elapsed = label = responseCode = responseMessage = success = failureMessage = bytes = sentBytes = -1;
                return false;
            }
            neededColumns();
            detectDateFormat();
            return true;
        }

        private void neededColumns() {
            needed = 0;
            for (int column : new int[] {timeStamp, elapsed, label, success}) {
                needed = Math.max(needed, column);
            }
            int last = needed;
            for (int column : new int[] {responseCode, responseMessage, failureMessage, bytes, sentBytes}) {
                last = Math.max(last, column);
            }
            skipFrom = last + 1;
            if (starts.length <= skipFrom) {
                starts = Arrays.copyOf(starts, skipFrom + 1);
                ends = Arrays.copyOf(ends, skipFrom + 1);
                escaped = Arrays.copyOf(escaped, skipFrom + 1);
            }
        }

        /**
         * Columns for a file without a header: JMeter writes the saved columns in a fixed order, so
         * each field takes the next column of that order whose values it fits.
         */
        private void guessColumns(List<String> values) {
            int column = 0;
            List<String> guessed = new ArrayList<>();
            for (int i = 0; i < values.size(); i++) {
                String value = values.get(i);
                while (column < JMETER_ORDER.size() && !fits(JMETER_ORDER.get(column), value)) {
                    column++;
                }
                if (column == JMETER_ORDER.size()) {
                    break;
                }
                String name = JMETER_ORDER.get(column++);
                guessed.add(name);
                switch (name) {
                    case "timeStamp" -> timeStamp = i;
                    case "elapsed" -> elapsed = i;
                    case "label" -> label = i;
                    case "responseCode" -> responseCode = i;
                    case "responseMessage" -> responseMessage = i;
                    case "success" -> success = i;
                    case "failureMessage" -> failureMessage = i;
                    case "bytes" -> bytes = i;
                    case "sentBytes" -> sentBytes = i;
                    default -> { }
                }
            }
            neededColumns();
            detectDateFormat();
            builder.warn("no header row: columns taken to be " + String.join(",", guessed) + " (JMeter's order)");
            if (elapsed < 0) {
                builder.warn("no elapsed column: latencies are unknown");
            }
        }

        private static boolean fits(String column, String value) {
            boolean number = value.matches("-?\\d+");
            return switch (column) {
                case "timeStamp" -> value.matches("\\d{10,13}") || value.matches("\\d{4}[-/.]\\d{2}[-/.]\\d{2}.*");
                case "elapsed", "bytes", "sentBytes", "grpThreads", "allThreads", "Latency", "IdleTime", "Connect",
                        "SampleCount", "ErrorCount" -> number;
                case "label", "threadName", "URL", "Filename", "Hostname", "Encoding" -> !value.isEmpty() || column.equals("URL");
                case "responseCode" -> number || value.isEmpty() || value.startsWith("Non HTTP");
                case "responseMessage" -> !number;
                case "dataType" -> value.equals("text") || value.equals("bin") || value.isEmpty();
                case "success" -> value.equals("true") || value.equals("false");
                case "failureMessage" -> !number;
                default -> true;
            };
        }

        /** Timestamps saved as dates (jmeter.save.saveservice.timestamp_format) rather than epoch milliseconds. */
        private void detectDateFormat() {
            if (timeStamp < 0) {
                return;
            }
            // The first data row decides; the header, if any, is still in the field bounds, so peek lazily.
            dateFormat = null;
            pendingDateCheck = true;
        }

        private boolean pendingDateCheck;

        private void checkDates() {
            pendingDateCheck = false;
            if (number(timeStamp) == -2 && ends[timeStamp] > starts[timeStamp]) {
                String value = text(timeStamp);
                for (DateTimeFormatter format : DATE_FORMATS) {
                    try {
                        LocalDateTime.parse(value, format);
                        dateFormat = format;
                        break;
                    } catch (DateTimeParseException e) {
                        // try the next one
                    }
                }
                if (dateFormat == null) {
                    builder.warn("timestamps such as '" + value + "' are in no known format: the time series is left out");
                    timeStamp = -1;
                }
            }
        }


        private static final List<DateTimeFormatter> DATE_FORMATS = List.of(
                DateTimeFormatter.ofPattern("yyyy/MM/dd HH:mm:ss.SSS"), DateTimeFormatter.ofPattern("yyyy/MM/dd HH:mm:ss"),
                DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS"), DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss,SSS"),
                DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss"), DateTimeFormatter.ISO_LOCAL_DATE_TIME,
                DateTimeFormatter.ofPattern("MM/dd/yyyy HH:mm:ss.SSS"), DateTimeFormatter.ofPattern("dd.MM.yyyy HH:mm:ss.SSS"));

        /** Bytes of labels to their recorders, without a String per row. */
        private final class Labels {
            private byte[][] keys = new byte[64][];
            private ResultBuilder.Recorder[] values = new ResultBuilder.Recorder[64];
            private int size;

            ResultBuilder.Recorder get(byte[] b, int from, int to, boolean doubledQuotes) {
                if (doubledQuotes) {
                    byte[] plain = new String(b, from, to - from, StandardCharsets.UTF_8).replace("\"\"", "\"")
                            .getBytes(StandardCharsets.UTF_8);
                    return get(plain, 0, plain.length, false);
                }
                int hash = 1;
                for (int i = from; i < to; i++) {
                    hash = 31 * hash + b[i];
                }
                int mask = keys.length - 1;
                int slot = (hash ^ (hash >>> 16)) & mask;
                while (keys[slot] != null) {
                    if (Arrays.equals(keys[slot], 0, keys[slot].length, b, from, to)) {
                        return values[slot];
                    }
                    slot = (slot + 1) & mask;
                }
                byte[] key = Arrays.copyOfRange(b, from, to);
                ResultBuilder.Recorder recorder = builder.operation(new String(key, StandardCharsets.UTF_8));
                keys[slot] = key;
                values[slot] = recorder;
                if (++size * 2 > keys.length) {
                    grow();
                }
                return recorder;
            }

            private void grow() {
                byte[][] oldKeys = keys;
                ResultBuilder.Recorder[] oldValues = values;
                keys = new byte[oldKeys.length * 2][];
                values = new ResultBuilder.Recorder[oldKeys.length * 2];
                int mask = keys.length - 1;
                for (int i = 0; i < oldKeys.length; i++) {
                    if (oldKeys[i] != null) {
                        int hash = 1;
                        for (byte x : oldKeys[i]) {
                            hash = 31 * hash + x;
                        }
                        int slot = (hash ^ (hash >>> 16)) & mask;
                        while (keys[slot] != null) {
                            slot = (slot + 1) & mask;
                        }
                        keys[slot] = oldKeys[i];
                        values[slot] = oldValues[i];
                    }
                }
            }
        }
    }
}
