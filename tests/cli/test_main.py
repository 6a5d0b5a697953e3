"""The ``limelight`` command: its help lists every command with examples, a file is reload
mode, and a mistake names its fix."""

from __future__ import annotations

import socket
from collections.abc import Iterator
from pathlib import Path

import pytest

from limelight.cli import COMMANDS, main
from limelight.interfaces.blocks import launch_overrides


@pytest.fixture(autouse=True)
def _overrides_restored() -> Iterator[None]:
    """The commands set ``--host``/``--port`` overrides for the process; tests run many."""
    saved = dict(launch_overrides)
    yield
    launch_overrides.clear()
    launch_overrides.update(saved)


def test_help_lists_every_command_with_examples(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exited:
        main(["--help"])
    assert exited.value.code == 0
    shown = capsys.readouterr().out
    for name in COMMANDS:
        assert f"limelight {name} " in shown
        assert f"\n    {name} " in shown or f"\n    {name}\n" in shown
    assert "limelight app.py" in shown


def test_a_file_instead_of_a_command_runs_it_in_reload_mode(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    seen: list[tuple[Path, str | None, int | None]] = []

    def dev_main(args: object) -> int:
        seen.append((args.file, args.host, args.port))  # type: ignore[attr-defined]
        return 0

    monkeypatch.setattr(COMMANDS["dev"], "main", dev_main)
    assert main(["app.py", "--port", "8001"]) == 0
    assert seen == [(Path("app.py"), None, 8001)]


def test_an_unknown_command_names_the_fix(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exited:
        main(["serve"])
    assert "limelight app.py" in str(exited.value.code)
    assert "limelight --help" in str(exited.value.code)


def test_a_missing_file_is_named(tmp_path: Path) -> None:
    with pytest.raises(SystemExit) as exited:
        main(["dev", str(tmp_path / "nothere.py")])
    assert "no such file" in str(exited.value.code)


def test_no_arguments_show_the_help(capsys: pytest.CaptureFixture[str]) -> None:
    assert main([]) == 2
    assert "limelight app.py" in capsys.readouterr().err


def test_a_busy_port_is_one_line_naming_the_fix(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "app.py").write_text("import limelight as gr\ndemo = gr.Blocks()\n")
    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        port = busy.getsockname()[1]
        assert main(["run", str(tmp_path / "app.py"), "--port", str(port)]) == 1
        assert main(["dev", str(tmp_path / "app.py"), "--port", str(port)]) == 1
    shown = capsys.readouterr().err
    assert shown.count(f"limelight: error: Port {port} on 127.0.0.1 is in use") == 2
    assert "--port" in shown and "Traceback" not in shown
