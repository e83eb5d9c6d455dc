#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0-only
"""Plot of one run's time series (LlmEdgeTraceHelper, --timeSeries=FILE).

    llm-edge-plot-timeseries.py TIMESERIES.csv [OUT.png]

One panel per device: battery level (% of capacity) over time, the power
mode as coloured bands behind it, power saving hatched in grey, completed
jobs as green triangles and refused jobs as red crosses on the level line.
The CSV is tidy (long): time_s,node,device,variable,value. OUT.png defaults
to the CSV's name with .png. The lower right corner names the version that
made the data (from TIMESERIES.csv.meta.json, as llm-edge-plots.py does).
Without matplotlib the script says so and exits 0 (no plot).
"""
import csv
import importlib.util
import os
import sys
from collections import defaultdict

MODE_COLOURS = ["#c6dbef", "#fdd0a2", "#c7e9c0", "#dadaeb", "#fcbba1"]


def read(path):
    """{(node, device): {variable: [(t, value), ...]}} in time order."""
    data = defaultdict(lambda: defaultdict(list))
    with open(path, newline="") as f:
        for r in csv.DictReader(f):
            data[(int(r["node"]), int(r["device"]))][r["variable"]].append(
                (float(r["time_s"]), float(r["value"])))
    for series in data.values():
        for v in series.values():
            v.sort(key=lambda x: x[0])
    return data


def intervals(points, end):
    """(start, stop, value) of a step function given by its changes."""
    out = []
    for i, (t, v) in enumerate(points):
        stop = points[i + 1][0] if i + 1 < len(points) else end
        if stop > t:
            out.append((t, stop, v))
    return out


def level_at(points, t):
    """The step function's value at t (the last change at or before t)."""
    value = points[0][1] if points else 0.0
    for s, v in points:
        if s > t:
            break
        value = v
    return value


def plot(path, out, plt, stamp):
    data = read(path)
    if not data:
        sys.exit("%s: no rows" % path)
    end = max(t for s in data.values() for v in s.values() for t, _ in v)
    keys = sorted(data, key=lambda k: k[1])
    fig, axes = plt.subplots(len(keys), 1, figsize=(10, 1.6 * len(keys) + 1.2), sharex=True,
                             squeeze=False)
    modes_seen = set()
    for ax, key in zip(axes[:, 0], keys):
        s = data[key]
        level = [(t, 100 * v) for t, v in s.get("battery_fraction", [])]
        for a, b, m in intervals(s.get("mode", []), end):
            ax.axvspan(a, b, color=MODE_COLOURS[int(m) % len(MODE_COLOURS)], lw=0)
            modes_seen.add(int(m))
        for a, b, on in intervals(s.get("power_saving", []), end):
            if on:
                ax.axvspan(a, b, facecolor="none", edgecolor="0.35", hatch="///", lw=0)
        if level:
            ts, vs = zip(*(level + [(end, level[-1][1])]))
            ax.step(ts, vs, where="post", color="k", lw=1)
        for var, marker, colour in [("job_completed", "^", "tab:green"),
                                    ("job_refused", "x", "tab:red")]:
            pts = s.get(var, [])
            if pts:
                ax.plot([t for t, _ in pts], [level_at(level, t) for t, _ in pts], marker,
                        color=colour, ms=5, ls="none")
        ax.set_ylim(0, 105)
        ax.set_ylabel("node %d\nbattery %%" % key[0], fontsize=8)
    axes[-1, 0].set_xlabel("time (s)")
    handles = [plt.Rectangle((0, 0), 1, 1, color=MODE_COLOURS[m % len(MODE_COLOURS)])
               for m in sorted(modes_seen)]
    labels = ["mode %d" % m for m in sorted(modes_seen)]
    handles += [plt.Rectangle((0, 0), 1, 1, facecolor="none", edgecolor="0.35", hatch="///"),
                plt.Line2D([], [], marker="^", color="tab:green", ls="none"),
                plt.Line2D([], [], marker="x", color="tab:red", ls="none")]
    labels += ["power saving", "job completed", "job refused"]
    fig.legend(handles, labels, loc="upper center", bbox_to_anchor=(0.5, 0.975), ncol=len(labels),
               fontsize=7, frameon=False)
    fig.suptitle("Battery of every device over time", y=0.995, fontsize=10)
    stamp(fig, path)
    fig.tight_layout(rect=(0, 0.03, 1, 0.95))
    fig.savefig(out, dpi=120)
    print("plot written to %s" % out)


def main(argv):
    if len(argv) not in (2, 3):
        sys.exit(__doc__)
    path = argv[1]
    out = argv[2] if len(argv) == 3 else os.path.splitext(path)[0] + ".png"
    try:
        import matplotlib
    except ImportError:
        print("llm-edge-plot-timeseries: matplotlib is not installed; no plot "
              "(Debian: apt-get install python3-matplotlib)")
        return 0
    matplotlib.use("Agg")
    import matplotlib.pyplot as plt
    # The provenance stamp of the other plots (same folder).
    spec = importlib.util.spec_from_file_location(
        "llm_edge_plots", os.path.join(os.path.dirname(os.path.abspath(__file__)),
                                       "llm-edge-plots.py"))
    plots = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(plots)
    plot(path, out, plt, plots.stamp)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
