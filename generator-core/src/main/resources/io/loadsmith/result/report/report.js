// Loadsmith's HTML report: builds the page from the JSON in #report-data. Every value from the
// result files reaches the page through textContent (or uPlot, which uses textContent too),
// never as markup.
(function () {
  "use strict";
  var data = JSON.parse(document.getElementById("report-data").textContent);
  var run = data.run;
  var baseline = data.baseline;
  var comparison = data.comparison;

  // result.json's time series as columns for the charts.
  [run, baseline].forEach(function (r) {
    if (!r) {
      return;
    }
    var series = { interval: r.timeSeries.intervalSeconds, t: [], requests: [], failures: [], mean: [], p50: [], p95: [], p99: [], max: [] };
    r.timeSeries.slices.forEach(function (s) {
      series.t.push(s.offsetSeconds);
      series.requests.push(s.requests);
      series.failures.push(s.failures);
      series.mean.push(s.meanLatencyMs);
      series.max.push(s.maxLatencyMs);
      series.p50.push(s.p50LatencyMs === undefined ? null : s.p50LatencyMs);
      series.p95.push(s.p95LatencyMs === undefined ? null : s.p95LatencyMs);
      series.p99.push(s.p99LatencyMs === undefined ? null : s.p99LatencyMs);
    });
    r.series = series;
  });

  function el(tag, text, className) {
    var node = document.createElement(tag);
    if (text !== undefined && text !== null) {
      node.textContent = String(text);
    }
    if (className) {
      node.className = className;
    }
    return node;
  }

  function number(value, digits) {
    if (value === null || value === undefined) {
      return "-";
    }
    if (Math.round(value) === value && Math.abs(value) < 1e15) {
      return String(value);
    }
    return value.toFixed(digits !== undefined ? digits : Math.abs(value) >= 100 ? 1 : 2);
  }

  function percent(fraction) {
    return (fraction * 100).toFixed(2) + "%";
  }

  // Header: verdict, tool, source.
  document.title = "Load test: " + (run.source || run.toolName);
  var verdict = document.getElementById("verdict");
  var regressed = comparison && !comparison.passed;
  if (run.thresholds.length === 0 && !comparison) {
    verdict.textContent = "No thresholds";
  } else if (!run.passed || regressed) {
    verdict.textContent = !run.passed ? "Failed: thresholds crossed" : "Failed: slower than the baseline";
    verdict.className = "verdict failed";
  } else {
    verdict.textContent = "Passed";
    verdict.className = "verdict passed";
  }
  document.getElementById("subtitle").textContent = run.toolName + (run.toolVersion ? " " + run.toolVersion : "")
    + (run.start ? ", " + run.start.replace("T", " ").replace(/\.\d+Z$|Z$/, " UTC") : "")
    + ", " + number(run.durationSeconds, 1) + " s" + (run.source ? ", " + run.source : "");

  // Thresholds.
  if (run.thresholds.length > 0) {
    document.getElementById("thresholds-section").hidden = false;
    var tbody = document.querySelector("#thresholds tbody");
    run.thresholds.forEach(function (t) {
      var tr = el("tr");
      tr.appendChild(el("td", t.passed ? "✓" : "✗", t.passed ? "ok" : "bad"));
      tr.appendChild(el("td", t.expression));
      tr.appendChild(el("td", t.scope));
      var expression = t.expression.toLowerCase();
      tr.appendChild(el("td", t.measured === null || t.measured === undefined ? "-" : expression.indexOf("error") >= 0
        ? percent(t.measured) : number(t.measured) + (expression.indexOf("/s") >= 0 ? "/s" : " ms"), "num"));
      tr.appendChild(el("td", t.note || ""));
      tbody.appendChild(tr);
    });
  }

  // The comparison's limits.
  if (comparison) {
    document.getElementById("comparison-section").hidden = false;
    var cv = document.getElementById("comparison-verdict");
    cv.textContent = comparison.passed ? "No regression beyond the limits" : "Regression beyond the limits";
    cv.className = "verdict " + (comparison.passed ? "passed" : "failed");
    var limits = document.querySelector("#limits tbody");
    comparison.limits.forEach(function (l) {
      var tr = el("tr");
      tr.appendChild(el("td", l.crossed ? "✗" : "✓", l.crossed ? "bad" : "ok"));
      tr.appendChild(el("td", l.expression));
      tr.appendChild(el("td", l.scope));
      tr.appendChild(el("td", figure(l.figure, l.baseline), "num"));
      tr.appendChild(el("td", figure(l.figure, l.current), "num"));
      var change = l.worsening === null ? "change unknown" : l.worsening === 0 ? "unchanged"
        : (l.worsening > 0 ? "worse by " : "better by ") + Math.abs(l.worsening).toFixed(1) + l.unit;
      tr.appendChild(el("td", change + (l.note ? "; " + l.note : "")));
      limits.appendChild(tr);
    });
    var only = [];
    if (comparison.onlyInBaseline.length) {
      only.push("Only in the baseline: " + comparison.onlyInBaseline.join(", "));
    }
    if (comparison.onlyInCurrent.length) {
      only.push("Only in this run: " + comparison.onlyInCurrent.join(", "));
    }
    document.getElementById("only").textContent = only.join(". ");
  }

  function figure(id, value) {
    if (value === null || value === undefined) {
      return "-";
    }
    return id === "error-rate" ? percent(value) : id === "throughput" ? number(value) + "/s" : number(value) + " ms";
  }

  // Summary figures.
  var figures = document.getElementById("figures");
  function addFigure(label, value, unit, before) {
    var box = el("div");
    box.appendChild(el("dt", label));
    var dd = el("dd", value);
    if (unit) {
      dd.appendChild(el("small", " " + unit));
    }
    if (before !== undefined) {
      dd.appendChild(el("small", " (baseline " + before + ")"));
    }
    box.appendChild(dd);
    figures.appendChild(box);
  }
  var total = run.total;
  var bt = baseline ? baseline.total : null;
  addFigure("requests", total.requests, "", bt ? bt.requests : undefined);
  addFigure("failures", total.failures, percent(total.errorRate), bt ? percent(bt.errorRate) : undefined);
  addFigure("throughput", number(total.throughputPerSecond), "/s", bt ? number(bt.throughputPerSecond) + "/s" : undefined);
  ["p50", "p90", "p95", "p99", "max", "mean"].forEach(function (key) {
    if (total.latencyMs) {
      addFigure(key + " latency", number(total.latencyMs[key]), "ms", bt && bt.latencyMs ? number(bt.latencyMs[key]) + " ms" : undefined);
    }
  });
  document.getElementById("latency-definition").textContent = "Latency is " + run.latencyDefinition + ": "
    + run.latencyDescription + "." + (total.percentiles === "tool" ? " Percentiles as the tool rounded them." : "")
    + (total.percentiles === "exact" ? " Percentiles exact, from every request (three significant digits)." : "");

  // Charts over time. Both runs share the x axis: seconds from each run's start.
  function width(node) {
    return Math.max(320, node.clientWidth || 560);
  }
  function aligned(runs, keys) {
    var xs = {};
    runs.forEach(function (r) {
      r.series.t.forEach(function (t) { xs[t] = true; });
    });
    var x = Object.keys(xs).map(Number).sort(function (a, b) { return a - b; });
    var columns = [x];
    runs.forEach(function (r) {
      var index = {};
      r.series.t.forEach(function (t, i) { index[t] = i; });
      keys.forEach(function (k) {
        var values = r.series[k.key];
        columns.push(x.map(function (t) {
          var i = index[t];
          if (i === undefined || values[i] === null || values[i] === undefined) {
            return null;
          }
          return k.perSecond ? values[i] / r.series.interval : values[i];
        }));
      });
    });
    return columns;
  }
  var colours = { requests: "#0969da", failures: "#cf222e", p50: "#1a7f37", p95: "#bc4c00", p99: "#8250df", mean: "#0969da", max: "#57606a" };
  function series(runs, keys) {
    var out = [{ label: "seconds" }];
    runs.forEach(function (r, n) {
      keys.forEach(function (k) {
        out.push({ label: (n === 1 ? "baseline " : "") + k.label, stroke: colours[k.key], width: n === 1 ? 1 : 2,
          dash: n === 1 ? [6, 4] : undefined, spanGaps: false });
      });
    });
    return out;
  }
  var runs = baseline ? [run, baseline] : [run];
  var charts = [];
  function chart(id, keys, yLabel) {
    var node = document.getElementById(id);
    var plot = new uPlot({ width: width(node), height: 300, series: series(runs, keys),
      axes: [{ label: "seconds from start" }, { label: yLabel }], scales: { x: { time: false } } }, aligned(runs, keys), node);
    charts.push({ plot: plot, node: node });
  }
  if (run.series.t.length > 0) {
    chart("chart-throughput", [{ key: "requests", label: "requests/s", perSecond: true }, { key: "failures", label: "failures/s", perSecond: true }], "per second");
    var hasPercentiles = run.series.p95.some(function (v) { return v !== null; });
    chart("chart-latency", hasPercentiles
      ? [{ key: "p50", label: "p50" }, { key: "p95", label: "p95" }, { key: "p99", label: "p99" }]
      : [{ key: "mean", label: "mean" }, { key: "max", label: "max" }], "ms");
    document.getElementById("series-note").textContent = "Each point covers " + run.series.interval + " s"
      + (hasPercentiles ? "; percentiles over time to two significant digits." : "; the tool's output holds no percentiles over time.")
      + " The tools do not report active users in a form Loadsmith reads, so there is no users chart.";
  } else {
    document.getElementById("series-note").textContent = "The tool's output holds no time series.";
  }

  // The load generator's own load, when Loadsmith ran the tool.
  if (run.generator && run.generator.samples.length > 0) {
    var g = run.generator;
    document.getElementById("generator-figure").hidden = false;
    var node = document.getElementById("chart-generator");
    var plot = new uPlot({ width: width(node), height: 300, scales: { x: { time: false }, cores: {}, mb: {} },
      series: [{ label: "seconds" }, { label: "CPU (cores)", stroke: "#bc4c00", width: 2, scale: "cores" },
        { label: "memory (MB)", stroke: "#0969da", width: 1, scale: "mb" }],
      axes: [{ label: "seconds from start" }, { label: "cores", scale: "cores" }, { label: "MB", scale: "mb", side: 1, grid: { show: false } }] },
      [g.samples.map(function (s) { return s.offsetSeconds; }), g.samples.map(function (s) { return s.cpuCores; }),
        g.samples.map(function (s) { return s.rssMb; })], node);
    var machine = g.samples.filter(function (s) { return s.machineCpu !== null; });
    var busy = machine.length === 0 ? null
      : machine.reduce(function (sum, s) { return sum + s.machineCpu; }, 0) / machine.length;
    charts.push({ plot: plot, node: node });
    document.getElementById("generator-note").textContent = (g.saturated
      ? "The load generator was the bottleneck: its processes used 90% or more of the " + g.capacityCores
        + " cores they can use for " + (g.saturatedShare * 100).toFixed(0) + "% of the run, so the latencies are inflated."
      : "The load generator had CPU to spare (its processes can use " + g.capacityCores + " of " + g.cores + " cores).")
      + (busy === null ? "" : " The whole machine's CPU was " + (busy * 100).toFixed(0) + "% busy on average.");
  }

  // The operations table, sortable by any column.
  var columns = [
    { label: "operation", value: function (o) { return o.name; }, text: true },
    { label: "requests", value: function (o) { return o.requests; } },
    { label: "failures", value: function (o) { return o.failures; } },
    { label: "errors %", value: function (o) { return o.errorRate * 100; }, format: function (v) { return v.toFixed(2); } },
    { label: "p50 ms", value: function (o) { return o.latencyMs ? o.latencyMs.p50 : null; } },
    { label: "p90 ms", value: function (o) { return o.latencyMs ? o.latencyMs.p90 : null; } },
    { label: "p95 ms", value: function (o) { return o.latencyMs ? o.latencyMs.p95 : null; } },
    { label: "p99 ms", value: function (o) { return o.latencyMs ? o.latencyMs.p99 : null; } },
    { label: "max ms", value: function (o) { return o.latencyMs ? o.latencyMs.max : null; } },
    { label: "mean ms", value: function (o) { return o.latencyMs ? o.latencyMs.mean : null; } },
    { label: "req/s", value: function (o) { return o.throughputPerSecond; } },
    { label: "failure kinds", value: function (o) {
      return Object.keys(o.failuresByKind).map(function (k) { return k + " " + o.failuresByKind[k]; }).join(", ");
    }, text: true }
  ];
  if (baseline) {
    var before = {};
    baseline.operations.forEach(function (o) { before[o.name] = o; });
    columns.splice(7, 0,
      { label: "baseline p95 ms", value: function (o) { var b = before[o.name]; return b && b.latencyMs ? b.latencyMs.p95 : null; } },
      { label: "Δ p95 %", value: function (o) {
        var b = before[o.name];
        return b && b.latencyMs && o.latencyMs && b.latencyMs.p95 ? (o.latencyMs.p95 - b.latencyMs.p95) / b.latencyMs.p95 * 100 : null;
      }, format: function (v) { return (v > 0 ? "+" : "") + v.toFixed(1); } },
      { label: "slower (p)", value: function (o) { var p = comparison.slower[o.name]; return p === undefined ? null : p; },
        format: function (v) { return (v < 0.01 ? "yes " : "no ") + (v < 0.0001 ? "<0.0001" : v.toFixed(4)); } });
  }
  var table = document.getElementById("operations");
  var headRow = table.querySelector("thead tr");
  var body = table.querySelector("tbody");
  columns.forEach(function (c, i) {
    var th = el("th", c.label, c.text ? "" : "num");
    th.setAttribute("data-column", String(i));
    th.setAttribute("aria-sort", "none");
    th.addEventListener("click", function () { sortBy(i); });
    headRow.appendChild(th);
  });
  var rows = run.operations.slice();
  function render() {
    while (body.firstChild) {
      body.removeChild(body.firstChild);
    }
    rows.forEach(function (o) {
      var tr = el("tr");
      columns.forEach(function (c) {
        var v = c.value(o);
        var text = v === null || v === undefined ? "-" : c.text ? v : c.format ? c.format(v) : number(v);
        tr.appendChild(el("td", text, c.text ? (c.label === "operation" ? "name" : "") : "num"));
      });
      body.appendChild(tr);
    });
  }
  var sorted = { column: -1, descending: false };
  function sortBy(i) {
    var descending = sorted.column === i ? !sorted.descending : !columns[i].text;
    sorted = { column: i, descending: descending };
    var c = columns[i];
    rows.sort(function (a, b) {
      var x = c.value(a);
      var y = c.value(b);
      if (x === null || x === undefined) { return 1; }
      if (y === null || y === undefined) { return -1; }
      var order = c.text ? String(x).localeCompare(String(y)) : x - y;
      return descending ? -order : order;
    });
    headRow.querySelectorAll("th").forEach(function (th, n) {
      th.setAttribute("aria-sort", n === i ? (descending ? "descending" : "ascending") : "none");
    });
    render();
  }
  render();

  // Latency distribution per operation: latency by percentile, on a scale of nines.
  var withDistribution = [run.total].concat(run.operations).filter(function (o) { return o.distribution; });
  if (withDistribution.length > 0) {
    document.getElementById("distribution-section").hidden = false;
    var select = document.getElementById("distribution-operation");
    withDistribution.forEach(function (o, i) {
      var option = el("option", i === 0 ? "all operations" : o.name);
      option.value = String(i);
      select.appendChild(option);
    });
    var baselineByName = {};
    if (baseline) {
      [baseline.total].concat(baseline.operations).forEach(function (o) { baselineByName[o.name] = o; });
    }
    var distributionNode = document.getElementById("chart-distribution");
    var distributionPlot = null;
    function nines(p) {
      return p >= 100 ? 5.3 : -Math.log10(1 - p / 100);
    }
    function showDistribution(i) {
      var o = withDistribution[i];
      var b = baselineByName[o.name];
      var points = o.distribution.map(function (d) { return [nines(d[0]), d[1]]; });
      var x = points.map(function (p) { return p[0]; });
      var columns = [x, points.map(function (p) { return p[1]; })];
      var labels = [{ label: "percentile", value: function (u, v) { return v === null ? "--" : (100 - 100 / Math.pow(10, v)).toFixed(3) + "%"; } },
        { label: "this run", stroke: "#bc4c00", width: 2 }];
      if (b && b.distribution) {
        var bx = b.distribution.map(function (d) { return nines(d[0]); });
        var by = b.distribution.map(function (d) { return d[1]; });
        columns.push(x.map(function (v) { var k = bx.indexOf(v); return k < 0 ? null : by[k]; }));
        labels.push({ label: "baseline", stroke: "#57606a", width: 1, dash: [6, 4] });
      }
      document.getElementById("distribution-caption").textContent = "Latency by percentile (ms): "
        + (i === 0 ? "all operations" : o.name);
      if (distributionPlot) {
        distributionPlot.destroy();
      }
      distributionPlot = new uPlot({ width: width(distributionNode), height: 320, series: labels,
        scales: { x: { time: false } },
        axes: [{ label: "percentile", splits: function () { return [0, 1, 2, 3, 4, 5]; },
          values: function (u, ticks) {
            return ticks.map(function (t) { return ["0%", "90%", "99%", "99.9%", "99.99%", "99.999%"][t]; });
          } }, { label: "ms" }] }, columns, distributionNode);
    }
    select.addEventListener("change", function () { showDistribution(Number(select.value)); });
    showDistribution(0);
  }

  // The run's metadata and warnings.
  var metadata = document.getElementById("metadata");
  function meta(label, value) {
    if (value === null || value === undefined || value === "") {
      return;
    }
    metadata.appendChild(el("dt", label));
    metadata.appendChild(el("dd", value));
  }
  meta("tool", run.toolName + (run.toolVersion ? " " + run.toolVersion : ""));
  meta("results", run.source);
  meta("format", run.format);
  meta("start", run.start);
  meta("duration", number(run.durationSeconds, 1) + " s");
  meta("workload", run.workload);
  if (run.toolVerdict !== null && run.toolVerdict !== undefined) {
    meta(run.tool + "'s own verdict", run.toolVerdict ? "passed" : "failed");
  }
  if (baseline) {
    meta("baseline", baseline.toolName + (baseline.toolVersion ? " " + baseline.toolVersion : "")
      + (baseline.start ? ", " + baseline.start : "") + ", " + number(baseline.durationSeconds, 1) + " s");
  }
  var warnings = document.getElementById("warnings");
  run.warnings.concat(comparison ? comparison.warnings : []).forEach(function (w) { warnings.appendChild(el("li", w)); });

  window.addEventListener("resize", function () {
    charts.forEach(function (c) { c.plot.setSize({ width: width(c.node), height: 300 }); });
  });
  document.body.setAttribute("data-ready", "true");
})();
