package io.loadsmith.importer.har;

import io.loadsmith.importer.HarOptions;
import io.loadsmith.importer.ImportException;
import io.loadsmith.importer.ImportOptions;
import io.loadsmith.importer.ImportResult;
import io.loadsmith.importer.Importer;
import io.loadsmith.importer.openapi.OpenApiImporter;
import io.loadsmith.model.Body;
import io.loadsmith.model.Check;
import io.loadsmith.model.Diagnostic;
import io.loadsmith.model.Group;
import io.loadsmith.model.HttpMethod;
import io.loadsmith.model.HttpRequest;
import io.loadsmith.model.Json;
import io.loadsmith.model.Param;
import io.loadsmith.model.Scenario;
import io.loadsmith.model.Step;
import io.loadsmith.model.TestPlan;
import io.loadsmith.model.ThinkTime;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A HAR recording as a plan: one scenario that replays the recorded journey in order (by start
 * time), grouped by page where the HAR has pages, with the recording's pauses as think time.
 *
 * <p>What cannot or should not be replayed is left out and counted in the report: CONNECT tunnels,
 * cancelled and failed entries, non-HTTP URLs, WebSocket upgrades, static assets (unless kept),
 * other hosts, and the second request of a redirect (the tool follows redirects itself).
 */
public final class HarImporter implements Importer {
    private static final Pattern HAR_HEAD = Pattern.compile("^\\s*\\{\\s*\"log\"\\s*:", Pattern.DOTALL);
    /** Shorter gaps between requests are the client's own pace (or parallel requests), not a user's pause. */
    private static final Duration MIN_PAUSE = Duration.ofMillis(200);
    private static final Set<String> STATIC_EXTENSIONS = Set.of("png", "jpg", "jpeg", "gif", "svg", "ico", "webp", "avif",
            "bmp", "tif", "tiff", "css", "js", "mjs", "map", "woff", "woff2", "ttf", "otf", "eot", "mp4", "webm", "mp3", "wav",
            "ogg", "m4a", "m4v", "mov", "flac");
    private static final Set<String> STATIC_RESOURCE_TYPES = Set.of("image", "stylesheet", "script", "font", "media");

    @Override
    public boolean accepts(String head) {
        String text = head.startsWith("\uFEFF") ? head.substring(1) : head;
        return HAR_HEAD.matcher(text).find() || text.contains("\"entries\"") && text.contains("\"log\"")
                && !text.contains("\"openapi\"") && !text.contains("\"swagger\"");
    }

