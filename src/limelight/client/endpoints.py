"""An app's endpoints as a client sees them: which dependency an ``api_name`` names, how
positional and keyword arguments become the ``data`` list the queue takes, and which
outputs a caller gets back (docs/protocol.md §1.3, §2, §3.3)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

__all__ = ["Endpoint", "describe", "find_endpoint", "read_endpoints"]

# Outputs a caller never sees: State values stay on the server, layouts carry no data.
SKIPPED_TYPES = frozenset(
    {"state", "row", "column", "tabs", "tab", "tabitem", "box", "form", "accordion", "group"}
    | {"interpretation", "dataset", "sidebar"}
)


@dataclass(frozen=True)
class Parameter:
    """One argument of an endpoint as ``/info`` describes it."""

    name: str
    has_default: bool
    default: Any
    python_type: str
    component: str


@dataclass(frozen=True)
class Endpoint:
    """One dependency of the app: its ``fn_index``, which of its inputs are no API
    parameters (State and buttons: the client sends null for them, as the REST routes
    fill them in) and which of its outputs reach the caller."""

    fn_index: int
    api_name: str | None
    hidden_inputs: tuple[bool, ...]
    shown_outputs: tuple[bool, ...]
    parameters: tuple[Parameter, ...] | None = None
    info: dict[str, Any] = field(default_factory=dict)

    def arguments(self, args: tuple[Any, ...], kwargs: dict[str, Any]) -> list[Any]:
        """The ``data`` list for a call: positional arguments in order, then keywords by
        parameter name, then each left-out parameter's default; nulls for hidden inputs."""
        values = list(args)
        if self.parameters is not None:
            values = self._with_keywords(values, kwargs)
        elif kwargs:
            raise TypeError(f"endpoint {self.label} takes no keyword arguments")
        data: list[Any] = []
        given = iter(values)
        for hidden in self.hidden_inputs:
            data.append(None if hidden else next(given, None))
        return data

    def _with_keywords(self, values: list[Any], kwargs: dict[str, Any]) -> list[Any]:
        params = self.parameters or ()
        if len(values) > len(params):
            raise TypeError(
                f"endpoint {self.label} takes {len(params)} argument(s), {len(values)} given"
            )
        names = {p.name for p in params}
        unknown = sorted(set(kwargs) - names)
        if unknown:
            raise TypeError(f"endpoint {self.label} has no parameter(s) {', '.join(unknown)}")
        for param in params[len(values) :]:
            if param.name in kwargs:
                values.append(kwargs[param.name])
            elif param.has_default:
                values.append(param.default)
            else:
                raise TypeError(f"no value provided for required argument: {param.name}")
        return values

    def shown(self, data: list[Any]) -> Any:
        """What a caller gets from an output list: the values of the shown outputs, one value
        when one is left, else a tuple."""
        values = [value for value, show in zip(data, self.shown_outputs) if show]
        return values[0] if len(values) == 1 else tuple(values)

    @property
    def public(self) -> bool:
        """Whether ``/info`` lists the endpoint for everyone (not an undocumented one)."""
        return self.info.get("api_visibility", "public") == "public" and bool(self.info)

    @property
    def label(self) -> str:
        """The endpoint's name as callers spell it (``/predict``, or ``fn_index=3``)."""
        return f"/{self.api_name}" if self.api_name else f"fn_index={self.fn_index}"


def _parameters(info: dict[str, Any]) -> tuple[Parameter, ...]:
    return tuple(
        Parameter(
            name=str(p.get("parameter_name") or p.get("label") or f"param_{i}"),
            has_default=bool(p.get("parameter_has_default")),
            default=p.get("parameter_default"),
            python_type=str((p.get("python_type") or {}).get("type", "Any")),
            component=str(p.get("component", "")),
        )
        for i, p in enumerate(info.get("parameters", []))
    )


def read_endpoints(config: dict[str, Any], info: dict[str, Any]) -> list[Endpoint]:
    """Every dependency of an app's ``/config``, described with its ``/info`` entry (when
    the endpoint is public)."""
    types = {c["id"]: c for c in config.get("components", [])}
    named = info.get("named_endpoints", {})

    def hidden(block_id: int) -> bool:
        component = types.get(block_id, {})
        return bool(component.get("skip_api", component.get("type") == "state"))

    def skipped(block_id: int) -> bool:
        component = types.get(block_id, {})
        return bool(component.get("skip_api", component.get("type") in SKIPPED_TYPES))

    endpoints = []
    for index, dep in enumerate(config.get("dependencies", [])):
        # A private endpoint has no name callers may use (gradio_client refuses it too).
        private = dep.get("api_visibility") == "private"
        api_name = None if private else dep.get("api_name") or None
        entry = named.get(f"/{api_name}") if api_name else None
        endpoints.append(
            Endpoint(
                fn_index=int(dep.get("id", index)),
                api_name=str(api_name) if api_name else None,
                hidden_inputs=tuple(hidden(i) for i in dep.get("inputs", [])),
                shown_outputs=tuple(not skipped(i) for i in dep.get("outputs", [])),
                parameters=_parameters(entry) if entry is not None else None,
                info=entry or {},
            )
        )
    return endpoints


def find_endpoint(
    endpoints: list[Endpoint], api_name: str | None, fn_index: int | None
) -> Endpoint:
    """The endpoint a call names; with neither name nor index, the app's only public one,
    as ``gradio_client`` chooses."""
    if api_name is not None:
        wanted = api_name.lstrip("/")
        for endpoint in endpoints:
            if endpoint.api_name == wanted:
                return endpoint
        known = ", ".join(e.label for e in endpoints if e.public) or "none"
        raise ValueError(f"Cannot find a function with api_name {api_name!r} (public: {known})")
    if fn_index is not None:
        for endpoint in endpoints:
            if endpoint.fn_index == fn_index:
                return endpoint
        raise ValueError(f"Cannot find a function with fn_index {fn_index}")
    public = [e for e in endpoints if e.public]
    if len(public) == 1:
        return public[0]
    raise ValueError("This app has several endpoints: name one with api_name= or fn_index=")


def describe(info: dict[str, Any], src: str) -> str:
    """``view_api``'s text: each public endpoint with its parameters and returns."""
    named = info.get("named_endpoints", {})
    lines = [
        f"Client.predict() Usage Info\n---------------------------\nNamed API endpoints: "
        f"{len(named)}\n"
    ]
    for name, entry in named.items():
        params = _parameters(entry)
        args = ", ".join(f"{p.name}={p.default!r}" if p.has_default else p.name for p in params)
        lines.append(f' - predict({args}{", " if args else ""}api_name="{name}") -> result')
        lines.append("    Parameters:")
        for p in params:
            lines.append(
                f"     - [{p.component}] {p.name}: {p.python_type}"
                + (f" (default {p.default!r})" if p.has_default else " (required)")
            )
        lines.append("    Returns:")
        for r in entry.get("returns", []):
            kind = (r.get("python_type") or {}).get("type", "Any")
            lines.append(f"     - [{r.get('component', '')}] {r.get('label', '')}: {kind}")
    if not named:
        lines.append(f"{src} has no public API endpoints.")
    return "\n".join(lines)
