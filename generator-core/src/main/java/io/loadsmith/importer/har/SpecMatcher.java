package io.loadsmith.importer.har;

import io.loadsmith.model.Check;
import io.loadsmith.model.Diagnostic;
import io.loadsmith.model.HttpRequest;
import io.loadsmith.model.TestPlan;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Recorded requests matched to a spec's operations by method and path template, so that a step
 * takes the operation's name (and is reported under it) and its checks besides the recorded status.
 */
final class SpecMatcher {
    private record Operation(HttpRequest request, Pattern path, int literalLength) {}

    private final List<Operation> operations = new ArrayList<>();
    private final List<Diagnostic> diagnostics;
    private final Map<String, Integer> hits = new LinkedHashMap<>();
    private int unmatched;

    SpecMatcher(TestPlan spec, List<Diagnostic> diagnostics) {
        this.diagnostics = diagnostics;
        String prefix = URI.create(spec.baseUrl()).getRawPath();
        prefix = prefix == null ? "" : prefix.replaceAll("/+$", "");
        for (HttpRequest request : spec.requests()) {
            StringBuilder regex = new StringBuilder("^(?:").append(Pattern.quote(prefix)).append(")?");
            int literal = 0;
            for (HttpRequest.PathPiece piece : request.pathPieces()) {
                if (piece.isParameter()) {
                    regex.append("[^/]+");
                } else {
                    regex.append(Pattern.quote(piece.literal()));
                    literal += piece.literal().length();
                }
            }
            operations.add(new Operation(request, Pattern.compile(regex.append("/?$").toString()), literal));
        }
    }

    /** Names the draft after its operation; the most literal template wins (/books/new over /books/{id}). */
    void match(Draft draft) {
        StringBuilder recorded = new StringBuilder();
        draft.segments.forEach(s -> recorded.append('/').append(s.raw()));
        Operation best = null;
        for (Operation operation : operations) {
            if (operation.request().method() == draft.method && operation.path().matcher(recorded).matches()
                    && (best == null || operation.literalLength() > best.literalLength())) {
                best = operation;
            }
        }
        if (best == null) {
            unmatched++;
            return;
        }
        HttpRequest request = best.request();
        draft.name = request.name();
        hits.merge(request.name(), 1, Integer::sum);
        int status = draft.entry.status();
        for (Check check : request.checks()) {
            if (check instanceof Check.StatusCheck statusCheck) {
                if (status >= 100 && (status < statusCheck.from() || status > statusCheck.to())) {
                    diagnostics.add(Diagnostic.warning(request.name(), "the recording got status " + status
                            + ", which the spec does not list (" + statusCheck.describe() + "); the recorded status is checked"));
                }
            } else if (!draft.checks.contains(check)) {
                draft.checks.add(check);
            }
        }
    }

    Map<String, Integer> hits() {
        return hits;
    }

    int unmatched() {
        return unmatched;
    }

    /** The operation names of the spec that the recording never called. */
    List<String> uncalled() {
        List<String> names = new ArrayList<>();
        for (Operation operation : operations) {
            if (!hits.containsKey(operation.request().name())) {
                names.add(operation.request().name());
            }
        }
        return names;
    }
}
