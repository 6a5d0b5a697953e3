// gr.Dropdown: a combobox over `choices`. Typing filters (`filterable`); with
// `allow_custom_value` the typed text itself can be the value; with `multiselect` the value is a
// list shown as removable tokens. Arrow keys, Enter, Escape and Backspace work as expected.
// Only the options in view are in the DOM (fixed-height rows), so 10,000 choices open and
// filter without lag; the lower-cased labels are computed once per `choices`.

import { useEffect, useMemo, useRef, useState } from "preact/hooks";
import { choicesOf, FieldLabel, num, str, type ComponentProps } from "../block";

/** Height of one option in pixels; `.dropdown-list .option` in controls.css matches it. */
const OPTION_HEIGHT = 32;
/** The list's max-height in controls.css, and extra rows drawn above and below the view. */
const LIST_HEIGHT = 260;
const OVERSCAN = 6;

interface Option {
  display: string;
  value: unknown;
  /** Position in `choices` (reported in `select` event data). */
  index: number;
  /** `display` lower-cased, for filtering. */
  folded: string;
}

function selectedList(value: unknown): unknown[] {
  if (Array.isArray(value)) return value;
  return value === null || value === undefined ? [] : [value];
}

interface TokensProps {
  selected: unknown[];
  displayOf: (value: unknown) => string;
  /** Null when the dropdown is read-only. */
  onRemove: ((value: unknown) => void) | null;
}

/** The chosen values of a multiselect dropdown, each with a remove button. */
function Tokens({ selected, displayOf, onRemove }: TokensProps) {
  return (
    <>
      {selected.map((value) => (
        <span class="token" key={str(value)}>
          {displayOf(value)}
          {onRemove ? (
            <button
              type="button"
              class="token-remove"
              aria-label={`Remove ${displayOf(value)}`}
              onClick={() => onRemove(value)}
            >
              ×
            </button>
          ) : null}
        </span>
      ))}
    </>
  );
}