    @Override
    public ImportResult importFile(Path input, ImportOptions options) {
        HarOptions har = options.har();
        List<Diagnostic> diagnostics = new ArrayList<>();
        HarReader.Recording recording = new HarReader(input, diagnostics).read();
        Report report = new Report(input, recording);

        List<HarEntry> entries = new ArrayList<>(recording.entries());
        // Recorded order is start order; when an entry has no start time, the file's order is kept.
        if (entries.stream().allMatch(e -> e.started() != null)) {
            entries.sort(Comparator.comparing(HarEntry::started).thenComparingInt(HarEntry::index));
        }
        Correlator correlator = new Correlator(har.correlate(), Set.of("BASE_URL"));
        entries.forEach(correlator::noteSensitive);
        report.redactWith(correlator::redact);

        // What can be replayed at all.
        List<HarEntry> replayable = new ArrayList<>();
        Map<String, Requests.Url> urls = new LinkedHashMap<>();
        for (HarEntry entry : entries) {
            boolean socket = isWebSocket(entry);
            if (socket && entry.webSocketMessages().stream().noneMatch(HarEntry.WebSocketMessage::text)) {
                report.leftOut("WebSocket connections without recorded text messages", entry);
                continue;
            }
            String reason = socket ? null : unreplayable(entry);
            if (reason != null) {
                report.leftOut(reason, entry);
                continue;
            }
            Requests.Url url = Requests.url(socket ? entry.url().strip().replaceFirst("(?i)^ws", "http") : entry.url());
            if (socket && url == null) {
                report.leftOut("WebSocket connections to URLs that are not ws:, wss:, http: or https:", entry);
                continue;
            }
            if (!socket && !har.keepStatic() && isStatic(entry, url)) {
                report.leftOut("static assets (images, fonts, style sheets, scripts, media; --keep-static keeps them)", entry);
                continue;
            }
            urls.put(entry.pointer(), url);
            replayable.add(entry);
        }
        // Which hosts: the included ones (default: the first request's), less the excluded ones.
        List<HarEntry> kept = new ArrayList<>();
        String mainHost = null;
        for (HarEntry entry : replayable) {
            String host = urls.get(entry.pointer()).host();
            boolean included = har.includeHosts().isEmpty() ? mainHost == null || host.equals(mainHost)
                    : har.includeHosts().stream().anyMatch(p -> hostMatches(p, host));
            if (!included || har.excludeHosts().stream().anyMatch(p -> hostMatches(p, host))) {
                report.leftOut("requests to other hosts (--include-host keeps them)", entry);
                continue;
            }
            if (mainHost == null) {
                mainHost = host;
            } else if (!host.equals(mainHost)) {
                report.leftOut("requests to further included hosts (a plan has one base URL: import each host on its own)", entry);
                continue;
            }
            kept.add(entry);
        }
        if (kept.isEmpty()) {
            throw new ImportException(input, null, "nothing to replay: " + report.leftOutSummary()
                    + (har.includeHosts().isEmpty() ? "" : "; check --include-host"));
        }
        Requests.Url main = urls.get(kept.get(0).pointer());
        String baseUrl = options.baseUrl() != null ? options.baseUrl().replaceAll("/+$", "") : main.origin();

        // WebSocket connections become sessions where they started among the requests.
        List<HarEntry> sockets = kept.stream().filter(HarImporter::isWebSocket).toList();
        kept.removeAll(sockets);
        if (kept.isEmpty()) {
            throw new ImportException(input, null, "nothing to replay but WebSocket connections: a plan needs an HTTP request too");
        }

        // Drafts; a redirect's follow-up request is the tool's to make.
        Requests requests = new Requests(diagnostics);
        List<Draft> drafts = new ArrayList<>();
        for (int i = 0; i < kept.size(); i++) {
            HarEntry entry = kept.get(i);
            Draft draft = requests.draft(entry, urls.get(entry.pointer()));
            drafts.add(draft);
            HarEntry last = entry;
            while (isRedirect(last.status()) && i + 1 < kept.size() && isFollowUp(last, kept.get(i + 1))) {
                last = kept.remove(i + 1);
                report.leftOut("redirect follow-ups (the tool follows the redirect itself)", last);
            }
            draft.redirectedTo = last == entry ? null : last;
        }
        for (int i = 0; i < drafts.size(); i++) {
            correlator.process(i, drafts.get(i));
        }
        Map<String, Integer> position = new HashMap<>();
        for (int i = 0; i < entries.size(); i++) {
            position.put(entries.get(i).pointer(), i);
        }
        List<SocketDraft> socketDrafts = new ArrayList<>();
        List<Draft> swept = new ArrayList<>(drafts);
        for (HarEntry entry : sockets) {
            int at = position.get(entry.pointer());
            int step = (int) drafts.stream().filter(d -> position.get(d.entry.pointer()) < at).count();
            SocketDraft socket = new SocketDraft(entry, urls.get(entry.pointer()), step, requests.draft(entry, urls.get(entry.pointer())));
            socket.drafts().forEach(carrier -> correlator.processMessage(step, carrier));
            swept.addAll(socket.drafts());
            socketDrafts.add(socket);
            if (socket.binary > 0) {
                diagnostics.add(Diagnostic.warning(socket.name(), socket.binary + " binary WebSocket message(s) left out: "
                        + "sessions send and expect text messages"));
            }
        }
        correlator.sweep(swept);
        // Every operation of the spec names what the recording did: its deletes too, which a plan
        // from the spec alone leaves out when it did not create what they delete.
        SpecMatcher spec = har.spec() == null ? null : new SpecMatcher(new OpenApiImporter().importFile(har.spec(),
                options.withSafety(io.loadsmith.importer.Safety.INCLUDE_UNSAFE)).plan(), diagnostics);
        for (Draft draft : drafts) {
            draft.checks.add(statusCheck(draft));
            if (spec != null) {
                spec.match(draft);
            }
            graphQl(draft);
            if (draft.name == null) {
                draft.name = draft.method + " " + draft.path(new ArrayList<>());
            }
        }

        Map<Integer, List<Step>> sessions = new HashMap<>();
        for (SocketDraft socket : socketDrafts) {
            sessions.computeIfAbsent(socket.step, k -> new ArrayList<>()).add(socket.session(har));
        }
        List<Step> steps = steps(drafts, sessions, recording, har);
        TestPlan.Builder plan = TestPlan.builder(planName(input), baseUrl)
                .variables(correlator.variables())
                .scenario(new Scenario("recorded journey", 1, steps));
        TestPlan built;
        try {
            built = plan.build();
        } catch (IllegalArgumentException e) {
            throw new ImportException(input, null, "the recording does not make a valid plan: " + e.getMessage(), e);
        }
        report.correlations(correlator.correlations(), correlator.jarCookies(), har.correlate());
        report.secrets(correlator.scrubbed());
        if (spec != null) {
            report.spec(har.spec(), spec);
        }
        diagnostics.addAll(report.diagnostics());
        return new ImportResult(built, diagnostics, report.text(drafts.size(), baseUrl));
    }

