"""``ChatInterface``: a whole chat app around one function ``fn(message, history)``."""

from __future__ import annotations

import hashlib
import os
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any, Literal

from typing_extensions import Unpack

from limelight.app.blocks_base import PageOptions
from limelight.app.example_cache import ExampleCache
from limelight.chat.events import EditData, RetryData
from limelight.components import Button, Chatbot, Component, Markdown, State, component_from
from limelight.components.json_component import JSON
from limelight.components.multimodal_textbox import MultimodalTextbox
from limelight.components.textbox import Textbox
from limelight.core.dependency import Dependency, ListenerOptions, docstring_summary, endpoint_name
from limelight.core.events import SelectData
from limelight.interfaces._chat_responder import (
    NO_CHANGE,
    Turn,
    adapt,
    api_history,
    api_value,
    is_empty,
    reply_messages,
    user_messages,
)
from limelight.interfaces.blocks import Blocks
from limelight.interfaces.flagging import ChatCSVLogger
from limelight.layouts import Accordion, Column, Group, Row

__all__ = ["ChatInterface"]

ComponentSpec = Component | str | type[Component]
Visibility = Literal["public", "undocumented", "private"]
_HIDDEN: ListenerOptions = {"api_visibility": "undocumented", "queue": False}


def _same(value: Any) -> Any:
    return value


def _as_list(value: Any) -> list[Any]:
    if value is None:
        return []
    return list(value) if isinstance(value, (list, tuple)) else [value]


