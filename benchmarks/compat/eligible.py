"""Which of Gradio's demos the harness can judge here: no model, no API key, no network.

A demo is eligible when everything its ``requirements.txt`` asks for is installed beside both
Gradio and limelight (the libraries below) and its sources show no sign of reaching outside this
machine (a model hub, a remote API, a file fetched by URL, OAuth, a share link). The rule is
applied to the demo's files, never to a hand-kept list, so the same selection comes out of
every export.
"""

from __future__ import annotations

import re
from pathlib import Path

__all__ = ["LIBRARIES", "ineligible_reason", "select"]

# What both environments hold: limelight's dev extra plus scipy, Gradio plus the same.
LIBRARIES = {"numpy", "pandas", "pillow", "matplotlib", "plotly", "altair", "scipy", "gradio"}
# Source text that means the demo reaches a model, a service or a URL at run time (a share
# link is a tunnel to Gradio's share server).
OUTSIDE = re.compile(
    r"requests\.|urllib|gr\.load\(|from_pretrained|hf_hub_download|pipeline\(|openai|HF_TOKEN"
    r"|https?://[^ \"']*\.(?:jpg|png|wav|mp3|mp4|csv|json)|datasets|load_dataset|OAuth"
    r"|Spaces|spaces\.|share\s*=\s*True"
)


def _requirements(demo: Path) -> set[str]:
    path = demo / "requirements.txt"
    if not path.exists():
        return set()
    names = set()
    for line in path.read_text(errors="replace").splitlines():
        name = re.split(r"[<>=~ \[;]", line.strip(), maxsplit=1)[0].lower()
        if name and not name.startswith("#"):
            names.add(name)
    return names


def ineligible_reason(demo: Path) -> str | None:
    """Why ``demo`` cannot be judged here, or None when it can."""
    if not (demo / "run.py").exists():
        return "no run.py"
    missing = _requirements(demo) - LIBRARIES
    if missing:
        return "needs " + ", ".join(sorted(missing))
    for source in sorted(demo.glob("*.py")):
        found = OUTSIDE.search(source.read_text(errors="replace"))
        if found:
            return f"reaches outside ({source.name}: {found.group(0)!r})"
    return None


def select(demos_dir: Path) -> list[Path]:
    """The eligible demo folders under ``demos_dir``, sorted by name."""
    folders = sorted(p.parent for p in demos_dir.glob("*/run.py"))
    return [demo for demo in folders if ineligible_reason(demo) is None]