    /**
     * A recorded GraphQL call (a POST of a JSON object with a {@code query} document) is named by
     * its operation, the body's {@code operationName} or the document's, else the first field it
     * selects, and checked for a response without {@code errors}, as a plan's {@code graphql:} step.
     */
    private static void graphQl(Draft draft) {
        if (draft.method != HttpMethod.POST || !(draft.body instanceof Body.JsonBody json) || !(json.value() instanceof Json.JsonObject body)) {
            return;
        }
        Json query = member(body, "query");
        if (!(query instanceof Json.JsonString document) || !document.value().isLiteral()
                || !GRAPHQL_DOCUMENT.matcher(document.value().literalValue()).find()) {
            return;
        }
        String name = null;
        if (member(body, "operationName") instanceof Json.JsonString operation && operation.value().isLiteral()
                && !operation.value().literalValue().isBlank()) {
            name = operation.value().literalValue();
        } else {
            Matcher named = GRAPHQL_NAMED.matcher(document.value().literalValue());
            Matcher field = GRAPHQL_FIRST_FIELD.matcher(document.value().literalValue());
            name = named.find() ? named.group(1) : field.find() ? field.group(1) : null;
        }
        if (name != null) {
            // Its operation, even where a spec names the endpoint: every GraphQL call shares that one.
            draft.name = name;
        }
        if (!draft.checks.contains(new Check.NoGraphQlErrors())) {
            draft.checks.add(new Check.NoGraphQlErrors());
        }
    }

    private static Json member(Json.JsonObject object, String key) {
        return object.members().stream().filter(m -> m.key().equals(key)).map(Json.Member::value).findFirst().orElse(null);
    }

    /** A document that starts with an operation or a selection set (comments aside). */
    private static final Pattern GRAPHQL_DOCUMENT = Pattern.compile("^\\s*(#[^\\n]*\\n\\s*)*(query|mutation|subscription|\\{)");
    private static final Pattern GRAPHQL_NAMED = Pattern.compile("\\b(?:query|mutation|subscription)\\s+([_A-Za-z][_0-9A-Za-z]*)");
    private static final Pattern GRAPHQL_FIRST_FIELD = Pattern.compile("\\{\\s*(?:[_A-Za-z][_0-9A-Za-z]*\\s*:\\s*)?([_A-Za-z][_0-9A-Za-z]*)");

