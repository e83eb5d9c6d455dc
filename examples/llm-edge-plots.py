#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0-only
"""Plots of the llm-edge paper reproductions from their CSV files.

    llm-edge-plots.py fig2a fig2a.csv fig2a.png
    llm-edge-plots.py fig2b fig2b-risk.csv fig2b-qlim.csv fig2b.png
    llm-edge-plots.py fig34 fig3-4.csv OUTDIR        (fig3a.png ... fig4b.png)
    llm-edge-plots.py effects fig3-4.csv effects.csv (paper-vs-ours effect table)

fig34 and effects also take several CSVs separated by commas (one per
preset, when the presets ran with different fitted values).

Each plot names, in its lower right corner, the llm-edge version, git
revision and ns-3 release that made its data, read from the CSV's sidecar
<csv>.meta.json (written by the examples; "provenance unknown" without it).
"""
import csv
import json
import os
import sys

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402

MODES = ["15W", "30W", "60W", "dynamic"]


def rows(path):
    with open(path, newline="") as f:
        return list(csv.DictReader(f))


def provenance(path):
    """One line naming what made a CSV, from its <csv>.meta.json sidecar."""
    meta = path + ".meta.json"
    if not os.path.exists(meta):
        return "%s: provenance unknown (no %s)" % (os.path.basename(path), os.path.basename(meta))
    with open(meta) as f:
        m = json.load(f)
    rng = m.get("rng", {})
    runs = ""
    if rng.get("uses_random_numbers"):
        first = rng["first_run"]
        runs = ", RngSeed %d, RngRun %d..%d" % (rng["seed"], first,
                                                first + rng["runs_per_point"] - 1)
    return "%s: %s, llm-edge %s (git %s), ns-3 %s%s" % (
        os.path.basename(path), m["program"], m["llm_edge_version"],
        m["llm_edge_git_revision"], m["ns3_version"], runs)


def stamp(fig, *paths):
    """The provenance of the plotted CSVs in the lower right corner."""
    fig.text(0.995, 0.005, "\n".join(provenance(p) for p in paths), ha="right", va="bottom",
             fontsize=6, color="0.4")


def fig2a(data, out):
    path = data
    data = rows(data)
    presets = sorted({r["preset"] for r in data}, reverse=True)
    fig, axes = plt.subplots(1, 2, figsize=(10, 4))
    width = 0.8 / (len(presets) + 1)
    for ax, metric, paper, label in [
        (axes[0], "jobs_completed", "paper_jobs_completed", "jobs completed in 100 slots"),
        (axes[1], "avg_battery_pct", "paper_avg_battery_pct", "average battery (%)"),
    ]:
        xs = range(len(MODES))
        ref = {r["mode"]: float(r[paper]) for r in data}
        ax.bar([x - 0.4 + width / 2 for x in xs], [ref[m] for m in MODES], width, label="paper")
        for i, p in enumerate(presets):
            sel = {r["mode"]: r for r in data if r["preset"] == p}
            ax.bar([x - 0.4 + width * (i + 1.5) for x in xs],
                   [float(sel[m][metric]) for m in MODES], width,
                   yerr=[float(sel[m][metric + "_sd"]) for m in MODES], capsize=3,
                   label="ours, " + p)
        ax.set_xticks(list(xs))
        ax.set_xticklabels(MODES)
        ax.set_ylabel(label)
    axes[0].legend(fontsize=8)
    fig.suptitle("Fig. 2a: one device, fixed and dynamic power modes")
    fig.tight_layout(rect=(0, 0.04, 1, 1))
    stamp(fig, path)
    fig.savefig(out, dpi=120)


