#!/usr/bin/env python3
"""Run benchmarks in-process against an existing Odoo database.

    python3 tests/perf/run.py --db DB [--clients N] BENCH [BENCH ...]
    python3 tests/perf/run.py --list

BENCH is the NAME of a module tests/perf/bench_NAME.py (``all`` runs every one). A benchmark
module defines ``run(env, args)``: ``env`` is a superuser environment on a fresh cursor of the
database, ``args`` the parsed command line (args.clients is None unless given: each benchmark
has its own default). It prints what it likes and returns a ``benchlib.Ratio``, which this
runner prints as the benchmark's last line:

    RATIO <name>: <value> (goal <op> <goal>)

(a benchmark may instead print that line itself, last, and return None). Optional module
attributes: ``DESCRIPTION`` (one line, for --list) and ``COMMITS = True`` when the benchmark
needs committed data (otherwise ``cr.commit()`` raises, and everything it did is rolled back
at the end so that the database can be reused).

Exit status: 0 when every benchmark ran and reported its ratio, 1 when one failed (or, with
--strict, missed its goal), 2 on a usage error.
"""

import argparse
import glob
import importlib.util
import io
import os
import sys
import time
import traceback

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

import benchlib  # noqa: E402


def available_benchmarks():
    names = {}
    for path in sorted(glob.glob(os.path.join(benchlib.PERF_DIR, "bench_*.py"))):
        names[os.path.basename(path)[len("bench_") : -len(".py")]] = path
    return names


def load_benchmark(name, path):
    spec = importlib.util.spec_from_file_location(f"acct_perf_bench_{name}", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    if not callable(getattr(module, "run", None)):
        raise TypeError(f"{path} defines no run(env, args)")
    return module


def description(path):
    try:
        return getattr(load_benchmark("describe", path), "DESCRIPTION", "").strip()
    except Exception as exc:  # a broken module must not hide the others in --list
        return f"(cannot be loaded: {exc})"


class Tee(io.TextIOBase):
    """Writes through to a stream and remembers the last non-empty line written."""

    def __init__(self, stream):
        self.stream = stream
        self.last_line = ""
        self._partial = ""

    def write(self, text):
        self.stream.write(text)
        self._partial += text
        *done, self._partial = self._partial.split("\n")
        for line in reversed(done):
            if line.strip():
                self.last_line = line
                break
        return len(text)

    def flush(self):
        self.stream.flush()

    def last(self):
        return self._partial if self._partial.strip() else self.last_line


def parse_args(argv):
    parser = argparse.ArgumentParser(
        description="Run the benchmarks of tests/perf against an existing database.",
        epilog="Benchmarks: " + ", ".join(available_benchmarks()),
    )
    parser.add_argument("benchmarks", nargs="*", metavar="BENCH", help="benchmark names, or all")
    parser.add_argument("--db", help="an existing database with the addons installed")
    parser.add_argument("--clients", type=int, help="firm size (each benchmark has a default)")
    parser.add_argument("--years", type=int, default=3, help="years of history (default 3)")
    parser.add_argument("--seed", type=int, default=42, help="random seed (default 42)")
    parser.add_argument("--batch-size", type=int, default=500, help="ORM batch size (500)")
    parser.add_argument("--log-level", default="warn", help="Odoo's log level (default warn)")
    parser.add_argument("--db-user", help="PostgreSQL role (default: $PGUSER or the OS user)")
    parser.add_argument("--strict", action="store_true", help="exit 1 when a goal is missed")
    parser.add_argument("--list", action="store_true", help="list the benchmarks and exit")
    args = parser.parse_args(argv)
    if args.list:
        return args
    if not args.db or not args.benchmarks:
        parser.error("give --db and at least one benchmark (--list shows them)")
    known = available_benchmarks()
    if args.benchmarks == ["all"]:
        args.benchmarks = list(known)
    unknown = [name for name in args.benchmarks if name not in known]
    if unknown:
        parser.error(f"unknown benchmark(s) {', '.join(unknown)}; known: {', '.join(known)}")
    if args.clients is not None and args.clients < 1:
        parser.error("--clients must be at least 1")
    return args


def run_one(registry, name, path, args):
    """Run one benchmark on a cursor of its own: its Ratio, or None when it failed."""
    print(f"== {name}", flush=True)
    tee = Tee(sys.stdout)
    start = time.perf_counter()
    cr = registry.cursor()
    try:
        module = load_benchmark(name, path)
        commits = bool(getattr(module, "COMMITS", False))
        env = benchlib.superuser_env(cr)
        old_stdout, sys.stdout = sys.stdout, tee
        try:
            if commits:
                result = module.run(env, args)
            else:
                with benchlib.no_commit(cr, name):
                    result = module.run(env, args)
        finally:
            sys.stdout = old_stdout
        if isinstance(result, benchlib.Ratio):
            ratio = result
            print(ratio.line(name), flush=True)
        else:
            match = benchlib.RATIO_RE.match(tee.last().strip())
            ratio = benchlib.parse_ratio_line(tee.last()) if match else None
            if ratio is None or match["name"] != name:
                print(
                    f"ERROR {name}: no 'RATIO {name}: <value> (goal <op> <goal>)' line at the end",
                    flush=True,
                )
                return None
        if commits:
            cr.commit()
            registry.signal_changes()
        return ratio
    except Exception:
        traceback.print_exc()
        print(f"ERROR {name}: failed after {time.perf_counter() - start:.1f} s", flush=True)
        return None
    finally:
        cr.rollback()
        cr.close()
        # Rolled-back records may sit in the registry's caches (groups, rules, ...): drop the
        # caches of this process, and signal nothing to other processes.
        registry.reset_changes()
        registry.clear_all_caches()
        registry.cache_invalidated.clear()


def main(argv=None):
    args = parse_args(sys.argv[1:] if argv is None else argv)
    if args.list:
        for name, path in available_benchmarks().items():
            print(f"{name:20} {description(path)}")
        return 0
    known = available_benchmarks()
    registry = benchlib.open_registry(args.db, log_level=args.log_level, db_user=args.db_user)
    status = 0
    for name in args.benchmarks:
        ratio = run_one(registry, name, known[name], args)
        if ratio is None or (args.strict and not ratio.met):
            status = 1
    return status


if __name__ == "__main__":
    sys.exit(main())