export default function Dropdown({ inputId, props, interactive, setValue, fire }: ComponentProps) {
  const options: Option[] = useMemo(
    () => choicesOf(props).map(([display, value], index) => ({ display, value, index, folded: display.toLowerCase() })),
    [props.choices],
  );
  const displays = useMemo(() => new Map(options.map((o) => [o.value, o.display])), [options]);
  const multiselect = props.multiselect === true;
  const allowCustom = props.allow_custom_value === true;
  const filterable = props.filterable !== false;
  const maxChoices = num(props.max_choices);
  const selected = multiselect ? selectedList(props.value) : [];
  const displayOf = (value: unknown) => displays.get(value) ?? str(value);

  const [open, setOpen] = useState(false);
  /** The text being typed; null while not typing, when the input shows the value. */
  const [query, setQuery] = useState<string | null>(null);
  const [active, setActive] = useState(-1);
  const [scrollTop, setScrollTop] = useState(0);
  const list = useRef<HTMLUListElement>(null);

  const text = query ?? (multiselect ? "" : displayOf(props.value));
  const needle = filterable && query ? query.toLowerCase() : "";
  const shown = useMemo(() => (needle ? options.filter((o) => o.folded.includes(needle)) : options), [options, needle]);
  const first = Math.max(0, Math.floor(scrollTop / OPTION_HEIGHT) - OVERSCAN);
  const last = Math.min(shown.length, first + Math.ceil(LIST_HEIGHT / OPTION_HEIGHT) + 2 * OVERSCAN);
  const listId = `${inputId}-list`;
  const optionId = (option: Option) => `${inputId}-option-${option.index}`;
  const isSelected = (value: unknown) => (multiselect ? selected.includes(value) : props.value === value);

  useEffect(() => {
    // Keep the active option in view; it may not be drawn yet, so scroll by arithmetic.
    const el = list.current;
    if (!open || !el || active < 0) return;
    const top = active * OPTION_HEIGHT;
    if (top < el.scrollTop) el.scrollTop = top;
    else if (top + OPTION_HEIGHT > el.scrollTop + el.clientHeight) el.scrollTop = top + OPTION_HEIGHT - el.clientHeight;
    setScrollTop(el.scrollTop);
  }, [open, active]);

  useEffect(() => {
    if (list.current) list.current.scrollTop = 0;
    setScrollTop(0);
  }, [needle]);

  const choose = (value: unknown, index: number | null) => {
    setQuery(null);
    if (!multiselect) {
      setOpen(false);
      if (props.value !== value) setValue(value);
      fire("select", { value, index, selected: true });
      return;
    }
    const wasSelected = selected.includes(value);
    if (!wasSelected && maxChoices !== null && selected.length >= maxChoices) return;
    setValue(wasSelected ? selected.filter((v) => v !== value) : [...selected, value]);
    fire("select", { value, index, selected: !wasSelected });
  };

  const commitTyped = () => {
    if (query === null) return;
    const exact = options.find((o) => o.display === query);
    if (exact) choose(exact.value, exact.index);
    else if (allowCustom && (query !== "" || !multiselect)) choose(query, null);
    else setQuery(null);
  };

  const move = (delta: number) => {
    setOpen(true);
    if (shown.length === 0) return;
    setActive((current) => Math.min(shown.length - 1, Math.max(0, current + delta)));
  };

  const onKeyDown = (event: KeyboardEvent) => {
    if (!interactive) return;
    if (event.key === "ArrowDown" || event.key === "ArrowUp") {
      event.preventDefault();
      move(event.key === "ArrowDown" ? 1 : -1);
    } else if (event.key === "Enter") {
      event.preventDefault();
      if (open && active >= 0 && shown[active]) choose(shown[active].value, shown[active].index);
      else commitTyped();
    } else if (event.key === "Escape") {
      setOpen(false);
      setQuery(null);
    } else if (event.key === "Backspace" && multiselect && text === "" && selected.length > 0) {
      setValue(selected.slice(0, -1));
    }
  };

  const onInput = (event: Event) => {
    setQuery((event.currentTarget as HTMLInputElement).value);
    setOpen(true);
    setActive(0);
  };

  const onBlur = () => {
    if (allowCustom && !multiselect) commitTyped();
    else setQuery(null);
    setOpen(false);
    fire("blur");
  };

  const expanded = open && interactive;
  return (
    <div class="dropdown">
      <FieldLabel forId={inputId} props={props} fallback="Dropdown" />
      <div class={expanded ? "dropdown-control open" : "dropdown-control"}>
        <Tokens
          selected={selected}
          displayOf={displayOf}
          onRemove={interactive ? (value) => setValue(selected.filter((v) => v !== value)) : null}
        />
        <input
          id={inputId}
          class="dropdown-input"
          role="combobox"
          aria-expanded={expanded}
          aria-controls={listId}
          aria-autocomplete={filterable ? "list" : "none"}
          aria-activedescendant={expanded && shown[active] ? optionId(shown[active]) : undefined}
          autoComplete="off"
          value={text}
          readOnly={!interactive || !filterable}
          onInput={onInput}
          onKeyDown={onKeyDown}
          onKeyUp={(event) =>
            interactive &&
            fire("key_up", {
              key: event.key,
              input_value: (event.currentTarget as HTMLInputElement).value,
            })
          }
          onClick={() => interactive && setOpen(true)}
          onFocus={() => {
            if (interactive) setOpen(true);
            fire("focus");
          }}
          onBlur={onBlur}
        />
        <span class="dropdown-arrow" aria-hidden="true" />
      </div>
      <ul
        id={listId}
        ref={list}
        role="listbox"
        class="dropdown-list"
        aria-multiselectable={multiselect}
        hidden={!expanded}
        onScroll={(event) => setScrollTop((event.currentTarget as HTMLUListElement).scrollTop)}
      >
        {first > 0 ? (
          <li role="presentation" class="option-spacer" style={{ height: `${first * OPTION_HEIGHT}px` }} />
        ) : null}
        {shown.slice(first, last).map((option, offset) => (
          <li
            key={option.index}
            id={optionId(option)}
            role="option"
            aria-selected={isSelected(option.value)}
            class={first + offset === active ? "option active" : "option"}
            onMouseDown={(event) => {
              event.preventDefault(); // keep focus in the input
              choose(option.value, option.index);
            }}
          >
            {option.display}
          </li>
        ))}
        {last < shown.length ? (
          <li
            role="presentation"
            class="option-spacer"
            style={{ height: `${(shown.length - last) * OPTION_HEIGHT}px` }}
          />
        ) : null}
        {shown.length === 0 ? (
          <li class="option-empty">{allowCustom ? "Press Enter to use this value" : "No matches"}</li>
        ) : null}
      </ul>
    </div>
  );
}
