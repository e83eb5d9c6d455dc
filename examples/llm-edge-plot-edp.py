#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0-only
"""Cumulative-regret curves of llm-edge-edp-tuner (--regretCsv).

    llm-edge-plot-edp.py REGRET.csv OUT.png

One panel per model: the mean cumulative regret (true cost of the chosen
arm minus the best arm's, summed over batches) of every tuner against the
batch number. Without matplotlib the script says so and exits 0 (no plot).
"""
import csv
import importlib.util
import sys
from collections import defaultdict


def main():
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    if importlib.util.find_spec("matplotlib") is None:
        print("llm-edge-plot-edp: matplotlib not installed, no plot")
        return
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    curves = defaultdict(lambda: defaultdict(list))
    with open(sys.argv[1], newline="") as f:
        for r in csv.DictReader(f):
            curves[r["model"]][r["tuner"]].append(
                (int(r["batch"]), float(r["mean_cumulative_regret"])))
    fig, axes = plt.subplots(1, len(curves), figsize=(6 * len(curves), 4), squeeze=False)
    for ax, (model, tuners) in zip(axes[0], sorted(curves.items())):
        for tuner, pts in sorted(tuners.items()):
            ax.plot([p[0] for p in pts], [p[1] for p in pts], label=tuner)
        ax.set_title(model)
        ax.set_xlabel("batch")
        ax.set_ylabel("cumulative regret (cost units)")
        ax.legend(fontsize=8)
    fig.tight_layout()
    fig.savefig(sys.argv[2], dpi=120)
    print("plot in", sys.argv[2])


if __name__ == "__main__":
    main()
