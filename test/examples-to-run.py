#! /usr/bin/env python3
# Examples run by ns-3's test.py (contrib mode): (example, do_run, do_valgrind_run).
cpp_examples = [
    ("llm-edge-single-device --replications=20 --csv=none", "True", "False"),
    ("llm-edge-user-topology --slots=50", "True", "False"),
    ("llm-edge-fig2b --qStep=0.25 --riskCsv=none --qlimCsv=none", "True", "False"),
    ("llm-edge-paper --replications=5 --figures=3a --presets=paper-scaled --csv=none", "True", "False"),
]
python_examples = []
