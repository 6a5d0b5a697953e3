"""The ``launch()`` keywords checked before the server starts: those limelight refuses, the
footer links, the root path, ``app_kwargs`` and the check of the served certificate."""

from __future__ import annotations

import os
import socket
import ssl
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

from limelight.app.blocks_base import BlocksBase
from limelight.exceptions import UnsupportedOption
from limelight.files.store import parse_size
from limelight.i18n import I18n
from limelight.server.auth import Authenticator, AuthSpec, UserOf
from limelight.server.launch import ConnectionLimits, TlsFiles
from limelight.server.mcp import require_sdk
from limelight.server.services import ServerSettings

__all__ = [
    "APP_KWARGS",
    "FOOTER_LINKS",
    "app_options",
    "check_combinations",
    "connection_limits",
    "env_flag",
    "forwarded_proxies",
    "host_settings",
    "mcp_wanted",
    "prepare_app",
    "refuse_unsupported",
    "resolve_footer_links",
    "resolve_root_path",
    "share_wanted",
    "tls_files",
    "verify_certificate",
]

FOOTER_LINKS = ("api", "gradio", "settings")
"""The footer links limelight draws: "Use via API", "Built with limelight" and "Settings"."""
APP_KWARGS = ("debug", "routes", "middleware", "exception_handlers", "lifespan")
"""The ``app_kwargs`` that apply to limelight's Starlette application."""


def env_flag(name: str) -> bool:
    """Whether ``GRADIO_<name>`` (or ``LIMELIGHT_<name>``) is set to a true value."""
    value = os.environ.get(f"LIMELIGHT_{name}") or os.environ.get(f"GRADIO_{name}") or ""
    return value.strip().lower() in ("1", "true", "yes", "on")


def _asked(value: bool | None, env: str | None = None) -> bool:
    """An option is asked for when set True, or left None while its variable is set."""
    return value is True or (value is None and env is not None and env_flag(env))


def mcp_wanted(mcp_server: bool | None) -> bool:
    """Whether to serve the MCP server: ``mcp_server``, else ``GRADIO_MCP_SERVER``. Raises
    ``ImportError`` naming the extra to install when it is wanted and the SDK is missing."""
    wanted = _asked(mcp_server, "MCP_SERVER")
    if wanted:
        require_sdk()
    return wanted


def share_wanted(share: bool | None) -> bool:
    """Whether to open a share link: ``share``, else ``GRADIO_SHARE``."""
    return _asked(share, "SHARE")


def refuse_unsupported(
    *,
    inline: bool | None = None,
    ssr_mode: bool | None,
    enable_monitoring: bool | None,
    run_history: bool | None,
    where: str = "launch",
) -> None:
    """Raise ``UnsupportedOption`` for the first Gradio feature asked for that limelight
    lacks. Left at their defaults (or False) these keywords change nothing, in Gradio too
    outside a notebook, Hugging Face Spaces or Colab."""
    refused = (
        (_asked(inline), "inline=True", "an app is shown inline only in a Jupyter notebook; "
         "open the local URL in a browser instead"),
        (_asked(ssr_mode, "SSR_MODE"), "ssr_mode=True", "pages render in the browser; "
         "there is no Node server for server-side rendering"),
        (_asked(enable_monitoring), "enable_monitoring=True", "there is no /monitoring page"),
        (_asked(run_history), "run_history=True", "there is no run history page"),
    )  # fmt: skip
    for asked, option, why in refused:
        if asked:
            raise UnsupportedOption(where, option, why)


def check_combinations(
    *,
    auth: object,
    auth_dependency: object,
    i18n: object,
    favicon_path: str | Path | None,
) -> None:
    """Raise for keywords given together that do not go together, or of the wrong kind."""
    if auth is not None and auth_dependency is not None:
        raise ValueError("launch() takes auth or auth_dependency, not both.")
    if i18n is not None and not isinstance(i18n, I18n):
        raise TypeError(f"i18n= takes a gr.I18n, not {type(i18n).__name__}")
    if favicon_path is not None and not Path(favicon_path).is_file():
        raise FileNotFoundError(f"favicon_path: no file at {favicon_path}")


