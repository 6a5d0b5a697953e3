"""The app model: a tree of blocks plus the dependencies wired between them.

``BlocksBase`` holds everything about an app except serving it; the server reads it,
and ``limelight.Blocks`` adds ``launch``/``close`` on top. Keeping the two apart keeps the
layers one-way: components -> app model -> server -> the launchable ``Blocks``.
"""

from __future__ import annotations

import secrets
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal, TypedDict, overload

from typing_extensions import Self, Unpack

from limelight.app._nesting import move_into, retarget
from limelight.app._pages import Page, PageIndex
from limelight.components.base import Component
from limelight.components.state import State
from limelight.components.timer import Timer
from limelight.core.block import Block, BlockContext
from limelight.core.dependency import (
    Dependency,
    DependencyRegistry,
    ListenerOptions,
    Trigger,
    current_root,
    enter_app,
    exit_app,
)
from limelight.core.events import UNSET, Fn, _Unset
from limelight.i18n import I18n
from limelight.themes import Base, resolve as resolve_theme

if TYPE_CHECKING:
    from limelight.app.example_cache import ExampleCache

__all__ = ["BlocksBase", "PageOptions", "QueueSettings"]


class PageOptions(TypedDict, total=False):
    """The page's look, which ``Blocks`` (and so ``Interface``) also takes."""

    theme: Any
    css: str | None
    css_paths: str | Path | Sequence[str | Path] | None
    js: str | None
    head: str | None
    head_paths: str | Path | Sequence[str | Path] | None


class QueueSettings:
    """What ``demo.queue(...)`` sets."""

    def __init__(
        self,
        default_concurrency_limit: int | None = 1,
        max_size: int | None = None,
        status_update_rate: float | Literal["auto"] = "auto",
        api_open: bool = True,
    ) -> None:
        self.default_concurrency_limit = default_concurrency_limit
        self.max_size = max_size
        self.status_update_rate = status_update_rate
        self.api_open = api_open


