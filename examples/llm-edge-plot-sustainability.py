#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0-only
"""Plots of llm-edge-sustainability's CSV.

    llm-edge-plot-sustainability.py SUSTAINABILITY.csv OUTDIR

Writes OUTDIR/sustainability-routing.png (emissions, energy per request and
mean latency per policy and transport, with 95 % confidence intervals),
OUTDIR/sustainability-batch.png (saturated throughput and energy per
request against the maximum batch, the knee marked) and
OUTDIR/sustainability-hybrid.png (grid carbon per job of the hybrid study).
Without matplotlib the script says so and exits 0 (no plot).
"""
import csv
import importlib.util
import os
import sys
from collections import defaultdict


def read(path):
    """{(study, transport, policy, batch): {metric: (mean, ci95)}}."""
    out = defaultdict(dict)
    with open(path, newline="") as f:
        for r in csv.DictReader(f):
            key = (r["study"], r["transport"], r["policy"], int(r["max_batch"]))
            out[key][r["metric"]] = (float(r["mean"]), float(r["ci95"]))
    return out


def routing(plt, data, out):
    rows = sorted(k for k in data if k[0] == "routing")
    if not rows:
        return
    metrics = [("emissions_g", "CO2 (g)"), ("energy_per_request_j", "J / request"),
               ("latency_mean_s", "mean latency (s)")]
    fig, axes = plt.subplots(1, len(metrics), figsize=(13, 4))
    labels = [f"{k[2]}\n{'zero-comm' if k[1] == 'zero-communication' else k[1]}" for k in rows]
    for ax, (m, title) in zip(axes, metrics):
        means = [data[k][m][0] for k in rows]
        cis = [data[k][m][1] for k in rows]
        ax.bar(range(len(rows)), means, yerr=cis, capsize=3, color="#6baed6")
        ax.set_xticks(range(len(rows)))
        ax.set_xticklabels(labels, rotation=60, fontsize=7)
        ax.set_title(title)
    fig.tight_layout()
    fig.savefig(os.path.join(out, "sustainability-routing.png"), dpi=120)


def batch(plt, data, out):
    rows = sorted((k for k in data if k[0] == "batch"), key=lambda k: k[3])
    if not rows:
        return
    b = [k[3] for k in rows]
    thr = [data[k]["throughput_per_h"][0] for k in rows]
    epr = [data[k]["energy_per_request_j"][0] for k in rows]
    knee = 0
    for i in range(1, len(thr)):
        if thr[i] >= 1.10 * thr[i - 1]:
            knee = b[i]
        else:
            break
    fig, ax = plt.subplots(figsize=(6, 4))
    ax.plot(b, thr, "o-", label="requests / h (saturated)")
    ax.set_xlabel("maximum batch")
    ax.set_ylabel("requests / h")
    ax2 = ax.twinx()
    ax2.plot(b, epr, "s--", color="#d94801", label="J / request")
    ax2.set_ylabel("J / request")
    if knee:
        ax.axvline(knee, color="grey", linestyle=":")
        ax.annotate(f"knee: {knee}", (knee, min(thr)))
    fig.legend(loc="upper center", fontsize=8)
    fig.tight_layout()
    fig.savefig(os.path.join(out, "sustainability-batch.png"), dpi=120)


def hybrid(plt, data, out):
    rows = [k for k in data if k[0] == "hybrid"]
    if not rows:
        return
    fig, ax = plt.subplots(figsize=(6, 4))
    vals = [data[k]["carbon_per_request_g"] for k in rows]
    ax.bar([k[2] for k in rows], [v[0] for v in vals], yerr=[v[1] for v in vals], capsize=3)
    ax.set_ylabel("grid CO2 per job (g)")
    ax.set_title("3 x 3 pipeline, solar + grid below 20 %")
    fig.tight_layout()
    fig.savefig(os.path.join(out, "sustainability-hybrid.png"), dpi=120)


def main():
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    if importlib.util.find_spec("matplotlib") is None:
        print("llm-edge-plot-sustainability: matplotlib not installed, no plots")
        return
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    data = read(sys.argv[1])
    for f in (routing, batch, hybrid):
        f(plt, data, sys.argv[2])
    print("plots in", sys.argv[2])


if __name__ == "__main__":
    main()
