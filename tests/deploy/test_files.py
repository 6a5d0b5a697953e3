"""The deployment files in ``deploy/`` (docs/scaleout.md, "Deploying"): the Dockerfile
linted by hadolint and checked instruction by instruction, the compose file and the
Kubernetes manifest parsed and checked, the manifest against Kubernetes' own schemas."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import yaml

REPO = Path(__file__).resolve().parents[2]
DEPLOY = REPO / "deploy"
VENV_BIN = Path(sys.executable).parent


def _tool(name: str) -> str:
    """A linter from the dev extra (in this venv or on PATH); CI must have it."""
    found = shutil.which(name, path=f"{VENV_BIN}{os.pathsep}{os.environ.get('PATH', '')}")
    if found is None:
        if os.environ.get("CI"):
            pytest.fail(f"{name} is missing; it comes with the dev extra")
        pytest.skip(f"{name} is not installed (pip install -e '.[dev]')")
    return found


def instructions(text: str) -> list[tuple[str, str]]:
    """A Dockerfile's instructions as ``(KEYWORD, arguments)``, continuation lines joined
    and comments (parser directives included) left out."""
    found: list[tuple[str, str]] = []
    pending = ""
    for line in text.splitlines():
        stripped = line.strip()
        if not pending and (not stripped or stripped.startswith("#")):
            continue
        pending += stripped[:-1] + " " if stripped.endswith("\\") else stripped
        if not stripped.endswith("\\"):
            keyword, _, arguments = pending.partition(" ")
            found.append((keyword.upper(), arguments.strip()))
            pending = ""
    assert not pending, "a continuation line ends the file"
    return found


def load_all(name: str) -> list[dict[str, Any]]:
    return [doc for doc in yaml.safe_load_all((DEPLOY / name).read_text()) if doc]


def test_the_dockerfile_passes_hadolint() -> None:
    linted = subprocess.run(
        [_tool("hadolint"), "--no-color", str(DEPLOY / "Dockerfile")],
        capture_output=True,
        text=True,
        check=False,
    )
    assert linted.returncode == 0, linted.stdout + linted.stderr


def test_the_dockerfile_builds_from_the_repository_and_runs_the_app_unprivileged() -> None:
    steps = instructions((DEPLOY / "Dockerfile").read_text())
    known = {"FROM", "WORKDIR", "COPY", "RUN", "ENV", "ARG", "USER", "EXPOSE", "CMD"}
    assert {keyword for keyword, _ in steps} <= known
    stages = [args for keyword, args in steps if keyword == "FROM"]
    assert len(stages) == 2 and stages[0].endswith(" AS frontend")
    for keyword, args in steps:
        if keyword == "COPY" and not args.startswith("--from") and "$" not in args:
            *sources, _ = args.split()
            assert all((REPO / source).exists() for source in sources), args
    built = next(args for keyword, args in steps if keyword == "ARG").split("=", 1)[1]
    assert (REPO / built).is_file()
    assert steps[-1][0] == "CMD"
    command = json.loads(steps[-1][1])
    assert command[:3] == ["limelight", "run", "/app/app.py"] and "--workers" not in command
    assert ("USER", "10001") in steps and ("EXPOSE", "7860") in steps
    installs = " ".join(args for keyword, args in steps if keyword == "RUN")
    assert '".[redis,s3]"' in installs, "the image has the shared backend and S3 store"


def test_compose_runs_redis_replicated_apps_and_round_robin_nginx() -> None:
    (compose,) = load_all("compose.yaml")
    services = compose["services"]
    assert set(services) == {"redis", "app", "nginx"}
    app = services["app"]
    assert (REPO / "deploy" / app["build"]["context"] / app["build"]["dockerfile"]).is_file()
    assert app["deploy"]["replicas"] >= 2
    assert app["command"][:3] == ["limelight", "run", "/app/app.py"]
    assert "--workers" in app["command"], "several processes per container"
    assert app["environment"]["LIMELIGHT_BACKEND"].startswith("redis://redis:6379")
    store = app["environment"]["LIMELIGHT_FILE_STORE"]
    assert any(volume.endswith(f":{store}") for volume in app["volumes"]), "a shared volume"
    assert app["depends_on"]["redis"]["condition"] == "service_healthy"
    grace = float(app["environment"]["LIMELIGHT_GRACE_PERIOD"])
    assert grace < float(app["stop_grace_period"].rstrip("s"))
    nginx = services["nginx"]
    mounted = nginx["volumes"][0].split(":")
    assert (DEPLOY / mounted[0]).resolve() == DEPLOY / "nginx.conf"
    assert mounted[1] == "/etc/nginx/conf.d/default.conf"
    assert set(compose["volumes"]) == {"files"}


def test_nginx_balances_round_robin_without_sticky_sessions() -> None:
    conf = (DEPLOY / "nginx.conf").read_text()
    directives = [line.split("#")[0].strip() for line in conf.splitlines()]
    assert not [d for d in directives if re.match(r"(ip_hash|hash|sticky|least_conn)\b", d)]
    assert "server app:7860;" in directives and "proxy_buffering off;" in directives


def test_the_kubernetes_manifest_is_valid_and_has_no_session_affinity() -> None:
    validator = pytest.importorskip("kubernetes_validate")
    documents = load_all("kubernetes.yaml")
    for document in documents:
        validator.validate(document, validator.latest_version(), strict=True)
    kinds = {(d["kind"], d["metadata"]["name"]): d for d in documents}
    assert set(kinds) == {
        ("Deployment", "limelight-redis"),
        ("Service", "limelight-redis"),
        ("Deployment", "limelight"),
        ("Service", "limelight"),
    }
    app = kinds[("Deployment", "limelight")]["spec"]
    assert app["replicas"] >= 2
    assert kinds[("Service", "limelight")]["spec"]["sessionAffinity"] == "None"
    pod = app["template"]["spec"]
    (container,) = pod["containers"]
    env = {item["name"]: item["value"] for item in container["env"]}
    assert env["LIMELIGHT_BACKEND"] == "redis://limelight-redis:6379/0"
    assert env["LIMELIGHT_FILE_STORE"].startswith("s3://")
    assert float(env["LIMELIGHT_GRACE_PERIOD"]) < pod["terminationGracePeriodSeconds"]
    assert "--workers" in container["args"]


def test_a_wrong_field_in_a_manifest_is_caught() -> None:
    validator = pytest.importorskip("kubernetes_validate")
    service = load_all("kubernetes.yaml")[-1]
    service["spec"]["sessionAffinty"] = "None"
    with pytest.raises(validator.ValidationError):
        validator.validate(service, validator.latest_version(), strict=True)
