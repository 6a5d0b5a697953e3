"""``Interface``: a whole app from one function, its inputs and its outputs."""

from __future__ import annotations

import inspect
import os
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any, Literal

from typing_extensions import Unpack

from limelight.app.blocks_base import PageOptions
from limelight.app.examples import Examples
from limelight.components import Button, ClearButton, Component, Markdown, State, component_from
from limelight.components.deep_link_button import DeepLinkButton
from limelight.components.textbox import Textbox
from limelight.core.dependency import Dependency, ListenerOptions
from limelight.core.events import EventListener
from limelight.exceptions import UnsupportedOption
from limelight.interfaces.blocks import Blocks
from limelight.interfaces.flagging import CSVLogger, FlaggingCallback
from limelight.layouts import Accordion, Column, Row

__all__ = ["Interface"]

ComponentSpec = Component | str | type[Component]


def _deep_link_button(deep_link: str | DeepLinkButton | bool | None) -> DeepLinkButton | None:
    """``deep_link``: a button text, a button, or True for the default one (Gradio adds one
    by default on Hugging Face Spaces only, so None adds none)."""
    if isinstance(deep_link, DeepLinkButton):
        return deep_link.unrender()
    if isinstance(deep_link, str):
        return DeepLinkButton(deep_link, render=False, interactive=False)
    return DeepLinkButton(render=False, interactive=False) if deep_link is True else None


def _specs(value: ComponentSpec | Sequence[ComponentSpec] | None) -> list[ComponentSpec]:
    if value is None:
        return []
    if isinstance(value, (list, tuple)):
        return list(value)
    return [value]  # type: ignore[list-item]


