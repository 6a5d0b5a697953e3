"""``limelight run app.py [--port N] [--host H] [--backend URL] [--workers N]``: serve an
app file."""

from __future__ import annotations

import argparse
import os
import runpy
import sys
from pathlib import Path

from limelight import gradio_alias
from limelight.cli._app_args import add_app_arguments, require_file
from limelight.cli.supervisor import Supervisor, listen, shared_socket
from limelight.files.stores import BACKEND_ENV, FILE_STORE_ENV, WORKERS_ENV, shares_state
from limelight.interfaces.blocks import launch_overrides
from limelight.interfaces.reload import find_app
from limelight.server.launch import GRACE_ENV, choose_port, grace_period

__all__ = ["add_parser", "main", "run_file", "run_workers"]

REFUSAL = (
    "error: --workers {count} needs a shared backend: each process keeps its queue, event "
    "streams and sessions in memory, which the others cannot see, so a request answered by "
    "another process would not find them. Pass --backend redis://HOST:6379/0 or set "
    f"{BACKEND_ENV}."
)


def add_parser(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """``limelight run app.py``: its arguments."""
    run = commands.add_parser("run", help="run an app file that defines `demo` or calls launch()")
    add_app_arguments(run)
    run.add_argument(
        "--backend",
        default=None,
        help="where the app's shared state lives: memory (default) or redis://HOST:PORT/DB, "
        "so that many processes serve the app (overrides launch(backend=))",
    )
    run.add_argument(
        "--workers",
        type=int,
        default=1,
        help="processes serving the app on one port (above 1 needs a shared backend); "
        "a worker that dies is started again",
    )
    run.add_argument(
        "--grace-period",
        type=float,
        default=None,
        help=f"seconds running jobs get to finish after SIGTERM (default 25; {GRACE_ENV})",
    )
    run.add_argument(
        "--file-store",
        default=None,
        help=f"s3://bucket/prefix or a folder the processes share ({FILE_STORE_ENV})",
    )


def run_file(
    file: Path, host: str | None, port: int | None, demo_name: str, backend: str | None = None
) -> None:
    """Run ``file`` as ``__main__``; serve its app if the file neither launches nor mounts
    it. ``backend`` overrides the file's ``launch(backend=)`` (and serves mounted apps). In a
    worker of ``--workers``, the app serves on the socket its parent shares."""
    require_file(file)
    if backend:
        launch_overrides["backend"] = backend
    if host:
        launch_overrides["host"] = host
    if port is not None:
        launch_overrides["port"] = port
    shared = shared_socket()
    if shared is not None:
        launch_overrides["socket"] = shared
    sys.path.insert(0, str(file.resolve().parent))
    os.environ.setdefault("GRADIO_ANALYTICS_ENABLED", "False")
    namespace = runpy.run_path(str(file), run_name="__main__")
    app = find_app(namespace, demo_name)
    # A mounted app is served by its host application, which the file runs itself; an app
    # the file launched and that has since stopped (Ctrl-C, SIGTERM) is not served again.
    if app.local_url is None and app.mount_path is None:
        app.launch()


def _env(name: str) -> str | None:
    return os.environ.get(f"LIMELIGHT_{name}") or os.environ.get(f"GRADIO_{name}")


def run_workers(args: argparse.Namespace) -> int:
    """Serve ``args.file`` with ``args.workers`` processes sharing one port."""
    if os.name != "posix":
        raise SystemExit("error: --workers needs a POSIX system (Linux, macOS)")
    backend = (args.backend or os.environ.get(BACKEND_ENV) or "").strip()
    if not shares_state(backend):
        raise SystemExit(REFUSAL.format(count=args.workers))
    require_file(args.file)
    host = args.host or _env("SERVER_NAME") or "127.0.0.1"
    wanted = args.port or _env("SERVER_PORT")
    sock = listen(host, choose_port(host, int(wanted) if wanted else None))
    port = sock.getsockname()[1]
    env = {**os.environ, BACKEND_ENV: backend, WORKERS_ENV: str(args.workers)}
    command = [sys.executable, "-m", "limelight.cli", "run", str(args.file), "--host", host]
    command += ["--demo-name", args.demo_name, *(["--gradio"] if args.gradio else [])]
    print(f"* Serving {args.file} on http://{host}:{port}/ with {args.workers} workers")
    return Supervisor(command, env, args.workers, sock).run()


def main(args: argparse.Namespace) -> int:
    """Serve the app of ``args.file``."""
    if args.workers < 1:
        raise SystemExit("error: --workers takes a number of processes, 1 or more")
    if args.grace_period is not None:
        os.environ[GRACE_ENV] = str(args.grace_period)
        grace_period()
    if args.file_store:
        os.environ[FILE_STORE_ENV] = args.file_store
    if args.workers > 1:
        return run_workers(args)
    if args.gradio:
        gradio_alias.install()
    run_file(args.file, args.host, args.port, args.demo_name, args.backend)
    return 0