def tls_files(keyfile: str | None, certfile: str | None, password: str | None) -> TlsFiles | None:
    """What to serve HTTPS with; None for HTTP. The key and certificate go together."""
    if keyfile is None and certfile is None:
        return None
    if keyfile is None or certfile is None:
        raise ValueError("ssl_keyfile and ssl_certfile are given together, to serve HTTPS.")
    return TlsFiles(keyfile, certfile, password)


def resolve_footer_links(links: Sequence[str | Mapping[str, str]] | None) -> list[Any]:
    """The footer links to draw: ``"api"``, ``"gradio"``, ``"settings"`` and ``{"label": ...,
    "url": ...}`` links, in order; None gives the three built-in links and an empty list no
    footer."""
    if links is None:
        return list(FOOTER_LINKS)
    if isinstance(links, str):
        raise TypeError("footer_links= takes a list, such as ['api']")
    chosen: list[Any] = []
    for link in links:
        if isinstance(link, Mapping):
            if set(link) != {"label", "url"} or not all(isinstance(v, str) for v in link.values()):
                raise ValueError(f"A footer link dict has a 'label' and a 'url', not {link!r}")
            chosen.append(dict(link))
        elif link == "runs":
            raise UnsupportedOption(
                "launch", "footer_links=['runs']", "there is no run history page"
            )
        elif link in FOOTER_LINKS:
            chosen.append(link)
        else:
            raise ValueError(
                f"Unknown footer link {link!r}; use 'api', 'gradio', 'settings' or a dict"
            )
    return chosen


def resolve_root_path(value: str | None) -> str:
    """The path (or full URL) the app is reached at behind a proxy: ``value``, else
    ``GRADIO_ROOT_PATH``, else none; without its trailing slash."""
    path = value if value is not None else os.environ.get("GRADIO_ROOT_PATH", "")
    if path and not path.startswith(("/", "http://", "https://")):
        raise ValueError(f"root_path= is a path such as '/myapp' or a full URL, not {path!r}")
    return path.rstrip("/")


def app_options(app_kwargs: Mapping[str, Any] | None) -> dict[str, Any]:
    """``app_kwargs`` checked against what limelight's Starlette application takes (Gradio
    passes them to FastAPI, whose own options, such as ``docs_url``, have no counterpart)."""
    options = dict(app_kwargs or {})
    for key in options:
        if key not in APP_KWARGS:
            raise UnsupportedOption(
                "launch",
                f"app_kwargs={{{key!r}: ...}}",
                "the app is a Starlette application, which takes only " + ", ".join(APP_KWARGS),
            )
    return options


def verify_certificate(host: str, port: int) -> None:
    """Connect to the HTTPS server at ``host:port`` and check its certificate as a browser
    would; raise ``ssl.SSLCertVerificationError`` when it does not verify."""
    context = ssl.create_default_context()
    with (
        socket.create_connection((host, port), timeout=10) as sock,
        context.wrap_socket(sock, server_hostname=host),
    ):
        pass


def _env(name: str) -> str | None:
    value = os.environ.get(f"LIMELIGHT_{name}") or os.environ.get(f"GRADIO_{name}")
    return value.strip() if value and value.strip() else None


def _number(name: str, default: float | None) -> float | None:
    """``LIMELIGHT_<name>`` as a number (``none`` for no limit), else ``default``."""
    text = _env(name)
    if text is None:
        return default
    if text.lower() == "none":
        return None
    try:
        return float(text)
    except ValueError:
        raise ValueError(f"LIMELIGHT_{name} must be a number or 'none', not {text!r}") from None


def _names(value: Sequence[str] | str | None, env: str) -> list[str] | None:
    """A list option given as a list, a comma-separated string or ``LIMELIGHT_<env>``."""
    if value is None:
        value = _env(env)
    if isinstance(value, str):
        value = [part for part in value.split(",") if part.strip()]
    return None if value is None else [str(part).strip() for part in value]


def forwarded_proxies(forwarded_allow_ips: Sequence[str] | str | None) -> tuple[str, ...]:
    """The proxies whose ``X-Forwarded-*`` headers are believed: ``forwarded_allow_ips``,
    else ``LIMELIGHT_FORWARDED_ALLOW_IPS``, else uvicorn's own ``FORWARDED_ALLOW_IPS``; none
    unless one is given (docs/security.md #19)."""
    proxies = _names(forwarded_allow_ips, "FORWARDED_ALLOW_IPS")
    if proxies is None and os.environ.get("FORWARDED_ALLOW_IPS"):
        proxies = _names(os.environ["FORWARDED_ALLOW_IPS"], "FORWARDED_ALLOW_IPS")
    return tuple(proxies or ())


