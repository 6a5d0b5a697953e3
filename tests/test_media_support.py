"""The tests' PATH without FFmpeg: a folder holding ``ffmpeg`` stays on PATH for its other
programs, through a copy that lacks it."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

from tests.media_support import path_without_ffmpeg


def test_ffmpeg_is_hidden_and_its_neighbours_stay_reachable(tmp_path: Path) -> None:
    usr_bin, plain = tmp_path / "usr-bin", tmp_path / "plain"
    for folder, programs in ((usr_bin, ("ffmpeg", "ffprobe", "chromium")), (plain, ("tool",))):
        folder.mkdir()
        for name in programs:
            (folder / name).write_text("#!/bin/sh\n")
            (folder / name).chmod(0o755)
    path = path_without_ffmpeg(os.pathsep.join([str(usr_bin), str(plain)]), tmp_path / "shadows")
    assert str(usr_bin) not in path.split(os.pathsep)
    assert path.split(os.pathsep)[1] == str(plain)
    assert shutil.which("ffmpeg", path=path) is None
    assert shutil.which("ffprobe", path=path) is None
    assert Path(str(shutil.which("chromium", path=path))).resolve() == usr_bin / "chromium"
    assert shutil.which("tool", path=path) == str(plain / "tool")
