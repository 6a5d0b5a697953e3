// gr.Button: `value` is its text; fires `click`. Buttons stay enabled unless `interactive` is false.

import { str, type ComponentProps } from "../block";

const VARIANTS = new Set(["primary", "secondary", "stop", "huggingface"]);
const SIZES = new Set(["sm", "md", "lg"]);

function iconUrl(icon: unknown): string | null {
  if (typeof icon === "string") return icon;
  if (icon && typeof icon === "object" && typeof (icon as { url?: unknown }).url === "string") {
    return (icon as { url: string }).url;
  }
  return null;
}

export default function Button({ inputId, props, fire }: ComponentProps) {
  const variant = VARIANTS.has(str(props.variant)) ? str(props.variant) : "secondary";
  const size = SIZES.has(str(props.size)) ? str(props.size) : "lg";
  const icon = iconUrl(props.icon);
  const link = str(props.link);
  const onClick = () => {
    if (link) window.open(link, str(props.link_target) || "_self", "noopener");
    fire("click");
  };
  return (
    <button
      type="button"
      id={inputId}
      class={`btn btn-${variant} btn-${size}`}
      disabled={props.interactive === false}
      onClick={onClick}
    >
      {icon ? <img class="btn-icon" src={icon} alt="" /> : null}
      {str(props.value)}
    </button>
  );
}
