"""The component contract every input and output component implements.

A component turns what travels on the wire (its *payload*) into what the user's function
takes (its *value*) with ``preprocess``, and the function's return value back into a
payload with ``postprocess``. ``api_info`` is the JSON schema of the payload, shown to API
clients; ``example_payload`` is a valid payload for docs and tests.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from typing_extensions import Unpack

from limelight.core.block import UPDATE, Block, BlockOptions
from limelight.core.events import EventListener

__all__ = ["UPDATE", "Component", "ComponentOptions", "FormComponent", "PayloadError"]

"""The ``__type__`` of a dict that updates a component's properties instead of its value."""


class PayloadError(ValueError):
    """A payload that a component cannot accept; its message names the problem."""


class ComponentOptions(BlockOptions, total=False):
    """Options every component accepts, declared once here."""

    label: str | None
    """The label shown with the component and used as its name in the API docs."""
    info: str | None
    """Extra help text shown under the label."""
    show_label: bool | None
    container: bool
    """False draws the component without its padded box."""
    scale: int | None
    """Relative width in a Row (an integer; 0 or None keeps the natural width)."""
    min_width: int | None
    """Minimum width in pixels; a Row wraps rather than squeeze below it (None: no minimum)."""
    interactive: bool | None
    """Whether users can edit it; None decides by use (an event input is editable)."""
    every: float | Component | None
    """With a callable ``value``: call it again every so many seconds (or on a Timer's tick)."""
    inputs: Component | Sequence[Component] | None
    """With a callable ``value``: the components passed to it; it reruns when they change."""
    buttons: Sequence[str | Block] | None
    """Buttons in the component's corner: built-in ones by name ("copy", "download",
    "fullscreen", ... as the component offers) and ``gr.Button`` instances, which move from
    the layout into the corner and still fire their ``click`` events."""


class Component(Block):
    """Base of every component. Subclasses set ``TYPE`` and implement the contract."""

    SKIP_API = False
    change = EventListener("change", "The value changed, by the user or by a function.")

    def __init__(
        self,
        value: Any = None,
        *,
        label: str | None = None,
        info: str | None = None,
        show_label: bool | None = None,
        container: bool = True,
        scale: int | None = None,
        min_width: int | None = 160,
        interactive: bool | None = None,
        every: float | Component | None = None,
        inputs: Component | Sequence[Component] | None = None,
        buttons: Sequence[str | Block] | None = None,
        **options: Unpack[BlockOptions],
    ) -> None:
        self.label = label
        self.info = info
        self.show_label = True if show_label is None else show_label
        self.container = container
        self.scale = scale
        self.min_width = min_width
        self.interactive = interactive
        self.load_fn: Callable[..., Any] | None = value if callable(value) else None
        self.load_every = every
        self.load_inputs = [inputs] if isinstance(inputs, Component) else list(inputs or [])
        self.buttons: list[str | Block] | None = None if buttons is None else list(buttons)
        for button in self.buttons or []:
            if isinstance(button, Block):
                button.unrender()
        self.initial_value = None if callable(value) else value
        self.value = self.initial_payload()
        super().__init__(**options)

    # The contract ---------------------------------------------------------------------------

    def preprocess(self, payload: Any) -> Any:
        """Turn a payload from the browser or an API client into the function's argument.

        Raises ``PayloadError`` when the payload has the wrong shape or type.
        """
        return payload

    def postprocess(self, value: Any) -> Any:
        """Turn what the function returned into the payload sent to clients."""
        return value

    def initial_payload(self) -> Any:
        """The payload of the value given when the component was made (for the config)."""
        return self.postprocess(self.initial_value)

    def api_info(self) -> dict[str, Any]:
        """The JSON schema of this component's payload."""
        return {}

    def example_payload(self) -> Any:
        """A valid payload, shown in the API docs."""
        return None

    def check_payload(self, payload: Any) -> None:
        """Reject a bad payload before it is queued. Cheap components just preprocess it."""
        self.preprocess(payload)

    # Config ---------------------------------------------------------------------------------

    def component_props(self) -> dict[str, Any]:
        """The props only this kind of component has; subclasses extend it."""
        return {}

    def props(self) -> dict[str, Any]:
        return {
            **super().props(),
            "value": self.value,
            "label": self.label,
            "info": self.info,
            "show_label": self.show_label,
            "container": self.container,
            "scale": self.scale,
            "min_width": self.min_width,
            "interactive": self.interactive,
            "buttons": self._buttons_props(),
            **self.component_props(),
        }

    def _buttons_props(self) -> list[Any] | None:
        if self.buttons is None:
            return None
        return [b if isinstance(b, str) else {**b.props(), "id": b.id} for b in self.buttons]

    def has_button(self, name: str, default: bool = True) -> bool:
        """Whether the built-in corner button ``name`` shows: listed in ``buttons``, or
        ``default`` when ``buttons`` is not given."""
        return default if self.buttons is None else name in self.buttons

    def config(self) -> dict[str, Any]:
        info = self.api_info()
        return {
            **super().config(),
            "api_info": info,
            "api_info_as_input": info,
            "api_info_as_output": info,
            "example_inputs": self.example_payload(),
        }

    def normalize_prop(self, name: str, value: Any) -> Any:
        """The wire form of a prop set through ``gr.update``; ``value`` is postprocessed."""
        return self.postprocess(value) if name == "value" else value


class FormComponent(Component):
    """A component whose value a user edits: it also fires ``input``, ``focus`` and ``blur``."""

    input = EventListener("input", "The user edited the value.")
    focus = EventListener("focus", "The component got keyboard focus.")
    blur = EventListener("blur", "The component lost keyboard focus.")
