#!/usr/bin/python3
"""Every translation is complete and current: fails on an unfinished entry, on an entry whose source string
no longer exists in the code (vanished or obsolete), and on a translation whose placeholders (%1, %n, ...)
differ from its source's.

English (stemcrate_en.ts, language "en", the source's own) holds only the plural forms of the counted strings
("1 hit" / "%n hits" for "%n hit(s)"): it is refreshed with lupdate -pluralonly, which keeps nothing else.

The .ts files are first refreshed with lupdate from the current sources, into a temporary copy (the files
in the tree are not touched), so a string added to the code without a translation counts as unfinished.

usage: check_translations.py LUPDATE CMAKE GENERATOR LUPDATE_PROJECT TS_FILE...
LUPDATE_PROJECT is the project qt_add_translations() writes for update_translations (sources, include
paths); GENERATOR is Qt's GenerateLUpdateProject.cmake, which turns it into lupdate's JSON.
"""

import os
import re
import shutil
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ElementTree

PLACEHOLDER = re.compile(r"%(?:\d+|n|L\d+)")


def is_plurals_only(ts_path):
    """The source language's own file, which holds only plural forms."""
    return ElementTree.parse(ts_path).getroot().get("language", "").split("_")[0] == "en"


def problems_in(ts_path):
    problems = []
    root = ElementTree.parse(ts_path).getroot()
    for context in root.iter("context"):
        context_name = context.findtext("name")
        for message in context.iter("message"):
            source = message.findtext("source") or ""
            translation = message.find("translation")
            where = f"{context_name}: {source!r}"
            kind = translation.get("type") if translation is not None else "unfinished"
            if kind in ("vanished", "obsolete"):
                problems.append(f"{where} is no longer in the code ({kind})")
                continue
            forms = [f.text or "" for f in translation.iter("numerusform")] or [translation.text or ""]
            if kind == "unfinished" or not all(form.strip() for form in forms):
                problems.append(f"{where} is not translated")
                continue
            wanted = sorted(set(PLACEHOLDER.findall(source)))
            for form in forms:
                have = sorted(set(PLACEHOLDER.findall(form)))
                # A plural form may leave %n out (e.g. "one file"), never add or drop a numbered one.
                if [p for p in have if p != "%n"] != [p for p in wanted if p != "%n"]:
                    problems.append(f"{where}: placeholders {wanted} became {have} in {form!r}")
    return problems


def main():
    if len(sys.argv) < 6:
        print(__doc__, file=sys.stderr)
        return 2
    lupdate, cmake, generator, project_cmake = sys.argv[1:5]
    failed = False
    with tempfile.TemporaryDirectory() as scratch:
        project = os.path.join(scratch, "project.json")
        subprocess.run([cmake, f"-DIN_FILE={project_cmake}", f"-DOUT_FILE={project}", "-P", generator],
                       check=True, cwd=os.path.dirname(os.path.dirname(project_cmake)))
        for ts in sys.argv[5:]:
            copy = os.path.join(scratch, os.path.basename(ts))
            shutil.copyfile(ts, copy)
            plurals_only = is_plurals_only(ts)
            run = subprocess.run([lupdate, "-silent", "-project", project, "-locations", "none"]
                                 + (["-pluralonly"] if plurals_only else []) + ["-ts", copy],
                                 capture_output=True, text=True)
            if run.returncode != 0:
                print(f"{ts}: lupdate failed: {run.stderr}", file=sys.stderr)
                failed = True
                continue
            problems = problems_in(copy)
            if problems:
                failed = True
                print(f"{os.path.basename(ts)}: {len(problems)} problems", file=sys.stderr)
                for problem in problems[:40]:
                    print(f"  {problem}", file=sys.stderr)
            else:
                count = len(ElementTree.parse(copy).getroot().findall(".//message"))
                what = "counted strings' plural forms" if plurals_only else "strings"
                print(f"{os.path.basename(ts)}: all {count} {what} translated")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
