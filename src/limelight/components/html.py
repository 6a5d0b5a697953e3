"""HTML: markup, or a small custom component drawn from templates in the browser.

With only ``value``, the value is HTML, shown after the browser removes its active content
(scripts, event handlers, ``javascript:`` links; ``<style>`` blocks stay, as in Gradio). The
value itself travels unchanged: API clients get the string the function returned. With
``html_template`` (and ``css_template``, ``js_on_load``, ``head``, extra keyword props) the
browser fills the templates with ``value`` and the props (``${value}`` JavaScript template
expressions, then ``{{value}}`` Handlebars tags, filled by the handlebars library that the page
downloads only for a template with a tag; the text an expression gives is never read as a tag),
scopes the CSS to this component, runs ``js_on_load`` once with ``element``, ``props``,
``trigger``, ``server``, ``upload`` and ``watch``, and fires any event name that script passes
to ``trigger``: ``html.keypress(fn)``.
"""

from __future__ import annotations

import inspect
import re
from collections.abc import Callable, Sequence
from typing import Any

from limelight.components.base import UPDATE, Component, ComponentOptions
from limelight.core.block import BlockContext
from limelight.core.events import BoundListener, EventListener

__all__ = ["HTML"]

DEFAULT_TEMPLATE = "${value}"
CLICK_ON_LOAD = "element.addEventListener('click', () => trigger('click'));"
"""The default ``js_on_load``: a click anywhere on the component fires ``click``."""

_OPTION_NAMES = frozenset(ComponentOptions.__annotations__)


class HTML(Component, BlockContext):
    """Shows HTML, or a custom component made of an HTML template, scoped CSS and JavaScript.

    The app's own ``html_template``, ``css_template``, ``js_on_load`` and ``head`` are trusted
    like ``js=``. Values (``value`` and props, which may come from users) are not: the page
    sanitises the rendered markup before showing it (scripts, event handlers and
    ``javascript:`` links removed) unless ``sanitize=False``; API clients get values as the
    function returned them. Extra keyword arguments become template props, updatable
    with ``gr.update(name=...)`` or by returning ``gr.HTML(name=...)``. Used with ``with``,
    the components created inside are drawn where the template says ``@children``.
    """

    TYPE = "html"
    NOT_TAKEN = frozenset({"info", "interactive"})
    click = EventListener("click", "The user clicked the HTML (with the default js_on_load).")
    submit = EventListener("submit", "js_on_load called trigger('submit').")

    def __init__(
        self,
        value: Any = "",
        *,
        html_template: str = DEFAULT_TEMPLATE,
        css_template: str = "",
        js_on_load: str | None = CLICK_ON_LOAD,
        apply_default_css: bool = True,
        head: str | None = None,
        server_functions: Sequence[Callable[..., Any]] | None = None,
        sanitize: bool = True,
        min_height: int | None = None,
        max_height: int | None = None,
        padding: bool = False,
        autoscroll: bool = False,
        **options: Any,
    ) -> None:
        self.html_template = html_template
        self.css_template = css_template
        self.js_on_load = js_on_load
        self.apply_default_css = apply_default_css
        self.head = head
        self.sanitize = sanitize
        self.min_height = min_height
        self.max_height = max_height
        self.padding = padding
        self.autoscroll = autoscroll
        self.server_fns: dict[str, Callable[..., Any]] = {
            getattr(fn, "__name__", f"fn{i}"): fn for i, fn in enumerate(server_functions or [])
        }
        self.template_props = {k: v for k, v in options.items() if k not in _OPTION_NAMES}
        shared = {k: v for k, v in options.items() if k in _OPTION_NAMES}
        shared.setdefault("show_label", False)
        shared.setdefault("container", False)
        shared.setdefault("min_width", None)
        super().__init__(value, **shared)

    def __getattr__(self, name: str) -> BoundListener:
        # A custom event: any name js_on_load passes to trigger() in quotes, as Gradio allows.
        js = self.__dict__.get("js_on_load") or ""
        if not name.startswith("_") and re.search(rf"""['"`]{re.escape(name)}['"`]""", js):
            return BoundListener(self, name)
        raise AttributeError(
            f"{type(self).__name__!r} object has no attribute {name!r}. A custom event must be "
            f"named in quotes in js_on_load, e.g. trigger('{name}')."
        )

    @property
    def templated(self) -> bool:
        """Whether the value fills a template rather than being the markup itself."""
        return self.html_template != DEFAULT_TEMPLATE

    def preprocess(self, payload: Any) -> Any:
        """The value: the HTML source as ``str``, or with a template whatever JSON it holds."""
        if payload is None:
            return None
        return payload if self.templated else str(payload)

    def postprocess(self, value: Any) -> Any:
        """The markup as a string (with a template, the value as is), unchanged: making it
        safe is the page's job, where it is shown, so API clients get what ``fn`` returned."""
        if value is None:
            return None
        return value if self.templated else str(value)

    def api_info(self) -> dict[str, Any]:
        return {"type": "string"}

    def example_payload(self) -> Any:
        return self.value if self.templated else "<p>Hello</p>"

    def component_props(self) -> dict[str, Any]:
        return {
            "props": dict(self.template_props),
            "html_template": self.html_template,
            "css_template": self.css_template,
            "js_on_load": self.js_on_load,
            "apply_default_css": self.apply_default_css,
            "head": self.head,
            "server_fns": list(self.server_fns) or None,
            "sanitize": self.sanitize,
            "min_height": self.min_height,
            "max_height": self.max_height,
            "padding": self.padding,
            "autoscroll": self.autoscroll,
        }

    def as_update(self) -> dict[str, Any]:
        """Like ``Block.as_update``; template props go under ``props`` as Gradio sends them:
        ``{"props": {"size": 30, "__type__": "update"}, "__type__": "update"}``. A prop that
        a subclass takes as a named parameter is also sent at the top level."""
        update = super().as_update()
        named: set[str] = set()
        for param in inspect.signature(type(self).__init__).parameters.values():
            if param.kind is not param.VAR_KEYWORD:
                named.add(param.name)
            elif isinstance(update.get(param.name), dict):
                update.update(update.pop(param.name))
        given = {k: v for k, v in update.items() if k in self.template_props}
        for name in set(given) - named:
            del update[name]
        if given:
            update["props"] = {**given, "__type__": UPDATE}
        return update
