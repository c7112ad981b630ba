#!/usr/bin/python3
"""Fails when the build (or the tests) read a file from a Debian package that packaging/dev.sh's install
step does not bring in through hard dependencies.

CI runs README's test command under `strace -f -e trace=open,openat,execve` (packaging/ci_check_deps.sh).
This script reads that trace, maps every file that was opened or executed to the installed package that
ships it (dpkg's file lists, with merged-/usr aliases and symlinks resolved), and compares the packages with
the closure of dev.sh's list over Depends and Pre-Depends (not Recommends or Suggests), plus what every
Debian 12 system has (Essential: yes and Priority: required). Any package outside it is reported with the
files read from it, and the exit status is 1.

Why: dev.sh installs with --no-install-recommends, so a package that is only recommended (OpenCL, which
Debian's oneDNN CMake config needs) is missing on a fresh machine although it happens to be installed on a
developer's one, and a build there is green.

usage: check_build_deps.py TRACE [TRACE...] --packages PKG [PKG...] [--ignore DIR...]
"""

import argparse
import os
import re
import sys

DPKG_INFO = "/var/lib/dpkg/info"
DPKG_STATUS = "/var/lib/dpkg/status"
# Only files below these roots can come from a package; the source and build trees, /tmp, /proc and /sys
# cannot.
PACKAGE_ROOTS = ("/usr/", "/lib", "/bin/", "/sbin/", "/etc/", "/opt/", "/var/lib/")
TRACE_LINE = re.compile(r'^\d+\s+(open|openat|execve)\((?:[A-Z_]+,\s*)?"((?:[^"\\]|\\.)*)"')


def read_status(path=DPKG_STATUS):
    """Installed packages: name -> fields (Depends, Pre-Depends, Provides, Priority, Essential)."""
    packages = {}
    with open(path, encoding="utf-8", errors="replace") as status:
        for stanza in status.read().split("\n\n"):
            fields = {}
            key = None
            for line in stanza.splitlines():
                if line.startswith((" ", "\t")) and key:
                    fields[key] += " " + line.strip()
                elif ":" in line:
                    key, value = line.split(":", 1)
                    fields[key] = value.strip()
            name = fields.get("Package")
            if name and fields.get("Status", "").endswith(" installed"):
                packages[name] = fields
    return packages


def parse_relation(text):
    """'a (>= 1) | b:any, c' -> [['a', 'b'], ['c']] (names only)."""
    clauses = []
    for clause in filter(None, (c.strip() for c in text.split(","))):
        alternatives = []
        for alternative in clause.split("|"):
            name = re.sub(r"\(.*?\)|\[.*?\]|<.*?>", "", alternative).strip().split(":")[0]
            if name:
                alternatives.append(name)
        clauses.append(alternatives)
    return clauses


def closure(roots, installed):
    """Packages that installing `roots` brings in through Depends and Pre-Depends, as resolved here: an
    alternative or virtual package resolves to the first alternative that is installed (a real package or
    one that provides it)."""
    providers = {}
    for name, fields in installed.items():
        for provided in parse_relation(fields.get("Provides", "")):
            providers.setdefault(provided[0], []).append(name)

    def resolve(alternatives):
        for name in alternatives:
            if name in installed:
                return [name]
            if name in providers:
                return providers[name][:1]
        return []

    seen = set()
    pending = [name for name in roots if name in installed]
    missing_roots = [name for name in roots if name not in installed and name not in providers]
    pending += [providers[name][0] for name in roots if name not in installed and name in providers]
    while pending:
        name = pending.pop()
        if name in seen:
            continue
        seen.add(name)
        fields = installed[name]
        for relation in ("Pre-Depends", "Depends"):
            for alternatives in parse_relation(fields.get(relation, "")):
                pending.extend(resolve(alternatives))
    return seen, missing_roots


def file_owners():
    """Path -> package, from dpkg's file lists, with /usr-merged aliases (/lib/x -> /usr/lib/x)."""
    owners = {}
    for entry in os.listdir(DPKG_INFO):
        if not entry.endswith(".list"):
            continue
        package = entry[: -len(".list")].split(":")[0]
        with open(os.path.join(DPKG_INFO, entry), encoding="utf-8", errors="replace") as listing:
            for path in listing.read().splitlines():
                owners.setdefault(path, package)
    for path, package in list(owners.items()):
        for alias in aliases(path):
            owners.setdefault(alias, package)
    return owners


def aliases(path):
    for top in ("/lib", "/lib64", "/bin", "/sbin", "/libx32", "/lib32"):
        if path.startswith(top + "/"):
            yield "/usr" + path
        if path.startswith("/usr" + top + "/"):
            yield path[len("/usr"):]