class BlocksBase(BlockContext, DependencyRegistry):
    """An app: open it with ``with``, create blocks and listeners inside."""

    TYPE = "blocks"

    def __init__(
        self,
        analytics_enabled: bool | None = None,
        mode: str = "blocks",
        title: str = "limelight",
        fill_height: bool = False,
        fill_width: bool = False,
        delete_cache: tuple[int, int] | None = None,
        *,
        theme: Any = None,
        css: str | None = None,
        css_paths: str | Path | Sequence[str | Path] | None = None,
        js: str | None = None,
        head: str | None = None,
        head_paths: str | Path | Sequence[str | Path] | None = None,
    ) -> None:
        """``analytics_enabled`` is accepted for Gradio's sake: limelight sends no analytics.
        The page options (``theme`` to ``head_paths``) may be given here, as before Gradio 6,
        or to ``launch``."""
        DependencyRegistry.__init__(self)
        self.app_id = secrets.randbits(52)
        """Tells clients which build of the app they talk to (a page reloads when it changes):
        random, so that no two builds share one; the servers of one scaled-out app are given
        the same."""
        self.theme: Base | None = resolve_theme(theme)
        self.mode = mode
        self.title = title
        self.css: str | None = None
        self.js: str | None = None
        self.head: str | None = None
        self.set_page_options(css=css, css_paths=css_paths, js=js, head=head, head_paths=head_paths)
        self.fill_height = fill_height
        self.fill_width = fill_width
        self.delete_cache = delete_cache
        self.queue_settings = QueueSettings()
        self.example_caches: list[ExampleCache] = []
        """Examples whose outputs are cached; the server fills them when it starts."""
        self.show_error = False
        self.dev_mode = False
        """Served by ``limelight dev``: the page listens for reloads and errors."""
        self._host: DependencyRegistry | None = None
        """The app this one became part of (see ``app/_nesting.py``), if any."""
        self.max_file_size: int | None = None
        """Largest upload in bytes, set by ``launch``; clients check it before uploading."""
        self.footer_links: list[str | dict[str, str]] = ["api", "gradio", "settings"]
        """The page footer's links, set by ``launch(footer_links=)``."""
        self.pwa = False
        """Whether the page links a web app manifest (``launch(pwa=True)``)."""
        self.i18n: I18n | None = None
        """The app's translations (``launch(i18n=)``), sent to the page."""
        self.page_index = PageIndex()
        BlockContext.__init__(self, render=False)

    def set_page_options(
        self,
        *,
        theme: Any = None,
        css: str | None = None,
        css_paths: str | Path | Sequence[str | Path] | None = None,
        js: str | None = None,
        head: str | None = None,
        head_paths: str | Path | Sequence[str | Path] | None = None,
    ) -> None:
        """Set the page's theme, custom CSS, JavaScript and ``<head>`` HTML (Gradio 6 takes
        them in ``launch``; earlier versions in ``Blocks``). Files in ``css_paths`` and
        ``head_paths`` are read now and added after the inline text; ``css`` or ``js`` naming
        an existing ``.css``/``.js`` file is read too, as in Gradio."""
        if theme is not None:
            self.theme = resolve_theme(theme)
        self.css = _joined(_file_or_text(css, ".css") or self.css, css_paths)
        self.js = _file_or_text(js, ".js") or self.js
        self.head = _joined(head or self.head, head_paths)

    def __enter__(self) -> Self:
        enter_app(self, self)
        return self

    def __exit__(self, *exc: object) -> None:
        exit_app(self, self)
        self._wire_callable_values()
        if exc[0] is None:
            self.page_index.check_navbars(self)
            self.render()

    @property
    def pages(self) -> list[Page]:
        """The app's pages as ``(path, name, show_in_navbar)``, the main page first."""
        return list(self.page_index.pages)

    @property
    def current_page(self) -> str:
        """The path of the page that blocks and listeners created now are added to."""
        return self.page_index.current

    def route(self, name: str, path: str | None = None, show_in_navbar: bool = True) -> Self:
        """Add a page to the app and return the app, to open with ``with``: what is created
        inside goes on that page, served at ``/<path>``.

        ``path`` defaults to ``name`` in lower case with hyphens for spaces (slashes around
        it are dropped); ``show_in_navbar=False`` leaves the page out of the navigation bar
        while its URL still works.

        ```python
        with gr.Blocks() as demo:
            gr.Textbox(label="Name")
        with demo.route("Settings", "/settings"):
            gr.Number()
        ```
        """
        if current_root() is not None:
            raise ValueError(
                "route() cannot be called inside a `with gr.Blocks():` block; call it after "
                "the block (unindent the line)."
            )
        self.page_index.add(name, path, show_in_navbar)
        return self

    def add_child(self, child: Block) -> None:
        """Place ``child`` at the app's top level, on the current page."""
        super().add_child(child)
        self.page_index.place(child)

    def page_of(self, block: Block) -> str | None:
        """The path of the page ``block`` is on (None when it is not placed in the app)."""
        return self.page_index.of(self, block)

    def render(self) -> Self:
        """Inside another app's ``with`` block (or one of its layouts), become part of that
        app; elsewhere nothing happens (an app on its own is served by ``launch``)."""
        host = current_root()
        if host is not None and host is not self and self._host is None:
            move_into(self, host)
            self._host = host
        return self

    def clear(self) -> Self:
        """Empty the app of its blocks and listeners and give it back, so that an app object
        can be laid out anew (``with demo.clear():``), as in Gradio."""
        for child in list(self.children):
            child.parent = None
        self.children.clear()
        self.fns.clear()
        return self

    def add_dependency(
        self,
        targets: list[Trigger],
        fn: Callable[..., Any] | None,
        inputs: Any,
        outputs: Any,
        *,
        trigger_after: int | None = None,
        trigger_only_on_success: bool = False,
        trigger_only_on_failure: bool = False,
        **options: Unpack[ListenerOptions],
    ) -> Dependency:
        """Register a listener; once this app is part of another, on that one."""
        if self._host is None:
            register = super().add_dependency
        else:
            register, targets = self._host.add_dependency, retarget(targets, self, self._host)
        dep = register(
            targets,
            fn,
            inputs,
            outputs,
            trigger_after=trigger_after,
            trigger_only_on_success=trigger_only_on_success,
            trigger_only_on_failure=trigger_only_on_failure,
            **options,
        )
        if self._host is None:
            dep.page = self.current_page
        return dep

    def _wire_callable_values(self) -> None:
        """Components given a function as ``value`` get it called on each page load, and
        again on each tick of ``every`` and each change of ``inputs``. As in Gradio, the event
        is a public endpoint named after the function (``randomize=True`` sliders:
        ``get_random_value``). A State counts too, as in Gradio: its event sets the session's
        value on page load (and its place keeps the listeners numbered as Gradio's)."""
        for block in self.walk():
            if not isinstance(block, Component) or not block.load_fn:
                continue
            wired = any(
                (self, "load") in dep.targets and dep.outputs == [block] for dep in self.fns
            )
            if wired:
                continue
            targets: list[Trigger] = [(self, "load")]
            targets += [(timer, "tick") for timer in self._timers(block.load_every)]
            targets += [(source, "change") for source in block.load_inputs]
            quiet = len(targets) > 1
            dep = self.add_dependency(
                targets,
                block.load_fn,
                block.load_inputs,
                block,
                show_progress="hidden" if quiet else "full",
            )
            page = self.page_of(block)
            dep.page = dep.page if page is None else page

    def _timers(self, every: float | Component | None) -> list[Timer]:
        """The Timer that ``every`` names, placed in the app if it is not placed yet."""
        if isinstance(every, Timer):
            timer = every
        elif isinstance(every, (int, float)) and every > 0:
            timer = Timer(float(every), render=False)
        elif every is None or every == 0:
            return []
        else:
            raise ValueError(f"every= takes a number of seconds or a gr.Timer, not {every!r}")
        if not timer.is_rendered:
            self.add_child(timer)
        return [timer]

    @property
    def blocks(self) -> dict[int, Block]:
        """Every block of the app by id, including blocks used by listeners but not placed
        (a ``gr.Button`` moved into a component's corner by ``buttons=`` is one)."""
        found: dict[int, Block] = {block.id: block for block in self.walk()}
        for dep in self.fns:
            triggers = [b for b, _ in dep.targets if isinstance(b, Block) and b is not self]
            for block in (*dep.inputs, *dep.outputs, *triggers):
                found.setdefault(block.id, block)
        return found

    @overload
    def load(
        self,
        fn: Fn | None,
        inputs: Any = None,
        outputs: Any = None,
        **options: Unpack[ListenerOptions],
    ) -> Dependency: ...

    @overload
    def load(
        self,
        fn: _Unset = UNSET,
        inputs: Any = None,
        outputs: Any = None,
        **options: Unpack[ListenerOptions],
    ) -> Callable[[Fn], Fn]: ...

    def load(
        self,
        fn: Fn | _Unset | None = UNSET,
        inputs: Any = None,
        outputs: Any = None,
        **options: Unpack[ListenerOptions],
    ) -> Dependency | Callable[[Fn], Fn]:
        """Run ``fn`` each time a user opens the page (and on each ``every`` seconds); without
        ``fn``, decorate the function to run (``@demo.load(inputs=..., outputs=...)``)."""
        targets: list[Trigger] = [(self, "load")]
        targets += [(timer, "tick") for timer in self._timers(options.pop("every", None))]
        if isinstance(fn, _Unset):

            def decorate(func: Fn) -> Fn:
                self.add_dependency(targets, func, inputs, outputs, **options)
                return func

            return decorate
        return self.add_dependency(targets, fn, inputs, outputs, **options)

    def unload(self, fn: Callable[[], Any]) -> Dependency:
        """Run ``fn`` when a user's session ends (the page is closed or reloaded)."""
        return self.add_dependency([(self, "unload")], fn, None, None, api_name=False)

    def queue(
        self,
        status_update_rate: float | Literal["auto"] = "auto",
        api_open: bool | None = None,
        max_size: int | None = None,
        *,
        default_concurrency_limit: int | Literal["not_set"] | None = "not_set",
    ) -> Self:
        """Configure the queue every queued event goes through.

        ``default_concurrency_limit`` (1 unless set) is how many calls of one event run at
        once; ``max_size`` bounds how many may wait (None: unbounded).
        """
        settings = self.queue_settings
        settings.status_update_rate = status_update_rate
        if api_open is not None:
            settings.api_open = api_open
        settings.max_size = max_size
        if default_concurrency_limit != "not_set":
            settings.default_concurrency_limit = default_concurrency_limit
        return self

    def concurrency_limit_of(self, dep: Dependency) -> int | None:
        """The limit in force for ``dep``: its own, or the queue's default."""
        if dep.concurrency_limit == "default":
            return self.queue_settings.default_concurrency_limit
        return dep.concurrency_limit

    def dependency(self, fn_index: int) -> Dependency | None:
        """The dependency with this ``fn_index``, if any."""
        return self.fns[fn_index] if 0 <= fn_index < len(self.fns) else None

    def endpoint(self, api_name: str) -> Dependency | None:
        """The callable (not private) dependency named ``api_name``, if any."""
        name = api_name.lstrip("/")
        for dep in self.fns:
            if dep.api_name == name and dep.api_visibility != "private":
                return dep
        return None

    def state_components(self) -> list[State]:
        """Every State of the app."""
        return [block for block in self.blocks.values() if isinstance(block, State)]


def _file_or_text(value: str | None, suffix: str) -> str | None:
    if value and value.strip().endswith(suffix) and "\n" not in value:
        path = Path(value.strip())
        if path.is_file():
            return path.read_text(encoding="utf-8")
    return value


def _joined(text: str | None, paths: str | Path | Sequence[str | Path] | None) -> str | None:
    files = [paths] if isinstance(paths, (str, Path)) else list(paths or [])
    parts = [text] if text else []
    parts += [Path(path).read_text(encoding="utf-8") for path in files]
    return "\n".join(parts) if parts else None
