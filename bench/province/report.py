#!/usr/bin/env python3
"""Turns the outputs of run-all.sh (RESULTS folder) into the Markdown table of bench/results/latest.md.

usage: report.py RESULTS COMMIT > latest.md
"""
import datetime, os, re, sys

results, commit = sys.argv[1], sys.argv[2]


def read(label):
    path = os.path.join(results, f"{label}.txt")
    if not os.path.exists(path):
        return None
    text = open(path, encoding="utf-8").read()
    figures = {"text": text}
    for key, pattern in {"rate": r"^rate: ([\d.]+) requests/s", "p50": r"^p50: ([\d.]+) ms", "p90": r"^p90: ([\d.]+) ms",
                         "p99": r"^p99: ([\d.]+) ms", "non2xx": r"errors: (\d+) non-2xx", "errors": r"^rate: .*errors: (\d+)",
                         "load": r"^load: ([\d.]+)"}.items():
        m = re.search(pattern, text, re.M)
        if m:
            figures[key] = float(m.group(1))
    return figures


def ms(value):
    return "—" if value is None else (f"{value:.1f} ms" if value < 100 else f"{value:,.0f} ms")


def met(ok):
    return "—" if ok is None else ("**met**" if ok else "**missed**")


rows = []


def row(scenario, target, measured, ok, load):
    rows.append(f"| {scenario} | {target} | {measured} | {met(ok)} | {'—' if load is None else f'{load:.1f}'} |")


def http_rows(name, part, paced_target_p99, saturated_target_rate=None, ratio_target=None):
    paced, saturated = read(f"{part}-paced"), read(f"{part}-saturated")
    raw_paced, raw_saturated = read(f"{part}-raw-paced"), read(f"{part}-raw-saturated")
    if paced is None or "rate" not in paced:
        why = paced["text"].strip().splitlines()[-1].split(": ", 1)[-1] if paced else "not run"
        row(f"({part}) {name}", f"p99 ≤ {paced_target_p99} ms", f"not measured: {why}", None, None)
        return
    errors = int(paced.get("non2xx", 0))
    row(f"({part}) {name}, paced ({paced_desc(paced)})", f"p99 ≤ {paced_target_p99} ms" + (", 0 non-2xx" if part == "c" else ""),
        f"{paced['rate']:.1f} req/s achieved; p50 {ms(paced.get('p50'))}, p99 {ms(paced.get('p99'))}; {errors} non-2xx",
        paced.get("p99", 1e9) <= paced_target_p99 and errors == 0, paced.get("load"))
    if saturated and "rate" in saturated:
        errors = int(saturated.get("non2xx", 0))
        row(f"({part}) {name}, unpaced ({paced_desc(saturated)})", f"≥ {saturated_target_rate:,} req/s" if saturated_target_rate else "capacity",
            f"**{saturated['rate']:,.1f} req/s**; p50 {ms(saturated.get('p50'))}, p99 {ms(saturated.get('p99'))}; {errors} non-2xx",
            saturated["rate"] >= saturated_target_rate if saturated_target_rate else None, saturated.get("load"))
    # Where the endpoint answers from a cache (a), the statements it sends are not the question's cost: the target is
    # set against the same query read from scratch ({part}-cold), the warm statements are shown as the app's overhead.
    cold = read(f"{part}-cold-raw-paced") is not None
    raw_rows(paced, saturated, raw_paced, raw_saturated, f"({part}) the statements a warm request sends, over Npgsql" if cold
             else f"({part}) same SQL over Npgsql", None if cold else ratio_target)
    if cold:
        raw_rows(paced, saturated, read(f"{part}-cold-raw-paced"), read(f"{part}-cold-raw-saturated"),
                 f"({part}) the same query from scratch over Npgsql (ordered selection and the page's rows)", ratio_target)


def raw_rows(paced, saturated, raw_paced, raw_saturated, name, ratio_target):
    if raw_paced and "p50" in raw_paced:
        ratio50 = paced["p50"] / raw_paced["p50"]
        ratio99 = paced["p99"] / raw_paced["p99"]
        row(f"{name}, paced", f"endpoint p50 ≤ {ratio_target}× raw" if ratio_target else "—",
            f"p50 {ms(raw_paced['p50'])}, p99 {ms(raw_paced['p99'])} → endpoint ÷ raw: **{ratio50:.1f}×** (p50), {ratio99:.1f}× (p99)",
            ratio50 <= ratio_target if ratio_target else None, raw_paced.get("load"))
    if raw_saturated and "rate" in raw_saturated and saturated and "rate" in saturated:
        ratio = raw_saturated["rate"] / saturated["rate"]
        row(f"{name}, unpaced", f"endpoint ≤ {ratio_target}× raw per request" if ratio_target else "—",
            f"{raw_saturated['rate']:,.1f} req/s, p50 {ms(raw_saturated['p50'])} → endpoint costs **{ratio:.1f}×** raw per request",
            ratio <= ratio_target if ratio_target else None, raw_saturated.get("load"))