EXIT_LINE = re.compile(r"^(\d+)\s+\+\+\+ exited with (\d+) \+\+\+")
# Files a program reads when they happen to exist and does without otherwise: message catalogues and
# locales; the .pth files Python's site module reads from every installed package at start-up; font files,
# which fontconfig picks from whatever fonts are installed (the ones the tests need are on dev.sh's list);
# the dynamic linker's search-path snippets, which GNU ld reads from every package that drops one there;
# glibc's NSS modules and PAM's modules, which a program loads because /etc/nsswitch.conf or /etc/pam.d names
# them, and those lists are written by the packages that install the modules (tests/slurm's runuser opens a
# PAM session, Slurm's daemons look up users; a machine without libpam-systemd neither lists nor loads it).
OPTIONAL_READS = re.compile(r"^/usr/share/locale/|^/usr/lib/locale/|^/usr/share/locale-langpack/"
                            r"|^/usr/lib/python3/dist-packages/[^/]+\.pth$|^/usr/share/fonts/"
                            r"|^/etc/ld\.so\.conf\.d/[^/]+\.conf$"
                            r"|^(/usr)?/lib/x86_64-linux-gnu/libnss_[^/]+\.so[.0-9]*$"
                            r"|^(/usr)?/lib/x86_64-linux-gnu/security/pam_[^/]+\.so$")


def traced_files(trace_paths):
    """Files read or executed, from strace -f output (pid-prefixed lines). Not counted: files a failed
    pkg-config read (a lookup of a missing module scans every .pc file on the machine to suggest names)."""
    files = set()
    for trace_path in trace_paths:
        reads = {}  # pid -> files
        program = {}
        failed = set()
        with open(trace_path, encoding="utf-8", errors="replace") as trace:
            for line in trace:
                exited = EXIT_LINE.match(line)
                if exited:
                    if exited.group(2) != "0":
                        failed.add(exited.group(1))
                    continue
                match = TRACE_LINE.match(line)
                if not match or "= -1 " in line:
                    continue
                pid = line.split(None, 1)[0]
                if match.group(1) == "execve":
                    program[pid] = match.group(2)
                # Reads and executions only: a file opened for writing is the build's output.
                elif "O_WRONLY" in line or "O_RDWR" in line or "O_CREAT" in line:
                    continue
                if not OPTIONAL_READS.match(match.group(2)):
                    reads.setdefault(pid, set()).add(match.group(2))
        for pid, paths in reads.items():
            if pid in failed and os.path.basename(program.get(pid, "")) == "pkg-config":
                continue
            files |= paths
    return files


def owner_of(path, owners):
    candidates = [path]
    try:
        candidates.append(os.path.realpath(path))
    except OSError:
        pass
    for candidate in list(candidates):
        candidates.extend(aliases(candidate))
    for candidate in candidates:
        if candidate in owners:
            return owners[candidate]
    return None


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("traces", nargs="+", help="strace output files")
    parser.add_argument("--packages", nargs="+", required=True, help="dev.sh's package list")
    parser.add_argument("--ignore", nargs="*", default=[], help="folders whose files are not checked")
    args = parser.parse_args()

    installed = read_status()
    baseline = {name for name, fields in installed.items()
                if fields.get("Essential") == "yes" or fields.get("Priority") == "required"}
    allowed, missing_roots = closure(list(baseline) + args.packages, installed)
    if missing_roots:
        print("check_build_deps: dev.sh lists packages that are not installed: " + " ".join(missing_roots),
              file=sys.stderr)
        return 1

    owners = file_owners()
    ignored = tuple(os.path.realpath(d) + "/" for d in args.ignore)
    used = {}
    for path in traced_files(args.traces):
        if not path.startswith(PACKAGE_ROOTS) or os.path.realpath(path).startswith(ignored):
            continue
        if os.path.isdir(path):  # directories are shared by many packages; their files are what counts
            continue
        package = owner_of(path, owners)
        if package:
            used.setdefault(package, set()).add(path)

    outside = {package: files for package, files in used.items() if package not in allowed}
    print(f"check_build_deps: the build and tests read files of {len(used)} packages; "
          f"dev.sh's list brings in {len(allowed)} through Depends/Pre-Depends (with the base system)")
    if not outside:
        print("check_build_deps: every one of them is brought in by dev.sh's list")
        return 0
    for package in sorted(outside):
        files = sorted(outside[package])
        shown = ", ".join(files[:3]) + (f" (+{len(files) - 3} more)" if len(files) > 3 else "")
        print(f"check_build_deps: {package} is read but not installed by packaging/dev.sh "
              f"(not a Depends/Pre-Depends of its list): {shown}", file=sys.stderr)
    return 1


if __name__ == "__main__":
    sys.exit(main())
