package io.loadsmith.tool.gatling;

import io.loadsmith.result.FailureKind;
import io.loadsmith.result.LatencyDefinition;
import io.loadsmith.result.ResultBuilder;
import io.loadsmith.result.ResultParseException;
import io.loadsmith.result.ResultParser;
import io.loadsmith.result.RunResult;
import io.loadsmith.tool.LoadTool;
import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Gatling's binary {@code simulation.log}, written from 3.13 on (its {@code LogFileDataWriter}):
 * big-endian records, each a type byte then its fields. The run record (0) comes first: Gatling's
 * version, the simulation class, the start (epoch ms), the description, the scenarios and the
 * assertions. Then requests (1): their group path, name, start and end as milliseconds after the
 * run's start, OK or not, and a message; users (2), groups (3) and errors (4), which hold no
 * requests. A string is its length, its bytes and the coder of Java's compact strings (Latin-1, or
 * UTF-16 in the machine's order, little-endian on every platform Gatling runs on); the empty
 * string is a length of 0 alone. Names and messages are cached: a positive index brings a new
 * string, a negative one repeats the string of that index.
 *
 * <p>The response time is end minus start, whole milliseconds, from the moment Gatling tries to
 * send the request (DNS resolution and connecting included when they happen) to the complete
 * response. Requests are named by their name alone, whatever group they ran in.
 */
final class GatlingBinaryLogParser implements ResultParser {
    private static final int RUN = 0;
    private static final int REQUEST = 1;
    private static final int USER = 2;
    private static final int GROUP = 3;
    private static final int ERROR = 4;

    private final LoadTool tool;

    GatlingBinaryLogParser(LoadTool tool) {
        this.tool = tool;
    }

    @Override
    public LoadTool tool() {
        return tool;
    }

    @Override
    public int order() {
        return 45;
    }

    @Override
    public String format() {
        return "gatling-log-binary";
    }

    /** The run record first: type 0, then the version's length (a small int) and its first digit. */
    @Override
    public boolean accepts(Path file, String head) {
        return head.length() > 6 && head.startsWith("\0\0\0\0") && head.charAt(4) > 0 && head.charAt(4) < 64
                && Character.isDigit(head.charAt(5));
    }

    @Override
    public RunResult parse(Path file, Set<Double> extraPercentiles) {
        ResultBuilder builder = new ResultBuilder(tool, format(), LatencyDefinition.CONNECT_TO_LAST_BYTE, 1);
        Reader reader;
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file), 1 << 16))) {
            reader = new Reader(file, in);
            long start = reader.run(builder);
            reader.records(start, builder);
        } catch (IOException e) {
            throw new ResultParseException(file, null, "cannot read it: " + e.getMessage(), e);
        }
        return builder.build(extraPercentiles);
    }

    private static final class Reader {
        private final Path file;
        private final DataInputStream in;
        private final List<String> strings = new ArrayList<>();
        /** The failure kind of each cached message, by its index. */
        private final List<FailureKind> kinds = new ArrayList<>();
        private long record;

        Reader(Path file, DataInputStream in) {
            this.file = file;
            this.in = in;
            strings.add(null);
            kinds.add(null);
        }

        /** The run record; returns the run's start (epoch ms). */
        long run(ResultBuilder builder) throws IOException {
            try {
                if (in.read() != RUN) {
                    throw new ResultParseException(file, "byte 0", "not a Gatling simulation.log: it does not start with a run record");
                }
                String version = string();
                builder.toolVersion(version);
                string(); // the simulation class
                long start = in.readLong();
                string(); // the run's description
                int scenarios = count();
                for (int i = 0; i < scenarios; i++) {
                    string();
                }
                int assertions = count();
                for (int i = 0; i < assertions; i++) {
                    in.skipNBytes(count());
                }
                return start;
            } catch (EOFException e) {
                throw new ResultParseException(file, null, "cut short in its first record: not a whole Gatling simulation.log");
            }
        }

        void records(long start, ResultBuilder builder) throws IOException {
            while (true) {
                int type = in.read();
                if (type < 0) {
                    return;
                }
                record++;
                try {
                    switch (type) {
                        case REQUEST -> {
                            skipGroups();
                            int name = cachedString();
                            long begin = in.readInt();
                            long end = in.readInt();
                            boolean ok = in.readBoolean();
                            int message = cachedString();
                            FailureKind failure = ok ? null : kind(message);
                            builder.record(builder.operation(strings.get(name)), start + begin, Math.max(0, end - begin), failure,
                                    -1, -1);
                        }
                        case USER -> in.skipNBytes(4 + 1 + 4);
                        case GROUP -> {
                            skipGroups();
                            in.skipNBytes(4 + 4 + 4 + 1);
                        }
                        case ERROR -> {
                            cachedString();
                            in.skipNBytes(4);
                        }
                        default -> throw new ResultParseException(file, "record " + record, "unknown record type " + type
                                + ": not a Gatling 3.13+ simulation.log, or a damaged one");
                    }
                } catch (EOFException e) {
                    builder.warn("the last record is cut short (was the run stopped?); it is left out");
                    return;
                }
            }
        }

        private FailureKind kind(int message) {
            FailureKind kind = kinds.get(message);
            if (kind == null) {
                kind = GatlingFailures.kind(strings.get(message));
                kinds.set(message, kind);
            }
            return kind;
        }

        private void skipGroups() throws IOException {
            int groups = count();
            for (int i = 0; i < groups; i++) {
                cachedString();
            }
        }

        /** The index of a cached string, read in when it is new. */
        private int cachedString() throws IOException {
            int index = in.readInt();
            if (index >= 0) {
                String value = string();
                if (index != strings.size()) {
                    throw new ResultParseException(file, "record " + record, "string number " + index + " out of order (expected "
                            + strings.size() + ")");
                }
                strings.add(value);
                kinds.add(null);
                return index;
            }
            if (-index >= strings.size()) {
                throw new ResultParseException(file, "record " + record, "refers to string number " + -index
                        + ", which was never written");
            }
            return -index;
        }

        private String string() throws IOException {
            int length = count();
            if (length == 0) {
                return "";
            }
            byte[] bytes = in.readNBytes(length);
            if (bytes.length < length) {
                throw new EOFException();
            }
            byte coder = in.readByte();
            return new String(bytes, coder == 0 ? StandardCharsets.ISO_8859_1 : StandardCharsets.UTF_16LE);
        }

        /** A length or a count, which cannot be negative. */
        private int count() throws IOException {
            int value = in.readInt();
            if (value < 0) {
                throw new ResultParseException(file, "record " + record, "a negative length (" + value + ")");
            }
            return value;
        }
    }
}
