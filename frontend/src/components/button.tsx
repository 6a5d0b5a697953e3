// gr.Button: `value` is its text; fires `click`. Buttons stay enabled unless `interactive` is false.

import { str, type ComponentProps } from "../block";
import { fileUrl, isFileData } from "../media";

const VARIANTS = new Set(["primary", "secondary", "stop", "huggingface"]);
const SIZES = new Set(["sm", "md", "lg"]);

/** The `icon` prop's URL: a URL as given, or the stored file's (a local path given in Python). */
function iconUrl(icon: unknown): string | null {
  if (typeof icon === "string") return icon;
  return isFileData(icon) ? fileUrl(icon) : null;
}

/** A button's `icon`, drawn before its text (gr.Button, gr.UploadButton, gr.DownloadButton). */
export function ButtonIcon({ icon }: { icon: unknown }) {
  const url = iconUrl(icon);
  return url ? <img class="btn-icon" src={url} alt="" /> : null;
}

export default function Button({ inputId, props, fire }: ComponentProps) {
  const variant = VARIANTS.has(str(props.variant)) ? str(props.variant) : "secondary";
  const size = SIZES.has(str(props.size)) ? str(props.size) : "lg";
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
      <ButtonIcon icon={props.icon} />
      {str(props.value)}
    </button>
  );
}
