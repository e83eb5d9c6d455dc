#! /usr/bin/env python3
# Examples run by ns-3's test.py (contrib mode): (example, do_run, do_valgrind_run).
cpp_examples = [
    ("llm-edge-single-device --replications=20 --csv=none", "True", "False"),
]
python_examples = []
