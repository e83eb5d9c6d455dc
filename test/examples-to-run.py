#! /usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0-only
# Examples run by ns-3's test.py (contrib mode): (example, do_run, do_valgrind_run).
# Every example, on small arguments. test.py reads the lists below as text
# (comments stripped, the list evaluated alone: no variables), lists an
# example only if it was built, and evaluates each condition with its
# configuration variables; NS3_ENABLED_MODULES holds 'ns3-<module>' names in
# ns-3.35's waf and in the CMake releases alike, but waf's holds only the
# modules named at configure time, not their dependencies: Wi-Fi stands for
# mobility (ns-3's wifi module depends on it in every release).
# llm-edge-user-topology needs point-to-point; llm-edge-links point-to-point,
# CSMA, Wi-Fi and mobility; llm-edge itself needs none of them.
cpp_examples = [
    ("llm-edge-single-device --replications=20 --csv=none", "True", "False"),
    ("llm-edge-markov --q=0.5 --riskLimit=0.01", "True", "False"),
    ("llm-edge-fig2b --qStep=0.25 --riskCsv=none --qlimCsv=none", "True", "False"),
    ("llm-edge-paper --replications=5 --figures=3a --presets=paper-scaled --csv=none", "True", "False"),
    ("llm-edge-calibrate --experiment=fig2a --searchReplications=5 --finalReplications=5 --maxEvaluations=10 --reachEvaluations=0 --csv=none", "True", "False"),
    ("llm-edge-custom-policy --slots=200", "True", "False"),
    ("llm-edge-edp-tuner --rounds=50 --replications=2 --csv=none", "True", "False"),
    ("llm-edge-sustainability --replications=1 --hours=0.05 --sweepMaxBatch=3 --hybridSlots=50 --beaconPeriods=0,100 --csv=none",
     "'ns3-point-to-point' in NS3_ENABLED_MODULES", "False"),
    ("llm-edge-user-topology --slots=50", "'ns3-point-to-point' in NS3_ENABLED_MODULES", "False"),
    ("llm-edge-links --replications=1 --slots=10 --workers=1 --csv=none",
     "'ns3-point-to-point' in NS3_ENABLED_MODULES and 'ns3-csma' in NS3_ENABLED_MODULES and 'ns3-wifi' in NS3_ENABLED_MODULES",
     "False"),
    ("llm-edge-wifi-topology --slots=5",
     "'ns3-wifi' in NS3_ENABLED_MODULES",
     "False"),
]
python_examples = []
