"""Turns bench/run's raw results into the table, results.json and the data files for plot.gp."""
import json
import re
import sys

raw, json_out, rss_kb, pagination, mode = sys.argv[1:6]
everything = [json.loads(line) for line in open(raw)]
runs = [r for r in everything if r.get("rows") is None]
sizes = [r for r in everything if r.get("rows") is not None]
rss_mb = int(rss_kb) / 1024
REFERENCE = {"GET /ping": "nginx /ping", "GET /users/<id>": "pgbench -S",
             "POST /users": "pgbench insert", "PUT /users/<id>": "pgbench insert"}
TARGET_RATIO = {"GET /ping": 1.0, "GET /users/<id>": 0.8, "POST /users": 0.7}
by_key = {(r["name"], r["connections"]): r["result"] for r in runs}

print(f"{'endpoint':<22}{'conns':>6}{'req/s':>11}{'p50 ms':>9}{'p99 ms':>9}  {'ratio':>14}")
for r in runs:
    res, name, conns = r["result"], r["name"], r["connections"]
    ref = by_key.get((REFERENCE.get(name), conns))
    ratio = res["rps"] / ref["rps"] if ref and ref.get("rps") else None
    r["ratio"] = ratio
    p50 = f"{res['p50_ms']:.2f}" if "p50_ms" in res else "-"
    p99 = f"{res['p99_ms']:.2f}" if "p99_ms" in res else "-"
    shown = f"{ratio:.2f} x {REFERENCE[name].split()[0]}" if ratio is not None else ""
    print(f"{name:<22}{conns:>6}{res['rps']:>11.0f}{p50:>9}{p99:>9}  {shown:>14}")
for r in sizes:
    res = r["result"]
    print(f"{r['name'] + ', ' + str(r['rows']) + ' rows':<28}{res['rps']:>11.1f}"
          f"{res['p50_ms']:>9.2f}{res['p99_ms']:>9.2f}")
print(f"server peak RSS: {rss_mb:.1f} MB;  GET /users?limit=50: "
      f"{'measured' if pagination == 'yes' else 'no pagination in this build, not measured'}")

targets = []
for name, wanted in TARGET_RATIO.items():
    ratios = [r["ratio"] for r in runs if r["name"] == name and r["ratio"] is not None]
    worst = min(ratios) if ratios else None
    targets.append({"target": f"{name} >= {wanted} x {REFERENCE[name]}", "measured": worst,
                    "met": worst is not None and worst >= wanted})
targets.append({"target": "peak RSS <= 30 MB", "measured": rss_mb, "met": rss_mb <= 30})
reads = [r for r in runs if r["connections"] == 128 and r["name"].startswith("GET /")]
if reads:
    worst = max(r["result"]["p99_ms"] for r in reads)
    targets.append({"target": "read p99 at 128 connections <= 10 ms", "measured": worst,
                    "met": worst <= 10})
for t in targets:
    measured = "-" if t["measured"] is None else f"{t['measured']:.2f}"
    print(f"target {'met   ' if t['met'] else 'MISSED'} {t['target']} (measured {measured})")

json.dump({"mode": mode, "peak_rss_mb": rss_mb, "pagination": pagination == "yes",
           "runs": runs, "table_size_runs": sizes, "targets": targets}, open(json_out, "w"), indent=2)

for name in {r["name"] for r in runs}:
    slug = re.sub(r"[^a-z0-9]+", "_", name.lower()).strip("_")
    with open(json_out.rsplit("/", 1)[0] + f"/{slug}.dat", "w") as data:
        for r in sorted((r for r in runs if r["name"] == name), key=lambda r: r["connections"]):
            data.write(f"{r['connections']} {r['result']['rps']} {r['result'].get('p99_ms', 'NaN')}\n")

for name in {r["name"] for r in sizes}:
    slug = re.sub(r"[^a-z0-9]+", "_", name.lower()).strip("_")
    with open(json_out.rsplit("/", 1)[0] + f"/rows_{slug}.dat", "w") as data:
        for r in sorted((r for r in sizes if r["name"] == name), key=lambda r: r["rows"]):
            data.write(f"{r['rows']} {r['result']['p50_ms']} {r['result']['p99_ms']}\n")

# Smoke: every endpoint of ours answered, and only with 2xx.
broken = [r["name"] for r in everything if "errors" in r["result"]
          and (r["result"]["requests"] == 0 or r["result"]["errors"] > 0)]
if broken:
    sys.exit(f"failed or non-2xx answers: {', '.join(sorted(set(broken)))}")
