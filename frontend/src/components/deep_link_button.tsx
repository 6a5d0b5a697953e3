// gr.DeepLinkButton: asks the server to save this session's values
// (`GET gradio_api/deep_link`), copies the page's URL with `?deep_link=<name>` to the
// clipboard (the page's own URL when the server has nothing saved), shows `copied_value` for
// two seconds, and fires `click`. Opening the link restores the values.

import { useEffect, useState } from "preact/hooks";
import { str, type ComponentProps } from "../block";
import { apiUrl } from "../page_config";

async function deepLinkUrl(): Promise<string> {
  const url = new URL(window.location.href);
  const session = window.__gradio_session_hash__ ?? "";
  const prefix = window.gradio_config?.api_prefix ?? "/gradio_api";
  const response = await fetch(apiUrl(prefix, `deep_link?session_hash=${encodeURIComponent(session)}`));
  const name = response.ok ? ((await response.json()) as unknown) : "";
  if (typeof name === "string" && name) url.searchParams.set("deep_link", name);
  return url.toString();
}

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
    void deepLinkUrl()
      .then((url) => navigator.clipboard?.writeText(url))
      .then(
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
