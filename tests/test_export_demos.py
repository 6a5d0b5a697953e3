"""benchmarks/compat/export_demos.py: Gradio's demo folders out of a git repository."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest
from benchmarks.compat.export_demos import VISIBLE, export, main, read_names

FILES = {
    "demo/hello/run.py": b"print('hello')\n",
    "demo/hello/files/data.csv": b"a,b\n1,2\n",
    "demo/other/run.py": b"print('other')\n",
    "demo/big/run.py": b"print('big')\n",
    "demo/big/weights.bin": b"\x00\x01 not really weights",
    "demo/README.md": b"not a demo\n",
    "gradio/__init__.py": b"",
}


def git(repo: Path, *args: str) -> str:
    identity = ["-c", "user.name=t", "-c", "user.email=t@example.com"]
    done = subprocess.run(
        ["git", "-C", str(repo), *identity, *args], capture_output=True, check=True, text=True
    )
    return done.stdout.strip()


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    """A tiny stand-in for Gradio's repository: three demos and some other files."""
    root = tmp_path / "gradio"
    root.mkdir()
    git(root, "init", "-q")
    for name, data in FILES.items():
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_bytes(data)
    git(root, "add", ".")
    git(root, "commit", "-q", "-m", "demos")
    return root


def test_named_demos_are_exported_with_their_files(repo: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    done = export(repo, out, ["hello", "nonexistent"])
    assert done.demos == ["hello"] and done.files == 2
    assert (out / "hello" / "run.py").read_bytes() == FILES["demo/hello/run.py"]
    assert (out / "hello" / "files" / "data.csv").read_bytes() == FILES["demo/hello/files/data.csv"]
    assert not (out / "other").exists() and not (out / "README.md").exists()
    assert (out / "MISSING.txt").read_text() == "nonexistent (folder missing)\n"


def test_every_demo_of_a_bare_mirror_at_a_given_commit(repo: Path, tmp_path: Path) -> None:
    first = git(repo, "rev-parse", "HEAD")
    (repo / "demo" / "later").mkdir()
    (repo / "demo" / "later" / "run.py").write_bytes(b"print('later')\n")
    git(repo, "add", ".")
    git(repo, "commit", "-q", "-m", "one more")
    mirror = tmp_path / "mirror.git"
    subprocess.run(["git", "clone", "-q", "--bare", str(repo), str(mirror)], check=True)
    assert export(mirror, tmp_path / "now").demos == ["big", "hello", "later", "other"]
    assert export(mirror, tmp_path / "then", rev=first).demos == ["big", "hello", "other"]


def test_a_file_whose_content_is_absent_is_listed_and_the_rest_exported(
    repo: Path, tmp_path: Path
) -> None:
    # A snapshot may lack large files: drop one blob from the object store.
    blob = git(repo, "rev-parse", "HEAD:demo/big/weights.bin")
    (repo / ".git" / "objects" / blob[:2] / blob[2:]).unlink()
    out = tmp_path / "out"
    assert main([str(repo), str(out), "--all"]) == 0
    assert (out / "MISSING.txt").read_text() == "big/weights.bin\n"
    assert (out / "big" / "run.py").exists() and not (out / "big" / "weights.bin").exists()
    assert (out / "other" / "run.py").exists()


def test_not_a_repository_is_a_clear_failure(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main([str(tmp_path), str(tmp_path / "out"), "--all"]) == 1
    assert "git ls-tree" in capsys.readouterr().err


def test_the_visible_list_names_thirty_distinct_demos(tmp_path: Path) -> None:
    names = read_names(VISIBLE)
    assert len(names) == len(set(names)) == 30
    listing = tmp_path / "names.txt"
    listing.write_text("# a comment\n\nhello   what it shows\n  other\n")
    assert read_names(listing) == ["hello", "other"]