def paced_desc(figures):
    m = re.search(r"^--- \S+: (.*)$", figures["text"], re.M)
    return m.group(1) if m else ""


load = read("load")
if load:
    m = re.search(r"ready in \S+: (\d+) s in all", load["text"])
    tasks = re.search(r"^\s*tasks (\d+)$", load["text"], re.M)
    row("dataset: generate and load (1,000 tenants, 20,000 people, 3 years)", "—",
        (f"{int(m.group(1)):,} s" if m else "?") + (f", {int(tasks.group(1)):,} tasks" if tasks else ""), None, None)
http_rows("unit's task inbox `GET /t/{unit}/api/tasks?pageSize=50`", "a", 50, 1500, 2)
http_rows("province subtree dashboard `GET /t/{root}/api/dashboard`", "b", 100)
cold = read("b-cold")
if cold:
    m = re.search(r"(\d+) bytes; first request after start-up \(cold\) ([\d.]+)s", cold["text"])
    if m:
        row("(b) the same dashboard, first request after start-up (every unit's counters summed)", "—",
            f"{float(m.group(2)) * 1000:,.0f} ms; {int(m.group(1)):,} bytes of JSON", None, None)
http_rows("progress update `POST /t/{unit}/api/tasks/{id}/progress` (with the outbox write)", "c", 100)
for layout, what in [("spread", "1 connection per tenant, a post reaches 3"), ("province", "all on the province, a post reaches 1,000")]:
    live = read(f"live-{layout}")
    if not live:
        continue
    text = live["text"]
    receipt = re.search(r"commit-to-receipt: p50 ([\d.]+) ms, p90 ([\d.]+) ms, p99 ([\d.]+) ms", text)
    counts = re.search(r"receipts: (\d+) of (\d+) expected", text)
    opened = re.search(r"(\d+) of (\d+) connections open", text)
    rss = re.search(r"rss: before (\d+) MB, (\d+) connections (\d+) MB, peak during stream (\d+) MB", text)
    warmup = re.search(r"warm-up: (\d+) posts", text)
    stream = re.search(r"stream: (\d+) progress posts in [\d.]+ s \(([\d.]+)/s\), (\d+) non-2xx", text)
    if receipt:
        row(f"live push, {opened.group(1) if opened else '?'} SignalR clients ({what}), {stream.group(1) if stream else '?'} posts at "
            f"{stream.group(2) if stream else '?'}/s" + (f" after {warmup.group(1)} unmeasured warm-up posts" if warmup else ""),
            "commit-to-receipt p99 ≤ 100 ms",
            f"p50 {ms(float(receipt.group(1)))}, p99 **{ms(float(receipt.group(3)))}**; {counts.group(1)} of {counts.group(2)} received",
            float(receipt.group(3)) <= 100 and counts.group(1) == counts.group(2), live.get("load"))
    else:
        row(f"live push ({what})", "commit-to-receipt p99 ≤ 100 ms", "failed: see live-" + layout + ".txt", False, live.get("load"))
    if rss:
        row(f"app memory at {rss.group(2)} connections ({layout})", "≤ 400 MB RSS",
            f"{rss.group(3)} MB (before connecting {rss.group(1)} MB, peak during the stream {rss.group(4)} MB)",
            int(rss.group(4)) <= 400, None)

now = datetime.datetime.now().astimezone()
print(f"""# Province-scale benchmark: latest run

Written by `bench/run-all.sh` on {now:%d/%m/%Y %H:%M %Z} at commit `{commit}`; the scripts and what they measure are
described in [bench/README.md](../README.md) (§6–§8). Machine: {os.cpu_count()} cores, app and PostgreSQL on it; the load
column is the 1-minute load average when the run started (2 means both cores already busy before the benchmark's own
work). Release build, PostgreSQL 15, durable (fsync on).

| scenario | target | measured | met? | load avg |
|---|---|---|---|---|""")
print("\n".join(rows))
notes = os.path.join(results, "notes.md")
if os.path.exists(notes):
    print()
    print(open(notes, encoding="utf-8").read().rstrip())
