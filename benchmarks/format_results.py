#!/usr/bin/env python3
"""Turns JMH JSON results (-rf json) into the one table of the jwkit benchmarks.

Usage: python3 benchmarks/format_results.py RESULT.json [RESULT.json ...]

One row per (JVM, workload, algorithm, implementation): throughput with its error, bytes allocated
per operation (gc.alloc.rate.norm from -prof gc), and each figure as a ratio to the floor of its
group and to the best peer of its group. The floor is the raw JCA (for the JOSE workloads) or the
JDK's own provider (for the provider comparison); the peers are Nimbus, jose4j and Auth0, and "best"
means the highest throughput and the fewest bytes allocated. Ratios compare rows of the same JVM.
"""
import json
import sys

IMPLEMENTATIONS = {
    "RawJcaBench": "raw JCA",
    "NimbusBench": "Nimbus",
    "Jose4jBench": "jose4j",
    "Auth0Bench": "Auth0",
    "JwkitBench": "jwkit",
    "JwkitCacheBench": "jwkit",
}
WORKLOADS = {
    "verify": "verify",
    "sign": "sign",
    "parseJwks": "parse JWKS",
    "parseJwksToKeys": "parse JWKS",
    "cacheHit": "key source cache hit",
    "verifyViaCache": "verify via key source",
}
PEERS = {"Nimbus", "jose4j", "Auth0"}
FLOORS = {"raw JCA", "JDK"}
WORKLOAD_ORDER = ["verify", "sign", "parse JWKS", "key source cache hit", "verify via key source", "JCA verify",
                  "JCA sign"]
ALG_ORDER = ["RS256", "PS256", "ES256", "ES384", "ES512", "EdDSA", "Ed25519", "HS256", "-"]
IMPL_ORDER = ["raw JCA", "JDK", "BC", "jwkit", "Nimbus", "Nimbus (+keys)", "jose4j", "Auth0"]


def alloc_of(result):
    for name, metric in result.get("secondaryMetrics", {}).items():
        if name.lstrip("\u00b7") == "gc.alloc.rate.norm":
            return metric["score"]
    return None


def row_of(result):
    cls, method = result["benchmark"].rsplit(".", 2)[-2:]
    params = result.get("params", {})
    alg = params.get("alg", "-")
    if cls == "ProviderBench":
        impl = params["provider"]
        workload = "JCA " + method
        alg = "Ed25519" if alg == "EdDSA" else alg
    else:
        impl = IMPLEMENTATIONS.get(cls, cls)
        if method == "parseJwksToKeys":
            impl = "Nimbus (+keys)"
        workload = WORKLOADS.get(method, method)
    if result.get("threads", 1) > 1:
        workload += " (%d threads)" % result["threads"]
    metric = result["primaryMetric"]
    error = metric.get("scoreError")
    if not isinstance(error, (int, float)) or error != error:  # "NaN" with a single iteration
        error = None
    return {
        "jvm": result.get("jdkVersion", "?"),
        "workload": workload,
        "alg": alg,
        "impl": impl,
        "ops": metric["score"],
        "error": error,
        "alloc": alloc_of(result),
    }


def order(value, sequence):
    base = value.split(" (")[0]
    return sequence.index(base) if base in sequence else len(sequence)


def fmt_ops(value):
    if value is None:
        return "—"
    if value >= 100:
        return "{:,.0f}".format(value)
    return "{:,.1f}".format(value)


def fmt_ratio(value, reference):
    if value is None or reference is None or reference <= 0.5 or value < 0:
        return "—"
    ratio = value / reference
    return "{:.2f}".format(ratio) if ratio < 10 else "{:.1f}".format(ratio)


def main(paths):
    rows = []
    for path in paths:
        with open(path, encoding="utf-8") as handle:
            rows.extend(row_of(result) for result in json.load(handle))
    if not rows:
        print("no results")
        return 1
    groups = {}
    for row in rows:
        groups.setdefault((row["jvm"], row["workload"], row["alg"]), []).append(row)
    rows.sort(key=lambda r: (r["jvm"], order(r["workload"], WORKLOAD_ORDER), order(r["alg"], ALG_ORDER),
                             order(r["impl"], IMPL_ORDER)))
    header = ["JVM", "workload", "alg", "implementation", "ops/s", "± error", "ops ×floor", "ops ×best peer",
              "B/op", "B/op ×floor", "B/op ×best peer"]
    lines = ["| " + " | ".join(header) + " |", "|" + "|".join(["---"] * 4 + ["---:"] * 7) + "|"]
    for row in rows:
        group = groups[(row["jvm"], row["workload"], row["alg"])]
        floor = next((g for g in group if g["impl"] in FLOORS), None)
        peers = [g for g in group if g["impl"] in PEERS]
        best_ops = max((p["ops"] for p in peers), default=None)
        peer_allocs = [p["alloc"] for p in peers if p["alloc"] is not None]
        best_alloc = min(peer_allocs) if peer_allocs else None
        lines.append("| " + " | ".join([
            row["jvm"], row["workload"], row["alg"], row["impl"],
            fmt_ops(row["ops"]),
            fmt_ops(row["error"]) if row["error"] is not None else "—",
            fmt_ratio(row["ops"], floor["ops"] if floor else None),
            fmt_ratio(row["ops"], best_ops),
            "{:,.0f}".format(row["alloc"]) if row["alloc"] is not None else "—",
            fmt_ratio(row["alloc"], floor["alloc"] if floor else None),
            fmt_ratio(row["alloc"], best_alloc),
        ]) + " |")
    print("\n".join(lines))
    impls = {r["impl"] for r in rows}
    notes = []
    if "jwkit" not in impls:
        notes.append("jwkit: no jwkit rows in these results.")
    notes.append("×floor: against the raw JCA (JOSE workloads) or the JDK provider (JCA rows) on the same JVM; "
                 "×best peer: against the fastest / least-allocating of Nimbus, jose4j, Auth0 in the same group; "
                 "— where there is no reference (or it allocates under 1 byte).")
    print()
    for note in notes:
        print("- " + note)
    return 0


if __name__ == "__main__":
    if len(sys.argv) < 2:
        print(__doc__)
        sys.exit(2)
    sys.exit(main(sys.argv[1:]))