class ChatInterface(Blocks):
    """A chat app for ``fn(message, history, *additional_inputs)``.

    ``fn`` returns the reply (text, a file, a component, a ``gr.ChatMessage`` or a list of
    messages) or, as a generator, yields the reply so far to stream it. ``history`` is the
    conversation before ``message``, as a list of ``{"role", "content", ...}`` dicts. With
    ``multimodal=True`` the message is ``{"text": str, "files": [path, ...]}``.

    ```python
    def echo(message, history):
        return message

    gr.ChatInterface(echo).launch()
    ```

    API clients call it by ``api_name`` (the function's name unless given) with the message
    and any additional inputs, and receive the reply; the conversation is kept per session.

    With ``flagging_mode="manual"`` (or ``GRADIO_CHAT_FLAGGING_MODE``) bot messages show
    ``flagging_options`` ("Like" and "Dislike" as thumbs, others under a flag), and each
    reaction appends the conversation to ``<flagging_dir>/log.csv``.
    """

    def __init__(
        self,
        fn: Callable[..., Any],
        *,
        multimodal: bool = False,
        chatbot: Chatbot | None = None,
        textbox: Textbox | MultimodalTextbox | None = None,
        additional_inputs: ComponentSpec | Sequence[ComponentSpec] | None = None,
        additional_inputs_accordion: str | Accordion | None = None,
        additional_outputs: Component | Sequence[Component] | None = None,
        editable: bool = False,
        examples: list[Any] | None = None,
        examples_label: str | None = "Examples",
        example_labels: list[str] | None = None,
        example_icons: list[str] | None = None,
        run_examples_on_click: bool = True,
        title: str | None = None,
        description: str | None = None,
        autofocus: bool = True,
        autoscroll: bool = True,
        submit_btn: str | bool | None = True,
        stop_btn: str | bool | None = True,
        concurrency_limit: int | Literal["default"] | None = "default",
        show_progress: Literal["full", "minimal", "hidden"] = "minimal",
        fill_height: bool = True,
        fill_width: bool = False,
        api_name: str | None = None,
        api_description: str | Literal[False] | None = None,
        api_visibility: Visibility = "public",
        save_history: bool = False,
        flagging_mode: Literal["never", "manual"] | None = None,
        flagging_options: Sequence[str] | None = ("Like", "Dislike"),
        flagging_dir: str | Path = ".gradio/flagged",
        cache_examples: bool | Literal["lazy"] | None = None,
        cache_mode: Literal["eager", "lazy"] | None = None,
        analytics_enabled: bool | None = None,
        delete_cache: tuple[int, int] | None = None,
        validator: Callable[..., Any] | None = None,
        **page_options: Unpack[PageOptions],
    ) -> None:
        mode = flagging_mode or os.environ.get("GRADIO_CHAT_FLAGGING_MODE", "never")
        if mode not in ("never", "manual"):
            raise ValueError(f"flagging_mode must be 'never' or 'manual', not {mode!r}")
        super().__init__(
            analytics_enabled,
            mode="chat_interface",
            title=title or "limelight",
            fill_height=fill_height,
            fill_width=fill_width,
            delete_cache=delete_cache,
            **page_options,
        )
        self.fn = fn
        self.multimodal = multimodal
        self.editable = editable
        self.examples = examples
        self.run_examples_on_click = run_examples_on_click
        self.save_history = save_history
        self.additional_inputs = [
            component_from(spec, render=False) for spec in _as_list(additional_inputs)
        ]
        self.additional_outputs: list[Component] = _as_list(additional_outputs)
        self._listen: ListenerOptions = {
            "concurrency_limit": concurrency_limit,
            "show_progress": show_progress,
            "validator": validator,
        }
        with self:
            self._layout(title, description, chatbot, textbox, autofocus, autoscroll)
            self._configure_input(submit_btn, stop_btn, fill_height)
            self._examples(examples, example_labels, example_icons)
            self._cache = self._example_cache(cache_examples, cache_mode)
            self._accordion(additional_inputs_accordion)
            self._wire(api_name, api_description, api_visibility)
            if mode == "manual":
                self._flagging(flagging_options, flagging_dir)

    # Layout ---------------------------------------------------------------------------------

    def _layout(
        self,
        title: str | None,
        description: str | None,
        chatbot: Chatbot | None,
        textbox: Textbox | MultimodalTextbox | None,
        autofocus: bool,
        autoscroll: bool,
    ) -> None:
        with Column(scale=1, min_width=320):
            if title:
                Markdown(f"# {title}", elem_classes="ll-title")
            if description:
                Markdown(description, elem_classes="ll-description")
            self.chatbot = chatbot.render() if chatbot else Chatbot(label="Chatbot", scale=1)
            self.chatbot.autoscroll = self.chatbot.autoscroll and autoscroll
            if self.chatbot.label is None:
                self.chatbot.label = "Chatbot"
            with Group(), Row():
                self.textbox = textbox.render() if textbox else self._default_textbox(autofocus)
            self.api_trigger = Button("Fake API", visible=False)
            self.api_response = JSON(label="Response", visible=False)
            self.api_history = State([])
            self.chatbot_value = State([])
            """The conversation shown, as a value other events can read or set (setting it
            shows that conversation, as in Gradio)."""

    def _default_textbox(self, autofocus: bool) -> Textbox | MultimodalTextbox:
        common: dict[str, Any] = {
            "show_label": False,
            "label": "",  # as in Gradio: the API description shows the message's label empty
            "placeholder": "Type a message...",
            "scale": 7,
            "autofocus": autofocus,
        }
        if self.multimodal:
            return MultimodalTextbox(**common)
        return Textbox(**common)

    def _configure_input(
        self, submit_btn: str | bool | None, stop_btn: str | bool | None, fill_height: bool
    ) -> None:
        box = self.textbox
        box.elem_classes = [*box.elem_classes, "ll-chat-input"]
        if box.submit_btn in (False, None) or submit_btn is not True:
            box.submit_btn = submit_btn if submit_btn is not None else False
        box.stop_btn = stop_btn if stop_btn is not None else False
        if (
            fill_height
            and self.chatbot.height == 400
            and "height" not in self.chatbot._constructor_args
        ):
            self.chatbot.height = "min(70vh, 900px)"
        if self.editable and self.chatbot.editable is None:
            self.chatbot.editable = "user"
        if self.save_history:
            digest = hashlib.sha256(f"{self.title}|{getattr(self.fn, '__name__', '')}".encode())
            self.chatbot.save_history_key = f"limelight-chat-{digest.hexdigest()[:12]}"

    def _examples(
        self, examples: list[Any] | None, labels: list[str] | None, icons: list[str] | None
    ) -> None:
        if not examples or self.chatbot.examples:
            return
        shown = []
        for i, example in enumerate(examples):
            message = example[0] if isinstance(example, (list, tuple)) else example
            entry: dict[str, Any] = (
                dict(message) if isinstance(message, dict) else {"text": str(message)}
            )
            if labels and i < len(labels):
                entry["display_text"] = labels[i]
            if icons and i < len(icons):
                entry["icon"] = icons[i]
            shown.append(entry)
        self.chatbot.examples = shown

    def _example_cache(
        self, cache_examples: bool | Literal["lazy"] | None, cache_mode: str | None
    ) -> ExampleCache | None:
        """With ``cache_examples``, each example's whole exchange is computed once (at start-up,
        or on its first click when lazy) and a click shows it without calling ``fn``."""
        if cache_examples is None:
            setting = os.environ.get("GRADIO_CACHE_EXAMPLES", "").lower()
            cache_examples = "lazy" if setting == "lazy" else setting in ("true", "1")
        if not cache_examples or not self.examples:
            return None
        respond = self._respond_fn()
        # The cache file is keyed by the function's name: the user's, not the wrapper's.
        respond.__module__ = getattr(self.fn, "__module__", "")
        respond.__qualname__ = f"{getattr(self.fn, '__qualname__', 'chat')}.chat"
        rows = []
        for example in self.examples:
            message, extras = self._example_row(example)
            defaults = [c.value for c in self.additional_inputs[len(extras) :]]
            rows.append([message, [], *extras, *defaults])
        lazy = cache_examples == "lazy" or cache_mode == "lazy"
        cache = ExampleCache(respond, rows, self._ui_inputs(), self._ui_outputs(), lazy=lazy)
        self.example_caches.append(cache)
        return cache

    async def _cached_example(self, data: SelectData) -> Any:
        assert self._cache is not None
        index = data.index if isinstance(data.index, int) else 0
        return tuple(await self._cache.get(index))

    def _accordion(self, accordion: str | Accordion | None) -> None:
        if not self.additional_inputs:
            return
        if isinstance(accordion, Accordion):
            holder = accordion.render()
        else:
            holder = Accordion(accordion or "Additional Inputs", open=False)
        with holder:
            for component in self.additional_inputs:
                component.render()

    # Events ---------------------------------------------------------------------------------

    def _wire(self, api_name: str | None, description: Any, visibility: Visibility) -> None:
        chatbot, box = self.chatbot, self.textbox
        respond_deps = [self._respond_to(box, "submit")]
        retry = chatbot.retry(self._retry_turn, [chatbot], [chatbot, box], **_HIDDEN)
        respond_deps.append(self._then_respond(retry))
        chatbot.undo(self._undo_turn, [chatbot], [chatbot, box], **_HIDDEN)
        chosen = chatbot.option_select(self._option_turn, None, [box], **_HIDDEN)
        respond_deps.append(self._then_respond(chosen))
        if self._cache is not None:
            as_stored: ListenerOptions = {**_HIDDEN, "postprocess": False}
            chatbot.example_select(self._cached_example, None, self._ui_outputs(), **as_stored)
        else:
            picked = chatbot.example_select(
                self._example_turn, None, [box, *self.additional_inputs], **_HIDDEN
            )
            if self.run_examples_on_click:
                respond_deps.append(self._then_respond(picked))
        if self.editable:
            edited = chatbot.edit(self._edit_turn, [chatbot], [chatbot, box], **_HIDDEN)
            respond_deps.append(self._then_respond(edited))
        chatbot.clear(lambda: [], None, [self.api_history], **_HIDDEN)
        box.stop(None, None, None, cancels=respond_deps, api_name=False)
        self._mirror_conversation(respond_deps)
        self._api_endpoint(api_name, description, visibility)

    def _mirror_conversation(self, turns: list[Dependency]) -> None:
        """``chatbot_value`` follows the conversation after each turn (and a clear), and a
        new ``chatbot_value`` replaces the conversation shown."""
        quiet: ListenerOptions = {**_HIDDEN, "show_progress": "hidden"}
        for turn in turns:
            turn.then(_same, self.chatbot, self.chatbot_value, **quiet)
        self.chatbot.clear(lambda: [], None, self.chatbot_value, **quiet)
        self.chatbot_value.change(_same, self.chatbot_value, self.chatbot, **quiet)

    def _ui_inputs(self) -> list[Component]:
        return [self.textbox, self.chatbot, *self.additional_inputs]

    def _ui_outputs(self) -> list[Component]:
        return [self.textbox, self.chatbot, *self.additional_outputs]

    def _respond_fn(self) -> Any:
        return adapt(self.fn, self._prepare_ui, self._ui_reply, lead=True)

    def _respond_options(self) -> ListenerOptions:
        return {**self._listen, "api_visibility": "undocumented", "api_name": "_submit"}

    def _respond_to(self, box: Component, event: str) -> Dependency:
        return self.add_dependency(
            [(box, event)],
            self._respond_fn(),
            self._ui_inputs(),
            self._ui_outputs(),
            **self._respond_options(),
        )

    def _then_respond(self, upstream: Dependency) -> Dependency:
        return upstream.success(
            self._respond_fn(),
            self._ui_inputs(),
            self._ui_outputs(),
            **self._respond_options(),
        )

    def _prepare_ui(self, message: Any, history: list[dict[str, Any]], *extra: Any) -> Turn:
        blank = [NO_CHANGE] * (2 + len(self.additional_outputs))
        if is_empty(message):
            return Turn(None, blank)
        history = list(history or [])
        shown = history + user_messages(message)
        first = ["" if not self.multimodal else {"text": "", "files": []}, shown, *blank[2:]]
        return Turn([message, history, *extra], first, shown)

    def _ui_reply(self, turn: Turn, reply: Any) -> list[Any]:
        reply, extras = self._split(reply)
        return [NO_CHANGE, turn.context + reply_messages(reply), *extras]

    def _split(self, reply: Any) -> tuple[Any, list[Any]]:
        count = len(self.additional_outputs)
        if not count:
            return reply, []
        if not isinstance(reply, tuple) or len(reply) != count + 1:
            raise ValueError(
                f"With {count} additional output(s), the chat function must return a tuple "
                f"of the reply and {count} more value(s)."
            )
        return reply[0], list(reply[1:])

    # The steps that turn a Chatbot event into a message to answer ----------------------------

    @staticmethod
    def _last_user_turn(history: list[dict[str, Any]]) -> int:
        """Where the last run of user messages starts (len(history) if there is none)."""
        index = len(history)
        while index > 0 and history[index - 1]["role"] != "user":
            index -= 1
        while index > 0 and history[index - 1]["role"] == "user":
            index -= 1
        return index if any(m["role"] == "user" for m in history[index:]) else len(history)

    def _message_of(self, messages: list[dict[str, Any]]) -> Any:
        text = "".join(
            part["text"] for m in messages for part in m["content"] if part["type"] == "text"
        )
        if not self.multimodal:
            return text
        files = [
            {"path": part["file"]["path"], "meta": {"_type": "gradio.FileData"}}
            for m in messages
            for part in m["content"]
            if part["type"] == "file"
        ]
        return {"text": text, "files": files}

    def _retry_turn(self, history: list[dict[str, Any]], data: RetryData) -> Any:
        start = self._last_user_turn(history)
        users = [m for m in history[start:] if m["role"] == "user"]
        return history[:start], self._message_of(users)

    def _undo_turn(self, history: list[dict[str, Any]]) -> Any:
        return self._retry_turn(history, RetryData(None, None))

    def _option_turn(self, data: SelectData) -> Any:
        return data.value if not self.multimodal else {"text": data.value, "files": []}

    def _example_row(self, example: Any) -> tuple[Any, list[Any]]:
        """An example's message (in the textbox's shape) and the additional inputs it gives."""
        row = list(example) if isinstance(example, (list, tuple)) else [example]
        message = row[0]
        if isinstance(message, dict) and not self.multimodal:
            message = message.get("text", "")
        elif isinstance(message, str) and self.multimodal:
            message = {"text": message, "files": []}
        return message, row[1 : 1 + len(self.additional_inputs)]

    def _example_turn(self, data: SelectData) -> Any:
        index = data.index if isinstance(data.index, int) else 0
        example = (self.examples or [None])[index] if self.examples else data.value
        message, extras = self._example_row(example)
        extras += [NO_CHANGE] * (len(self.additional_inputs) - len(extras))
        return [message, *extras] if self.additional_inputs else message

    def _edit_turn(self, history: list[dict[str, Any]], data: EditData) -> Any:
        index = data.index if isinstance(data.index, int) else len(history)
        value = data.value if isinstance(data.value, str) else str(data.value or "")
        message = value if not self.multimodal else {"text": value, "files": []}
        return history[: max(0, index)], message

    def _flagging(self, options: Sequence[str] | None, flagging_dir: str | Path) -> None:
        """Users react to bot messages with ``options`` ("Like"/"Dislike" as thumbs, others
        under a flag); each reaction stores the conversation through the ``/flag`` endpoint."""
        self.chatbot.feedback_options = list(options) if options else None
        self.chatbot.like(ChatCSVLogger(flagging_dir).flag, self.chatbot, None)

    # The public API endpoint ----------------------------------------------------------------

    def _api_endpoint(self, api_name: str | None, description: Any, visibility: Visibility) -> None:
        inputs = [self.textbox, self.api_history, *self.additional_inputs]
        outputs = [self.api_response, self.api_history, *self.additional_outputs]
        self.api_trigger.click(
            adapt(self.fn, self._prepare_api, self._api_reply, lead=False),
            inputs,
            outputs,
            api_name=api_name or _endpoint_name_for(self.fn),
            # The endpoint runs a wrapper: describe it by the app's function, as Gradio does.
            api_description=docstring_summary(self.fn) if description is None else description,
            api_visibility=visibility,
            concurrency_limit=self._listen.get("concurrency_limit", "default"),
            validator=self._listen.get("validator"),
        )

    def _prepare_api(self, message: Any, history: list[dict[str, Any]] | None, *extra: Any) -> Turn:
        history = list(history or [])
        return Turn([message, history, *extra], [], history)

    def _api_reply(self, turn: Turn, reply: Any) -> list[Any]:
        reply, extras = self._split(reply)
        message = turn.call_args[0] if turn.call_args else ""
        return [api_value(reply), [*turn.context, *api_history(message, reply)], *extras]


def _endpoint_name_for(fn: Callable[..., Any]) -> str:
    """The chat endpoint's name as Gradio gives it: the function's name, or for a callable
    object (no ``__name__``) the name of the wrapper Gradio puts around it."""
    name = getattr(fn, "__name__", None)
    return "__wrapper" if name is None else endpoint_name(str(name))
