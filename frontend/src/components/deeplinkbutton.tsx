// gr.DeepLinkButton: copies the page's URL to the clipboard, shows `copied_value` for two
// seconds, and fires `click`.

import { useEffect, useState } from "preact/hooks";
import { str, type ComponentProps } from "../block";

export default function DeepLinkButton({ inputId, props, fire }: ComponentProps) {
  const [copied, setCopied] = useState(false);
  useEffect(() => {
    if (!copied) return;
    const timer = setTimeout(() => setCopied(false), 2000);
    return () => clearTimeout(timer);
  }, [copied]);
  const variant = str(props.variant) === "primary" ? "primary" : "secondary";
  const size = ["sm", "md", "lg"].includes(str(props.size)) ? str(props.size) : "lg";
  const onClick = () => {
    void navigator.clipboard?.writeText(window.location.href).then(
      () => setCopied(true),
      () => undefined,
    );
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
      {copied ? str(props.copied_value, "Link Copied!") : str(props.value)}
    </button>
  );
}
