#!/usr/bin/env python3
"""Plots of the llm-edge paper reproductions from their CSV files.

    llm-edge-plots.py fig2a fig2a.csv fig2a.png
    llm-edge-plots.py fig2b fig2b-risk.csv fig2b-qlim.csv fig2b.png
"""
import csv
import sys

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402

MODES = ["15W", "30W", "60W", "dynamic"]


def rows(path):
    with open(path, newline="") as f:
        return list(csv.DictReader(f))


def fig2a(data, out):
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
    fig.tight_layout()
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
    fig.tight_layout()
    fig.savefig(out, dpi=120)


if __name__ == "__main__":
    if len(sys.argv) >= 2 and sys.argv[1] == "fig2a" and len(sys.argv) == 4:
        fig2a(sys.argv[2], sys.argv[3])
    elif len(sys.argv) >= 2 and sys.argv[1] == "fig2b" and len(sys.argv) == 5:
        fig2b(sys.argv[2], sys.argv[3], sys.argv[4])
    else:
        sys.exit(__doc__)