    private static String unreplayable(HarEntry entry) {
        String url = entry.url().toLowerCase(Locale.ROOT);
        if (entry.method().equalsIgnoreCase("CONNECT")) {
            return "CONNECT tunnels";
        }
        if (Requests.url(entry.url()) == null) {
            return "URLs that are not http or https (data:, blob:, chrome-extension: and the like)";
        }
        if (entry.status() <= 0 && entry.status() != HarEntry.NOT_RECORDED) {
            return "cancelled, blocked or failed entries (no response status)";
        }
        try {
            HttpMethod.valueOf(entry.method().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return "methods a plan cannot send (" + entry.method().replaceAll("[^A-Za-z-]", "?") + ")";
        }
        return null;
    }

    private static boolean isStatic(HarEntry entry, Requests.Url url) {
        if (entry.resourceType() != null && STATIC_RESOURCE_TYPES.contains(entry.resourceType().toLowerCase(Locale.ROOT))) {
            return true;
        }
        String media = entry.responseMediaType();
        if (media.startsWith("image/") || media.startsWith("font/") || media.startsWith("audio/") || media.startsWith("video/")
                || media.equals("text/css") || media.contains("javascript") || media.contains("ecmascript")
                || media.startsWith("application/font") || media.startsWith("application/x-font")
                || media.equals("application/vnd.ms-fontobject")) {
            return true;
        }
        String path = url.path();
        int dot = path.lastIndexOf('.');
        return dot > path.lastIndexOf('/') && STATIC_EXTENSIONS.contains(path.substring(dot + 1).toLowerCase(Locale.ROOT));
    }

    /** {@code *.example.com} matches sub.example.com; a pattern without a port matches any port. */
    static boolean hostMatches(String pattern, String host) {
        String p = pattern.strip().toLowerCase(Locale.ROOT);
        String h = p.contains(":") ? host : host.replaceFirst(":\\d+$", "");
        String regex = ("\\Q" + p + "\\E").replace("*", "\\E.*\\Q");
        return h.matches(regex);
    }

    private static boolean isRedirect(int status) {
        return status == 301 || status == 302 || status == 303 || status == 307 || status == 308;
    }

    private static boolean isFollowUp(HarEntry redirect, HarEntry next) {
        String location = redirect.redirectUrl() != null && !redirect.redirectUrl().isBlank() ? redirect.redirectUrl()
                : redirect.responseHeader("location");
        if (location == null || location.isBlank()) {
            return false;
        }
        try {
            java.net.URI target = java.net.URI.create(redirect.url().strip()).resolve(location.strip());
            return strip(target.toString()).equals(strip(next.url())) && !next.method().equalsIgnoreCase("CONNECT");
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static String strip(String url) {
        return url.strip().replaceFirst("#.*$", "");
    }

    /**
     * The status the replay should see: the one recorded; for a redirect the tool follows, the
     * status its target answered (any 2xx or 3xx when not recorded); for a 304 (the browser's cache
     * revalidation, whose validators are not replayed) 200 to 399.
     */
    private static Check statusCheck(Draft draft) {
        int status = draft.entry.status();
        if (draft.redirectedTo != null) {
            status = draft.redirectedTo.status();
            if (isRedirect(status) || status <= 0) {
                return new Check.StatusCheck(200, 399);
            }
        } else if (isRedirect(status)) {
            return new Check.StatusCheck(200, 399);
        }
        if (status == 304) {
            return new Check.StatusCheck(200, 399);
        }
        return status >= 100 && status <= 599 ? Check.StatusCheck.is(status) : new Check.StatusCheck(200, 399);
    }

    /** Steps in order: pages as groups, pauses where the recording paused. */
    /**
     * The scenario's steps: the requests in order, grouped by page, with the recording's pauses;
     * {@code sessions} holds the WebSocket sessions that come before request N (N = the number of
     * requests, for those after the last). After a session, the next request follows without a
     * pause: the session's own pauses hold the user's time.
     */
    private static List<Step> steps(List<Draft> drafts, Map<Integer, List<Step>> sessions, HarReader.Recording recording,
            HarOptions options) {
        List<Step> steps = new ArrayList<>();
        List<Step> group = null;
        String groupPage = null;
        Map<String, Integer> groupNames = new LinkedHashMap<>();
        HarEntry previous = null;
        for (int i = 0; i < drafts.size(); i++) {
            Draft draft = drafts.get(i);
            HttpRequest request = request(draft);
            ThinkTime pause = previous == null ? null : pause(previous, draft.entry, options);
            if (sessions.containsKey(i)) {
                (group != null ? group : steps).addAll(sessions.get(i));
                pause = null;
            }
            String page = draft.entry.pageRef() != null && recording.pages().containsKey(draft.entry.pageRef())
                    ? draft.entry.pageRef() : null;
            if (!java.util.Objects.equals(page, groupPage)) {
                if (group != null) {
                    steps.add(new Group(groupName(recording.pages().get(groupPage), groupNames), group));
                }
                if (pause != null) {
                    steps.add(pause);
                    pause = null;
                }
                group = page == null ? null : new ArrayList<>();
                groupPage = page;
            }
            List<Step> into = group != null ? group : steps;
            if (pause != null) {
                into.add(pause);
            }
            into.add(request);
            previous = draft.redirectedTo != null ? draft.redirectedTo : draft.entry;
        }
        if (group != null) {
            steps.add(new Group(groupName(recording.pages().get(groupPage), groupNames), group));
        }
        steps.addAll(sessions.getOrDefault(drafts.size(), List.of()));
        return steps;
    }

    private static boolean isWebSocket(HarEntry entry) {
        String url = entry.url().strip().toLowerCase(Locale.ROOT);
        return entry.webSocket() || entry.status() == 101 || url.startsWith("ws:") || url.startsWith("wss:")
                || "websocket".equalsIgnoreCase(entry.requestHeader("upgrade"));
    }

    private static String groupName(String title, Map<String, Integer> used) {
        String name = title.replaceAll("[\\p{Cntrl}]+", " ").strip();
        if (name.length() > 80) {
            name = name.substring(0, 77) + "...";
        }
        int n = used.merge(name, 1, Integer::sum);
        return n == 1 ? name : name + " (" + n + ")";
    }

    private static ThinkTime pause(HarEntry previous, HarEntry next, HarOptions options) {
        if (previous.started() == null || next.started() == null) {
            return null;
        }
        Duration gap = Duration.between(previous.started().plusNanos((long) (previous.timeMs() * 1_000_000)), next.started());
        if (gap.compareTo(MIN_PAUSE) < 0) {
            return null;
        }
        Duration pause;
        if (options.fixedPause() != null) {
            pause = options.fixedPause();
        } else {
            double factor = options.pauseFactor();
            pause = Duration.ofMillis(Math.round(gap.toMillis() * factor / 10.0) * 10);
        }
        return pause.isZero() || pause.isNegative() ? null : ThinkTime.fixed(pause);
    }

    private static HttpRequest request(Draft draft) {
        List<Param> pathParams = new ArrayList<>();
        String path = draft.path(pathParams);
        HttpRequest.Builder builder = HttpRequest.builder(draft.method, path)
                .name(draft.name)
                .body(draft.body)
                .authenticated(false);
        pathParams.forEach(p -> builder.pathParam(p.name(), p.value()));
        draft.query.forEach(p -> builder.query(p.name(), p.value()));
        draft.headers.forEach(p -> builder.header(p.name(), p.value()));
        draft.cookies.forEach(p -> builder.cookie(p.name(), p.value()));
        draft.checks.forEach(builder::check);
        draft.extractions.forEach(builder::extract);
        return builder.build();
    }

    private static String planName(Path input) {
        String file = input.getFileName().toString();
        return file.replaceFirst("(?i)\\.har$", "").replaceFirst("\\.json$", "");
    }
}