class Interface(Blocks):
    """Build an app from ``fn``: one input component per argument, one output per returned
    value. Components may be given as instances, classes or strings such as ``"text"``.

    ```python
    demo = gr.Interface(fn=greet, inputs="text", outputs="text")
    demo.launch()
    ```
    """

    def __init__(
        self,
        fn: Callable[..., Any],
        inputs: ComponentSpec | Sequence[ComponentSpec] | None,
        outputs: ComponentSpec | Sequence[ComponentSpec] | None,
        examples: list[Any] | str | None = None,
        *,
        live: bool = False,
        title: str | None = None,
        description: str | None = None,
        article: str | None = None,
        api_name: str | Literal[False] | None = None,
        api_description: str | Literal[False] | None = None,
        submit_btn: str = "Submit",
        clear_btn: str | None = "Clear",
        concurrency_limit: int | Literal["default"] | None = "default",
        show_progress: Literal["full", "minimal", "hidden"] = "full",
        batch: bool = False,
        max_batch_size: int = 4,
        additional_inputs: ComponentSpec | Sequence[ComponentSpec] | None = None,
        flagging_mode: Literal["never", "auto", "manual"] | None = None,
        flagging_options: Sequence[str | tuple[str, str]] | None = None,
        flagging_dir: str | Path = ".gradio/flagged",
        flagging_callback: FlaggingCallback | None = None,
        examples_per_page: int = 10,
        example_labels: list[str] | None = None,
        additional_inputs_accordion: str | Accordion | None = None,
        stop_btn: str | bool | None = "Stop",
        api_visibility: Literal["public", "undocumented", "private"] = "public",
        time_limit: float | None = None,
        stream_every: float = 0.5,
        cache_examples: bool | Literal["lazy"] | None = None,
        cache_mode: Literal["eager", "lazy"] | None = None,
        preload_example: int | Literal[False] = 0,
        analytics_enabled: bool | None = None,
        _api_mode: bool = False,
        allow_duplication: bool = False,
        delete_cache: tuple[int, int] | None = None,
        fill_width: bool = False,
        fill_height: bool = False,
        deep_link: str | DeepLinkButton | bool | None = None,
        validator: Callable[..., Any] | None = None,
        allow_flagging: Literal["never", "auto", "manual"] | None = None,
        **page_options: Unpack[PageOptions],
    ) -> None:
        if _api_mode:
            raise UnsupportedOption(
                "Interface", "_api_mode=True", "it is Gradio's internal mode for gr.load()"
            )
        super().__init__(
            analytics_enabled,
            mode="interface",
            title=title or "limelight",
            fill_height=fill_height,
            fill_width=fill_width,
            delete_cache=delete_cache,
            **page_options,
        )
        self.cache_examples = cache_examples
        self.cache_mode = cache_mode
        self.preload_example = preload_example
        self.allow_duplication = allow_duplication
        """Gradio shows a "Duplicate this Space" button on Hugging Face Spaces only; limelight
        apps do not run there, so this has no effect (as in Gradio elsewhere)."""
        self.deep_link = _deep_link_button(deep_link)
        legacy_mode = allow_flagging
        self.fn = fn
        self.examples = examples
        self.example_labels = example_labels
        self.additional_count = len(_specs(additional_inputs))
        self.additional_accordion = additional_inputs_accordion
        self.stop_label = stop_btn if isinstance(stop_btn, str) else "Stop" if stop_btn else None
        self.examples_per_page = examples_per_page
        self.examples_handler: Examples | None = None
        mode = flagging_mode or legacy_mode or os.environ.get("GRADIO_FLAGGING_MODE", "manual")
        if mode not in ("never", "auto", "manual"):
            raise ValueError(f"flagging_mode must be 'never', 'auto' or 'manual', not {mode!r}")
        self.flagging_mode = mode
        self.flagging_options: list[tuple[str, str | None]] = [
            (f"Flag as {o}", o) if isinstance(o, str) else (o[0], o[1])
            for o in flagging_options or []
        ]
        self.flagging_dir = Path(flagging_dir)
        self.flagging_callback = flagging_callback or CSVLogger()
        self.input_components = self._resolve([*_specs(inputs), *_specs(additional_inputs)])
        self.output_components = self._resolve(_specs(outputs))
        _share_state(self.input_components, self.output_components)
        self._default_labels(fn)
        for component in self.output_components:
            if component.interactive is None and component not in self.input_components:
                component.interactive = False
        options: ListenerOptions = {
            "api_name": api_name,
            "api_description": api_description,
            "concurrency_limit": concurrency_limit,
            "show_progress": show_progress,
            "batch": batch,
            "max_batch_size": max_batch_size,
            "api_visibility": api_visibility,
            "time_limit": time_limit,
            "stream_every": stream_every,
            "validator": validator,
        }
        self.input_column: Column | None = None
        """The column holding the inputs (None when there are none)."""
        with self:
            self._layout(title, description, article, live, submit_btn, clear_btn, options)

    def _default_labels(self, fn: Callable[..., Any]) -> None:
        """Unlabelled inputs take their parameter's name; unlabelled outputs "output"."""
        try:
            names = [
                p.name
                for p in inspect.signature(fn).parameters.values()
                if p.kind not in (p.VAR_POSITIONAL, p.VAR_KEYWORD)
            ]
        except (TypeError, ValueError):
            names = []
        for name, component in zip(names, self.input_components):
            if component.label is None:
                component.label = name
        several = len(self.output_components) > 1
        for i, component in enumerate(self.output_components):
            if component.label is None:
                component.label = f"output {i}" if several else "output"

    @staticmethod
    def _resolve(specs: list[ComponentSpec]) -> list[Component]:
        return [component_from(spec, render=False) for spec in specs]

    def _layout(
        self,
        title: str | None,
        description: str | None,
        article: str | None,
        live: bool,
        submit_label: str,
        clear_label: str | None,
        options: ListenerOptions,
    ) -> None:
        if title:
            Markdown(f"# {title}", elem_classes="ll-title")
        if description:
            Markdown(description, elem_classes="ll-description")
        submit: Button | None = None
        clear: ClearButton | None = None
        stop: Button | None = None
        with Row():
            if self.input_components:
                with Column(variant="panel") as self.input_column:
                    self._render_inputs()
                    with Row():
                        if clear_label:
                            clear = ClearButton(value=clear_label, variant="secondary")
                        if not live:
                            submit = Button(submit_label, variant="primary")
                            stop = self._stop_button()
            with Column(variant="panel"):
                for component in self.output_components:
                    component.render()
                if not self.input_components and not live:
                    submit = Button("Generate", variant="primary")
                flag_buttons = self._flag_buttons()
                if self.deep_link is not None:
                    self.deep_link.render()
        examples_slot = Column() if self.examples else None
        if article:
            Markdown(article, elem_classes="ll-article")
        main = self._wire(live, submit, clear, options)
        if submit is not None and stop is not None:
            self._wire_stop(main, submit, stop)
        self._wire_flagging(main, flag_buttons, clear)
        if self.deep_link is not None:
            # As in Gradio: the link is worth sharing once there is a result to share.
            main.then(
                lambda: DeepLinkButton(interactive=True),
                None,
                self.deep_link,
                js=True,
                api_visibility="undocumented",
            )
        if examples_slot is not None:
            with examples_slot:
                self._add_examples()

    def _render_inputs(self) -> None:
        """The inputs; additional inputs go in an accordion (closed unless given open)."""
        count = len(self.input_components) - self.additional_count
        for component in self.input_components[:count]:
            component.render()
        if not self.additional_count:
            return
        holder = self.additional_accordion
        if isinstance(holder, Accordion):
            holder.render()
        else:
            holder = Accordion(holder or "Additional Inputs", open=False)
        with holder:
            for component in self.input_components[count:]:
                component.render()

    def _stop_button(self) -> Button | None:
        """A Stop button, shown instead of Submit while a generator function runs."""
        fn = self.fn
        streams = inspect.isgeneratorfunction(fn) or inspect.isasyncgenfunction(fn)
        if not streams or not self.stop_label:
            return None
        return Button(self.stop_label, variant="stop", visible=False)

    def _wire_stop(self, main: Dependency, submit: Button, stop: Button) -> None:
        # The helpers are named (lambda, cleanup) as Gradio's are, so endpoints number alike.
        quiet: ListenerOptions = {
            "api_visibility": "undocumented",
            "queue": False,
            "show_progress": "hidden",
        }

        def cleanup() -> tuple[Button, Button]:
            return Button(visible=True), Button(visible=False)

        self.add_dependency(
            list(main.targets),
            lambda: (Button(visible=False), Button(visible=True)),
            None,
            [submit, stop],
            **quiet,
        )
        main.then(cleanup, None, [submit, stop], **quiet)
        cancelling: ListenerOptions = {**quiet, "cancels": [main]}
        stop.click(cleanup, None, [submit, stop], **cancelling)

    def _add_examples(self) -> None:
        """The examples table, wired after the main function so that it keeps fn_index 0."""
        inputs = [c for c in self.input_components if not isinstance(c, State)]
        self.examples_handler = Examples(
            self.examples or [],
            inputs,
            self.output_components,
            self.fn,
            examples_per_page=self.examples_per_page,
            example_labels=self.example_labels,
            cache_examples=self.cache_examples,
            cache_mode=self.cache_mode,
            preload=self.preload_example,
        )

    def _flag_buttons(self) -> list[tuple[Button, str, str | None]]:
        """Each flag button with its label and the option it stores."""
        if self.flagging_mode != "manual" or not self.output_components:
            return []
        return [
            (Button(label, variant="secondary", size="sm"), label, value)
            for label, value in self.flagging_options or [("Flag", None)]
        ]

    def _wire_flagging(
        self,
        main: Dependency,
        buttons: list[tuple[Button, str, str | None]],
        clear: ClearButton | None,
    ) -> None:
        """Flag buttons (manual) or every successful call (auto) store the current values.

        A flag button reads "Saving..." until the values are stored; Clear resets it. The
        listeners are named as Gradio's are (lambda, Flag, reset), so endpoints number alike.
        """
        flagged = [
            c for c in (*self.input_components, *self.output_components) if not isinstance(c, State)
        ]
        prepared = False

        def flagger(option: str | None, label: str | None) -> Callable[..., Button | None]:
            def flag(*values: Any) -> Button | None:
                nonlocal prepared
                if not prepared:
                    self.flagging_callback.setup(flagged, self.flagging_dir)
                    prepared = True
                self.flagging_callback.flag(list(values), option)
                return None if label is None else Button(value=label, interactive=True)

            flag.__name__ = "Flag"
            return flag

        common: ListenerOptions = {
            "api_visibility": "undocumented",
            "queue": False,
            "show_progress": "hidden",
        }
        raw: ListenerOptions = {**common, "preprocess": False}
        for button, label, option in buttons:
            button.click(
                lambda: Button(value="Saving...", interactive=False), None, button, **common
            )
            button.click(flagger(option, label), flagged, button, **raw)
            if clear is not None:
                clear.click(_reset_to(label), None, button, **common)
        if self.flagging_mode == "auto" and self.output_components:
            main.success(flagger(None, None), flagged, None, **raw)

    def _wire(
        self,
        live: bool,
        submit: Button | None,
        clear: ClearButton | None,
        options: ListenerOptions,
    ) -> Dependency:
        inputs, outputs = self.input_components, self.output_components
        if live:
            # A streaming input (a webcam, a microphone) runs the function on each chunk it
            # streams, as Gradio does; the other inputs on each change.
            streams = {c.id for c in inputs if _streams(c)}
            triggers = [
                (c, "stream" if c.id in streams else "change")
                for c in inputs
                if not isinstance(c, State)
            ]
            if streams:
                options = {**options, "show_progress": "hidden", "trigger_mode": "multiple"}
        else:
            triggers = [(submit, "click")] if submit is not None else []
            triggers += [(c, "submit") for c in inputs if isinstance(c, Textbox) and c.lines == 1]
        main = self.add_dependency(triggers, self.fn, inputs, outputs, **options)  # type: ignore[arg-type]
        if clear is not None:
            clear.add([*inputs, *outputs])
            if self.input_column is not None:
                # Shows the inputs again when an app hid them (named js_fn_1, as in Gradio).
                reshown = '() => [{"visible": true, "__type__": "update"}]'
                clear.click(None, [], [self.input_column], js=reshown, api_visibility="private")
        return main


def _share_state(inputs: list[Component], outputs: list[Component]) -> None:
    """An Interface keeps one State: the function reads it as an input and its new value,
    returned as an output, replaces it. So the output State is the input one (a value
    given to the output's own ``gr.State`` is not used), as in Gradio."""
    ins = [i for i, c in enumerate(inputs) if isinstance(c, State)]
    outs = [i for i, c in enumerate(outputs) if isinstance(c, State)]
    if not ins and not outs:
        return
    if len(ins) != 1 or len(outs) != 1:
        raise ValueError(
            "An Interface with a State needs exactly one State input and one State output."
        )
    outputs[outs[0]] = inputs[ins[0]]


def _streams(component: Component) -> bool:
    """Whether ``component`` is a streaming input: ``streaming=True`` on a block that fires
    ``stream`` (gr.Image's webcam, gr.Audio's microphone)."""
    fires = isinstance(getattr(type(component), "stream", None), EventListener)
    return fires and getattr(component, "streaming", False) is True


def _reset_to(label: str) -> Callable[[], Button]:
    """A flag button's listener on Clear: its label back, clickable again."""

    def reset() -> Button:
        return Button(value=label, interactive=True)

    return reset
