"""Export Gradio's demo apps from a copy of its repository into a folder, for ``run.py``.

Usage (from the repository root; Python's standard library and ``git`` only)::

    python benchmarks/compat/export_demos.py GRADIO TARGET [--all] [--rev REV] [--names FILE]

``GRADIO`` is a clone of github:gradio-app/gradio or its git directory (a bare mirror will do).
Each demo is a folder ``demo/<name>/`` of that repository; it lands in ``TARGET/<name>/`` with
its ``run.py`` and every other file of the folder. By default the demos named in
``visible.txt`` (beside this file) are exported; ``--all`` exports every demo folder.

Files are read one by one from git's object store, so a copy that lacks some large files
still exports the rest. ``TARGET/MISSING.txt`` lists what could not be exported: a demo whose
folder does not exist (``name (folder missing)``) or a file whose content is absent. Gradio's
demos are never committed to limelight: export them into a scratch folder.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath

__all__ = ["VISIBLE", "Export", "demo_files", "export", "main", "read_names"]

VISIBLE = Path(__file__).resolve().parent / "visible.txt"
"""The demos the harness checks by default, one a line (``#`` starts a comment line)."""
DEMO_ROOT = "demo"


@dataclass
class Export:
    """What an export wrote: the demos, the file count, and what was missing."""

    demos: list[str] = field(default_factory=list)
    files: int = 0
    missing: list[str] = field(default_factory=list)


def read_names(path: Path) -> list[str]:
    """The demo names of a list like ``visible.txt``: the first word of each line that is
    neither blank nor a comment."""
    names = []
    for line in path.read_text(encoding="utf-8").splitlines():
        words = line.split()
        if words and not words[0].startswith("#"):
            names.append(words[0])
    return names


def _git(repo: Path, *args: str, stdin: bytes | None = None) -> bytes:
    # ``-C`` works alike for a work tree, its ``.git`` folder and a bare repository.
    done = subprocess.run(
        ["git", "-C", str(repo), *args], input=stdin, capture_output=True, check=False
    )
    if done.returncode != 0:
        message = done.stderr.decode(errors="replace").strip()
        raise RuntimeError(f"git {' '.join(args)} failed in {repo}: {message}")
    return done.stdout


def demo_files(repo: Path, rev: str = "HEAD") -> dict[str, list[tuple[str, str]]]:
    """Every demo folder at ``rev``: name -> its files as ``(path below demo/, blob id)``."""
    listing = _git(repo, "ls-tree", "-r", "-z", rev, "--", f"{DEMO_ROOT}/")
    demos: dict[str, list[tuple[str, str]]] = defaultdict(list)
    for entry in listing.split(b"\0"):
        if not entry:
            continue
        meta, _, raw_path = entry.partition(b"\t")
        _mode, kind, blob = meta.decode().split()
        if kind != "blob":  # submodules have no content here
            continue
        path = PurePosixPath(raw_path.decode("utf-8", errors="surrogateescape"))
        if len(path.parts) < 3:  # a file directly in demo/, not in a demo's folder
            continue
        demos[path.parts[1]].append((str(path.relative_to(DEMO_ROOT)), blob))
    return dict(demos)


def _read_blobs(repo: Path, blobs: list[str]) -> dict[str, bytes]:
    """The contents of ``blobs`` that the object store holds, in one ``git cat-file`` run."""
    if not blobs:
        return {}
    out = _git(repo, "cat-file", "--batch", stdin="".join(f"{b}\n" for b in blobs).encode())
    found: dict[str, bytes] = {}
    pos = 0
    for blob in blobs:
        end = out.index(b"\n", pos)
        header = out[pos:end].decode().split()
        pos = end + 1
        if len(header) != 3:  # "<id> missing": the snapshot lacks this file
            continue
        size = int(header[2])
        found[blob] = out[pos : pos + size]
        pos += size + 1  # the content is followed by a newline
    return found


def export(repo: Path, target: Path, names: list[str] | None = None, rev: str = "HEAD") -> Export:
    """Write the demos ``names`` (every demo when None) of ``repo`` at ``rev`` to ``target``
    and list what could not be exported in ``target/MISSING.txt``."""
    available = demo_files(repo, rev)
    wanted = sorted(available) if names is None else names
    result = Export()
    chosen: list[tuple[str, str]] = []
    for name in wanted:
        if name in available:
            result.demos.append(name)
            chosen += available[name]
        else:
            result.missing.append(f"{name} (folder missing)")
    contents = _read_blobs(repo, sorted({blob for _, blob in chosen}))
    target.mkdir(parents=True, exist_ok=True)
    for path, blob in chosen:
        if blob not in contents:
            result.missing.append(path)
            continue
        out = target / path
        out.parent.mkdir(parents=True, exist_ok=True)
        out.write_bytes(contents[blob])
        result.files += 1
    missing = "".join(f"{line}\n" for line in result.missing)
    (target / "MISSING.txt").write_text(missing, encoding="utf-8")
    return result


def main(argv: list[str] | None = None) -> int:
    """The command line; exit status 1 when git fails."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("gradio", type=Path, help="a clone of gradio or its git directory")
    parser.add_argument("target", type=Path, help="demos land in TARGET/<demo>/")
    parser.add_argument("--all", action="store_true", help="every demo, not only visible.txt")
    parser.add_argument("--rev", default="HEAD", help="the commit to export (default HEAD)")
    parser.add_argument("--names", type=Path, default=VISIBLE, help="the list of demos to export")
    args = parser.parse_args(argv)
    names = None if args.all else read_names(args.names)
    try:
        done = export(args.gradio, args.target, names, args.rev)
    except RuntimeError as exc:
        print(exc, file=sys.stderr)
        return 1
    print(
        f"exported {len(done.demos)} demos ({done.files} files) to {args.target}; "
        f"missing: {len(done.missing)} (see MISSING.txt)"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