def fig2b(risk_path, qlim_path, out):
    risk = rows(risk_path)
    qlim = rows(qlim_path)
    presets = sorted({r["preset"] for r in risk}, reverse=True)
    fig, axes = plt.subplots(1, len(presets), figsize=(5 * len(presets), 4), squeeze=False)
    for ax, p in zip(axes[0], presets):
        for m in MODES:
            sel = [r for r in risk if r["preset"] == p and r["mode"] == m]
            line, = ax.semilogy([float(r["q"]) for r in sel],
                                [max(float(r["risk"]), 1e-12) for r in sel], label=m)
            lim = [r for r in qlim if r["preset"] == p and r["mode"] == m][0]
            ax.axvline(float(lim["q_lim"]), color=line.get_color(), ls=":", lw=1)
        ax.axhline(0.01, color="k", ls="--", lw=1, label="xi_lim = 0.01")
        ax.set_ylim(1e-8, 1)
        ax.set_xlabel("job probability q")
        ax.set_ylabel("risk P(E < 10 %)")
        ax.set_title(p + " (dotted: q_lim)")
        ax.legend(fontsize=8)
    fig.suptitle("Fig. 2b: downtime risk vs job rate")
    fig.tight_layout(rect=(0, 0.06, 1, 1))
    stamp(fig, risk_path, qlim_path)
    fig.savefig(out, dpi=120)


HEADLINE = {"3a": ("power_saving_fraction", "fraction of devices in power saving"),
            "3b": ("power_saving_fraction", "fraction of devices in power saving"),
            "4a": ("normalized_throughput", "normalized throughput"),
            "4b": ("dropped", "jobs dropped in 100 slots")}
POLICIES = ["uniform", "long-term", "adaptive"]


def series(data, fig, preset, policy, metric):
    sel = [r for r in data if r["figure"] == fig and r["preset"] == preset
           and r["policy"] == policy and r["metric"] == metric]
    sel.sort(key=lambda r: float(r["x"]))
    return ([float(r["x"]) for r in sel], [float(r["mean"]) for r in sel],
            [float(r["sd"]) for r in sel])


def rows_of(paths):
    """The rows of comma-separated CSV paths, concatenated."""
    out = []
    for p in paths.split(","):
        out += rows(p)
    return out


def fig34(path, outdir):
    data = rows_of(path)
    for fig, (metric, label) in HEADLINE.items():
        presets = sorted({r["preset"] for r in data if r["figure"] == fig}, reverse=True)
        if not presets:
            continue
        f, axes = plt.subplots(1, len(presets), figsize=(5 * len(presets), 4), squeeze=False)
        for ax, p in zip(axes[0], presets):
            for pol in POLICIES:
                x, m, sd = series(data, fig, p, pol, metric)
                if x:
                    ax.errorbar(x, m, yerr=sd, capsize=3, marker="o", label=pol)
            xname = [r["x_name"] for r in data if r["figure"] == fig][0]
            ax.set_xlabel("mean harvest per slot (J)" if xname == "mean_harvest_j"
                          else "job probability q")
            ax.set_ylabel(label)
            ax.set_title(p)
            ax.legend(fontsize=8)
        f.suptitle("Fig. %s (mean and standard deviation over replications)" % fig)
        f.tight_layout(rect=(0, 0.04, 1, 1))
        stamp(f, *path.split(","))
        f.savefig("%s/fig%s.png" % (outdir, fig), dpi=120)
        plt.close(f)


