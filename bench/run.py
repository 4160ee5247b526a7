"""Run every benchmark of this folder in turn (`make bench`); each prints its own medians and percentiles.

Benchmarks are meant for PostgreSQL: set DATABASE_URL (e.g. postgres://postgres@127.0.0.1:5432/nege_bench).
"""

import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent

if __name__ == "__main__":
    failures = 0
    for script in sorted(HERE.glob("*.py")):
        if script.name in {"run.py", "__init__.py"} or script.name.startswith("_"):
            continue
        print(f"\n### {script.name}", flush=True)
        failures += subprocess.call([sys.executable, str(script), *sys.argv[1:]]) != 0
    sys.exit(1 if failures else 0)
