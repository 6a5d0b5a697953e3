"""Run exported Gradio demos on limelight and check them against Gradio 6.31.

Usage (from the repository root):
    .venv/bin/python benchmarks/compat/run.py DEMOS_DIR [--gradio-python PY] [--only NAME ...]
        [--json OUT.json] [--no-browser] [--eligible] [--jobs N]

DEMOS_DIR holds one folder per demo with its run.py (see benchmarks/compat/README.md).
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
from dataclasses import asdict, dataclass, field
from pathlib import Path

from playwright.sync_api import Browser, sync_playwright

sys.path.insert(0, str(Path(__file__).resolve().parent))

from api import call_all, compare_info, example_rows, fetch_info, sample_files
from eligible import select
from login import demo_auth, login_cookies
from servers import Server, start_gradio, start_limelight

from browser import check_page, launch

CHECKS = ("start", "info", "call", "browser")
START_TIMEOUT = 90.0


@dataclass
class Result:
    """The outcome of the four checks of one demo: 'pass', 'FAIL' or 'skip', and why."""

    demo: str
    status: dict[str, str] = field(default_factory=lambda: dict.fromkeys(CHECKS, "skip"))
    problems: dict[str, list[str]] = field(default_factory=dict)
    notes: list[str] = field(default_factory=list)
    seconds: float = 0.0
    judged: bool = True

    def record(self, check: str, problems: list[str]) -> None:
        self.status[check] = "FAIL" if problems else "pass"
        if problems:
            self.problems[check] = problems


def _start_check(server: Server) -> list[str]:
    if not server.wait_ready(START_TIMEOUT):
        return [server.problem, server.log()[-600:]]
    problems = [] if server.status == 200 else [f"GET / answered {server.status}"]
    errors = server.log_errors()
    return problems + ([f"log: {errors}"] if errors else [])


def check_demo(
    demo_dir: Path, gradio_python: Path | None, browser: Browser | None, work: Path
) -> Result:
    """Run the four checks for one demo."""
    result = Result(demo_dir.name)
    began = time.monotonic()
    ours = start_limelight(demo_dir, work)
    theirs = start_gradio(demo_dir, gradio_python, work) if gradio_python else None
    try:
        if theirs is not None and not theirs.wait_ready(START_TIMEOUT):
            # A demo that Gradio itself cannot run here (a folder it expects, a model) says
            # nothing about limelight: it is left out of the totals, with the reason.
            result.judged = False
            result.notes.append(f"Gradio does not start it here: {theirs.problem}")
            result.notes.append(theirs.log()[-300:])
            return result
        result.record("start", _start_check(ours))
        startup = time.monotonic() - began  # both servers read their clocks within this
        if result.status["start"] == "FAIL" and ours.process.poll() is not None:
            return result
        # A demo behind a login is checked logged in, with the credentials it gives.
        auth = demo_auth(demo_dir)
        reference = None
        if theirs is not None:
            try:
                reference = fetch_info(theirs.url, login_cookies(theirs.url, auth))
            except Exception as exc:  # Gradio's side failing: compare without it, and say so
                result.notes.append(f"gradio /info unavailable ({exc}); compared without it")
        try:
            cookies = login_cookies(ours.url, auth)
            info = fetch_info(ours.url, cookies)
        except Exception as exc:  # a broken login or /info fails the info and call checks
            result.record("info", [f"/gradio_api/info: {exc}"])
            return result
        result.record("info", compare_info(info, reference))
        files = sample_files(work / "files")
        theirs_url = theirs.url if reference is not None and theirs is not None else None
        try:
            examples = example_rows(
                theirs_url or ours.url, login_cookies(theirs_url or ours.url, auth)
            )
            calls = call_all(
                ours.url, theirs_url, info, reference, files, examples, result.notes, startup, auth
            )
        except Exception as exc:  # a client that cannot even connect fails the check, no more
            calls = [f"gradio_client: {type(exc).__name__}: {exc}"]
        result.record("call", calls)
        if browser is not None:
            result.record("browser", check_page(browser, ours.url, files, theirs_url, auth))
    finally:
        ours.stop()
        if theirs is not None:
            theirs.stop()
        result.seconds = round(time.monotonic() - began, 1)
    return result


def print_table(results: list[Result]) -> None:
    """The table of results and the totals."""
    print(f"\n{'demo':30} " + " ".join(f"{c:8}" for c in CHECKS) + "  seconds")
    for result in results:
        cells = " ".join(f"{result.status[c]:8}" for c in CHECKS)
        print(f"{result.demo:30} {cells}  {result.seconds:6.1f}")
    unjudged = [r.demo for r in results if not r.judged]
    if unjudged:
        print(f"\nnot judged (Gradio does not start them here): {', '.join(unjudged)}")
    results = [r for r in results if r.judged]
    passed = sum(all(r.status[c] == "pass" for c in CHECKS) for r in results)
    per_check = ", ".join(
        f"{c} {sum(r.status[c] == 'pass' for r in results)}/{len(results)}" for c in CHECKS
    )
    print(f"\ntotal: {passed}/{len(results)} demos pass all checks ({per_check})")


def print_problems(results: list[Result]) -> None:
    """Why each failing check failed, and the notes (where Gradio itself errors)."""
    for result in results:
        for note in result.notes:
            print(f"  {result.demo} [note] {note}"[:400])
        for check, problems in result.problems.items():
            for problem in problems:
                print(f"  {result.demo} [{check}] {problem}".replace("\n", " ")[:400])


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0] if __doc__ else None)
    parser.add_argument("demos", type=Path, help="folder of exported demos (DEMO/run.py)")
    parser.add_argument("--gradio-python", type=Path, help="python of a Gradio 6.31 venv")
    parser.add_argument("--only", nargs="*", default=None, help="run only these demos")
    parser.add_argument("--json", type=Path, default=None, help="write the results here")
    parser.add_argument("--no-browser", action="store_true", help="skip the chromium check")
    parser.add_argument(
        "--eligible", action="store_true", help="only demos that need no model, key or network"
    )
    parser.add_argument("--jobs", type=int, default=1, help="demos checked at once (processes)")
    return parser


def _run_sharded(args: argparse.Namespace, demos: list[Path], work: Path) -> list[Result]:
    """Check the demos in ``args.jobs`` child processes, each a plain run over its share."""
    children = []
    for index in range(args.jobs):
        share = [demo.name for demo in demos[index :: args.jobs]]
        if not share:
            continue
        out = work / f"shard{index}.json"
        argv = [sys.executable, __file__, str(args.demos), "--json", str(out), "--only", *share]
        if args.gradio_python:
            argv += ["--gradio-python", str(args.gradio_python)]
        if args.no_browser:
            argv.append("--no-browser")
        log = (work / f"shard{index}.log").open("wb")
        children.append((subprocess.Popen(argv, stdout=log, stderr=log), out))
    results = []
    for child, out in children:
        child.wait()
        if out.exists():
            results += [Result(**row) for row in json.loads(out.read_text())]
    return sorted(results, key=lambda result: result.demo)


def _run(args: argparse.Namespace, demos: list[Path], work: Path) -> list[Result]:
    results: list[Result] = []
    with sync_playwright() as playwright:
        browser = None if args.no_browser else launch(playwright)
        for demo in demos:
            results.append(check_demo(demo, args.gradio_python, browser, work))
            print(f"{demo.name}: {results[-1].status}", flush=True)
            print_problems(results[-1:])
    return results


def main() -> int:
    """Run every demo, print the table, write JSON; exit 1 when any check fails."""
    args = _parser().parse_args()
    demos = select(args.demos) if args.eligible else sorted(args.demos.glob("*/run.py"))
    demos = [demo if demo.is_dir() else demo.parent for demo in demos]
    if args.only:
        demos = [d for d in demos if d.name in args.only]
    work = Path(tempfile.mkdtemp(prefix="limelight-compat-"))
    results = _run_sharded(args, demos, work) if args.jobs > 1 else _run(args, demos, work)
    print_table(results)
    print_problems(results)
    print(f"server logs: {work}")
    if args.json:
        args.json.write_text(json.dumps([asdict(r) for r in results], indent=2))
    judged = [r for r in results if r.judged]
    return 0 if all(v == "pass" for r in judged for v in r.status.values()) else 1


if __name__ == "__main__":
    sys.exit(main())