def effects(path, out):
    """The paper's stated effects, ours measured the same way."""
    data = rows_of(path)
    lines = [["preset", "effect", "paper", "ours"]]
    presets = sorted({r["preset"] for r in data}, reverse=True)

    def rel(a, b):
        return 100.0 * (a - b) / b if b else float("nan")

    for p in presets:
        def mean_of(fig, pol, metric):
            return series(data, fig, p, pol, metric)

        x, u, _ = mean_of("3a", "uniform", "power_saving_fraction")
        _, lt, _ = mean_of("3a", "long-term", "power_saving_fraction")
        _, ad, _ = mean_of("3a", "adaptive", "power_saving_fraction")
        if x:
            red = [-rel(b, a) for a, b in zip(u, lt) if a > 0]
            lines.append([p, "3a: long-term vs uniform, power-saving fraction (mean over x)",
                          "about 15 % lower", "%.1f %% lower" % (sum(red) / len(red))])
            red2 = [-rel(b, a) for a, b in zip(lt, ad) if a > 0]
            lines.append([p, "3a: adaptive vs long-term (largest reduction over x)",
                          "up to 10 % lower", "%.1f %% lower" % max(red2)])
        x, u, _ = mean_of("3b", "uniform", "power_saving_fraction")
        _, lt, _ = mean_of("3b", "long-term", "power_saving_fraction")
        _, ad, _ = mean_of("3b", "adaptive", "power_saving_fraction")
        if x:
            ratio = [b / a for a, b in zip(u, lt) if a > 0]
            lines.append([p, "3b: long-term / uniform, power-saving fraction (mean over q)",
                          "about 0.5", "%.2f" % (sum(ratio) / len(ratio))])
            red2 = [-rel(b, a) for a, b in zip(lt, ad) if a > 0]
            lines.append([p, "3b: adaptive vs long-term (largest reduction over q)",
                          "up to 10 % lower", "%.1f %% lower" % max(red2)])
            lines.append([p, "3b: adaptive power-saving fraction at q = 1", "about 0.01",
                          "%.3f" % ad[-1]])
        x, u, _ = mean_of("4a", "uniform", "normalized_throughput")
        _, lt, _ = mean_of("4a", "long-term", "normalized_throughput")
        _, ad, _ = mean_of("4a", "adaptive", "normalized_throughput")
        if x:
            lines.append([p, "4a: long-term vs uniform throughput at the lowest harvest (x = %g J)" % x[0],
                          "about +10 %", "%+.1f %%" % rel(lt[0], u[0])])
            gain = [rel(b, a) for a, b in zip(lt, ad) if a > 0]
            lines.append([p, "4a: adaptive vs long-term throughput (mean over x)",
                          "about +2 %", "%+.1f %%" % (sum(gain) / len(gain))])
        x, u, _ = mean_of("4b", "uniform", "dropped")
        _, lt, _ = mean_of("4b", "long-term", "dropped")
        _, ad, _ = mean_of("4b", "adaptive", "dropped")
        if x:
            hi = [i for i, v in enumerate(x) if v >= 0.65]
            d_lt = sum(u[i] - lt[i] for i in hi) / len(hi)
            d_ad = sum(u[i] - ad[i] for i in hi) / len(hi)
            lines.append([p, "4b: drops, uniform minus long-term (mean over q >= 0.65)",
                          "about 3", "%.1f" % d_lt])
            lines.append([p, "4b: drops, uniform minus adaptive (mean over q >= 0.65)",
                          "about 7", "%.1f" % d_ad])
            # Elbow: where the slope of the uniform curve reaches half its final slope.
            slopes = [(u[i + 1] - u[i]) / (x[i + 1] - x[i]) for i in range(len(x) - 1)]
            final = slopes[-1] if slopes else 0
            elbow = next((x[i] for i, sl in enumerate(slopes) if final and sl >= 0.5 * final), x[0])
            lines.append([p, "4b: elbow of the uniform drop curve (slope reaches half its final value)",
                          "near q = 0.65", "q = %.2f" % elbow])
    with open(out, "w", newline="") as f:
        csv.writer(f).writerows(lines)
    width = max(len(l[1]) for l in lines)
    for l in lines:
        print("%-14s %-*s %-18s %s" % (l[0], width, l[1], l[2], l[3]))


if __name__ == "__main__":
    if len(sys.argv) >= 2 and sys.argv[1] == "fig2a" and len(sys.argv) == 4:
        fig2a(sys.argv[2], sys.argv[3])
    elif len(sys.argv) >= 2 and sys.argv[1] == "fig2b" and len(sys.argv) == 5:
        fig2b(sys.argv[2], sys.argv[3], sys.argv[4])
    elif len(sys.argv) == 4 and sys.argv[1] == "fig34":
        fig34(sys.argv[2], sys.argv[3])
    elif len(sys.argv) == 4 and sys.argv[1] == "effects":
        effects(sys.argv[2], sys.argv[3])
    else:
        sys.exit(__doc__)
