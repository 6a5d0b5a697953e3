"""The repository stands alone: code and tests cite ``docs/``, never notes kept elsewhere, and
what ``docs/`` cites (sections, threat entries, tests) exists."""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
DOCS = REPO / "docs"
SCANNED = (
    "src",
    "tests",
    "frontend/src",
    "frontend/tests",
    "scripts",
    "benchmarks",
    "demos",
    ".ci",
    "README.md",
    "CONTRIBUTING.md",
    "docs",
    "mkdocs.yml",
)
SKIPPED_DIRS = {"node_modules", "__pycache__", "static", ".hypothesis"}
"""Folders of generated or installed files (``src/limelight/static`` is the frontend build)."""
THIS = Path(__file__).resolve()
"""Skipped by the scan: it spells out the very names it looks for."""

OUTSIDE = re.compile(
    r"\b(?:THREATS|ANCHORS|TOOLCHAIN)\b"  # notes that lived outside the repository
    r"|\b(?:LAYOUT|STYLE)\.md\b"
    r"|(?<!docs/)\bprotocol\.md\b"  # any protocol description but docs/protocol.md
    r"|(?<![\w.~-])/work/"  # an absolute path of one machine
)
SITE_LINK = re.compile(r"(\]\(|^\s*- [^:]+: )(?:\.\./)*(?=protocol\.md)")
"""A link of the docs site (a Markdown link in ``docs/``, a page of ``mkdocs.yml``'s nav): it
is relative to ``docs/``, so ``protocol.md`` there is ``docs/protocol.md``."""
SECURITY_REF = re.compile(r"docs/security\.md((?:[ ,]*#\d+(?:-\d+)?)+)")
PROTOCOL_REF = re.compile(r"docs/protocol\.md((?:[ ,]*§\d+(?:\.\d+)?(?:-\d+)?)+)")


def _files() -> Iterator[Path]:
    for root in SCANNED:
        top = REPO / root
        for path in [top] if top.is_file() else sorted(top.rglob("*")):
            parts = set(path.relative_to(REPO).parts)
            if path.is_file() and not parts & SKIPPED_DIRS and path.resolve() != THIS:
                yield path


def _text(path: Path) -> str:
    data = path.read_bytes()
    return "" if b"\0" in data else data.decode("utf-8", errors="replace")


def _as_cited(path: Path, line: str) -> str:
    """``line`` with the docs site's relative links to ``docs/`` spelled out."""
    if path == REPO / "mkdocs.yml" or DOCS in path.parents:
        return SITE_LINK.sub(lambda m: m.group(1) + "docs/", line)
    return line


def _cited_numbers(refs: str, sign: str) -> list[str]:
    """``"#26, #27"`` -> ``["26", "27"]``; ranges give both ends, sections keep their dot."""
    found = []
    for ref in re.findall(re.escape(sign) + r"(\d+(?:\.\d+)?(?:-\d+)?)", refs):
        found += ref.split("-")
    return found


def _headings(doc: str, level: str) -> set[str]:
    """The numbers of ``doc``'s headings at ``level`` (``##`` or ``###``): ``"7"``, ``"7.3"``."""
    text = (DOCS / doc).read_text(encoding="utf-8")
    return set(re.findall(rf"^{level} (\d+(?:\.\d+)?)\.? ", text, flags=re.MULTILINE))


def test_nothing_cites_notes_outside_the_repository() -> None:
    found = [
        f"{path.relative_to(REPO)}:{number}: {line.strip()}"
        for path in _files()
        for number, line in enumerate(_text(path).splitlines(), 1)
        if OUTSIDE.search(_as_cited(path, line))
    ]
    assert not found, "cite docs/ instead:\n" + "\n".join(found)


def test_citations_of_docs_name_existing_entries_and_sections() -> None:
    entries = _headings("security.md", "###")
    sections = _headings("protocol.md", "##") | _headings("protocol.md", "###")
    texts = [(p, _text(p)) for p in _files()]
    broken = []
    for path, text in texts:
        for refs in SECURITY_REF.findall(text):
            broken += [f"{path.name}: #{n}" for n in _cited_numbers(refs, "#") if n not in entries]
        for refs in PROTOCOL_REF.findall(text):
            broken += [f"{path.name}: §{n}" for n in _cited_numbers(refs, "§") if n not in sections]
    assert not broken


def test_security_entries_are_numbered_in_order() -> None:
    text = (DOCS / "security.md").read_text(encoding="utf-8")
    numbers = [int(n) for n in re.findall(r"^### (\d+)\. ", text, flags=re.MULTILINE)]
    assert numbers == list(range(1, len(numbers) + 1))


@functools.cache
def _defined_tests() -> frozenset[str]:
    return frozenset(
        name
        for path in (REPO / "tests").rglob("*.py")
        for name in re.findall(r"^(?:async )?def (test_\w+)", _text(path), flags=re.MULTILINE)
    )


@pytest.mark.parametrize("doc", sorted(str(p.relative_to(DOCS)) for p in DOCS.rglob("*.md")))
def test_tests_and_files_named_in_docs_exist(doc: str) -> None:
    text = (DOCS / doc).read_text(encoding="utf-8")
    named = set(re.findall(r"`(test_\w+)`", text))
    assert sorted(named - _defined_tests()) == []
    paths = set(re.findall(r"`((?:tests|frontend|src|benchmarks|demos)/[\w/.-]+\.\w+)`", text))
    groups = "server|files|app|interfaces|components|core|chat"
    modules = {f"src/limelight/{m}" for m in re.findall(rf"`((?:{groups})/[\w/]+\.py)`", text)}
    assert sorted(p for p in paths | modules if not (REPO / p).exists()) == []
