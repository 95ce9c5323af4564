"""Prints a Stryker JSON report's mutation score per folder and in all (killed and timed-out mutants over those that
could be detected: killed, timed out, survived, not covered)."""
import collections
import json
import os
import sys

report = json.load(open(sys.argv[1]))
rows = collections.defaultdict(collections.Counter)
for path, file in report["files"].items():
    parts = os.path.normpath(path).split(os.sep)
    folder = parts[parts.index("ConnectingNer.GraphQL.Server") + 1] if "ConnectingNer.GraphQL.Server" in parts else "?"
    folder = "(root)" if folder.endswith(".cs") else folder
    for mutant in file["mutants"]:
        rows[folder][mutant["status"]] += 1
        rows["all"][mutant["status"]] += 1


def score(c):
    detected = c["Killed"] + c["Timeout"]
    valid = detected + c["Survived"] + c["NoCoverage"]
    return 100.0 * detected / valid if valid else float("nan")


print(f"{'folder':<16}{'score':>8}{'killed':>8}{'timeout':>9}{'survived':>10}{'no cover':>10}")
for folder in sorted(k for k in rows if k != "all") + ["all"]:
    c = rows[folder]
    print(f"{folder:<16}{score(c):>7.1f}%{c['Killed']:>8}{c['Timeout']:>9}{c['Survived']:>10}{c['NoCoverage']:>10}")