def connection_limits(forwarded_allow_ips: Sequence[str] | str | None) -> ConnectionLimits:
    """What one connection may hold, from ``forwarded_allow_ips`` (``forwarded_proxies``)
    and the environment (``LIMELIGHT_HEADER_TIMEOUT``, ``LIMELIGHT_MAX_CONNECTIONS``)."""
    defaults = ConnectionLimits()
    proxies = forwarded_proxies(forwarded_allow_ips)
    timeout = _number("HEADER_TIMEOUT", defaults.header_timeout)
    connections = _number("MAX_CONNECTIONS", defaults.max_connections)
    if timeout is None or timeout <= 0 or connections is None or connections < 1:
        raise ValueError("LIMELIGHT_HEADER_TIMEOUT and LIMELIGHT_MAX_CONNECTIONS must be positive")
    return ConnectionLimits(timeout, int(connections), proxies)


def host_settings(
    *, loopback_only: bool, allowed_hosts: Sequence[str] | str | None, trust_forwarded: bool
) -> dict[str, Any]:
    """The ``ServerSettings`` fields of the ``Host`` check of a server ``launch`` starts: a
    loopback-bound one always checks it (``allowed_hosts`` or ``LIMELIGHT_ALLOWED_HOSTS``
    adds names), another only when given names (docs/security.md #17)."""
    hosts = _names(allowed_hosts, "ALLOWED_HOSTS")
    return {
        "allowed_hosts": [] if hosts is None and loopback_only else hosts,
        "trust_forwarded": trust_forwarded,
    }


def _guard_settings() -> dict[str, Any]:
    """The ``ServerSettings`` fields set only from the environment: each session's share
    of the queue, the login's life and the file access mode."""
    pending = _number("MAX_PENDING_PER_SESSION", 100)
    mode = (_env("FILE_ACCESS") or "default").lower()
    if mode not in ("default", "strict"):
        raise ValueError(f"LIMELIGHT_FILE_ACCESS is 'strict' or 'default', not {mode!r}")
    return {
        "max_pending_per_session": None if pending is None else int(pending),
        "login_ttl": _number("LOGIN_TTL", 7 * 24 * 3600.0),
        "strict_file_access": mode == "strict",
    }


def prepare_app(
    blocks: BlocksBase,
    *,
    loopback_only: bool,
    show_error: bool,
    auth: AuthSpec | None,
    auth_message: str | None,
    auth_dependency: UserOf | None,
    root_path: str | None,
    allowed_paths: Sequence[str | Path] | None,
    blocked_paths: Sequence[str | Path] | None,
    favicon_path: str | Path | None,
    max_file_size: str | int | None,
    pwa: bool | None,
    i18n: I18n | None,
    footer_links: Sequence[str | Mapping[str, str]] | None,
    page_options: Mapping[str, Any],
    **tuning: Any,
) -> ServerSettings:
    """Apply the serving keywords ``launch`` and ``mount_gradio_app`` share to ``blocks``
    (its page options, footer links, ``pwa``, ``i18n``, upload limit) and the settings its
    server runs with; ``tuning`` holds the other ``ServerSettings`` fields (``max_threads``,
    ``allowed_origins``, ...)."""
    check_combinations(
        auth=auth, auth_dependency=auth_dependency, i18n=i18n, favicon_path=favicon_path
    )
    blocks.set_page_options(**page_options)
    blocks.footer_links = resolve_footer_links(footer_links)
    blocks.pwa, blocks.i18n, blocks.show_error = bool(pwa), i18n, show_error
    blocks.max_file_size = parse_size(max_file_size)
    return ServerSettings(
        show_error=show_error,
        loopback_only=loopback_only,
        max_file_size=blocks.max_file_size,
        allowed_paths=[str(p) for p in allowed_paths or []],
        blocked_paths=[str(p) for p in blocked_paths or []],
        auth=Authenticator(auth, auth_message) if auth is not None else None,
        auth_dependency=auth_dependency,
        auth_message=auth_message,
        root_path=resolve_root_path(root_path),
        favicon_path=str(favicon_path) if favicon_path is not None else None,
        pwa=blocks.pwa,
        **{**_guard_settings(), **tuning},
    )
