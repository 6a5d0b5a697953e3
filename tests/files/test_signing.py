"""The app's file key: one per cache folder (or from the environment), never per process."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from limelight.files.local import LocalFileStore
from limelight.files.signing import KEY_ENV, KEY_FILE, UnsafeKeyFile, file_key


@pytest.fixture(autouse=True)
def no_configured_key(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(KEY_ENV, raising=False)


def test_the_first_use_creates_a_private_key_file_the_next_reads(tmp_path: Path) -> None:
    first = file_key(tmp_path / "cache")
    path = tmp_path / "cache" / KEY_FILE
    assert len(first) == 32 and path.read_bytes() == first
    assert path.stat().st_mode & 0o777 == 0o600
    assert file_key(tmp_path / "cache") == first
    assert [p.name for p in (tmp_path / "cache").iterdir()] == [KEY_FILE]


def test_a_key_file_another_process_linked_first_wins(tmp_path: Path) -> None:
    theirs = os.urandom(32)
    (tmp_path / KEY_FILE).write_bytes(theirs)
    (tmp_path / KEY_FILE).chmod(0o600)
    assert file_key(tmp_path) == theirs


def test_the_environment_key_is_shared_by_stores_in_different_folders(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(KEY_ENV, "one secret for every machine")
    one = LocalFileStore(tmp_path / "a").add_bytes(b"x", "x.txt")
    two = LocalFileStore(tmp_path / "b").add_bytes(b"x", "x.txt")
    assert one.parent.name == two.parent.name
    assert not (tmp_path / "a" / KEY_FILE).exists()


def test_a_key_file_others_may_read_is_refused(tmp_path: Path) -> None:
    (tmp_path / KEY_FILE).write_bytes(os.urandom(32))
    (tmp_path / KEY_FILE).chmod(0o644)
    with pytest.raises(UnsafeKeyFile):
        file_key(tmp_path)


def test_a_symlinked_key_file_is_refused(tmp_path: Path) -> None:
    planted = tmp_path / "planted"
    planted.write_bytes(os.urandom(32))
    planted.chmod(0o600)
    (tmp_path / "cache").mkdir()
    (tmp_path / "cache" / KEY_FILE).symlink_to(planted)
    with pytest.raises(UnsafeKeyFile):
        file_key(tmp_path / "cache")


def test_processes_starting_together_agree_on_one_key(tmp_path: Path) -> None:
    script = (
        "import sys; from pathlib import Path; from limelight.files.signing import file_key; "
        "print(file_key(Path(sys.argv[1])).hex())"
    )
    env = {k: v for k, v in os.environ.items() if k != KEY_ENV}
    runs = [
        subprocess.Popen(
            [sys.executable, "-c", script, str(tmp_path / "cache")],
            stdout=subprocess.PIPE,
            env=env,
            text=True,
        )
        for _ in range(4)
    ]
    keys = {run.communicate(timeout=60)[0].strip() for run in runs}
    assert len(keys) == 1 and len(keys.pop()) == 64
