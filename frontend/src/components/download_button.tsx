// gr.DownloadButton: a link styled as a button that downloads the FileData it holds.

import { str, type ComponentProps } from "../block";
import { fileName, fileUrl, isFileData } from "../media";
import { ButtonIcon } from "./button";

export default function DownloadButton({ inputId, props, fire }: ComponentProps) {
  const file = isFileData(props.value) ? props.value : null;
  const href = fileUrl(file);
  const variant = str(props.variant) || "secondary";
  const size = str(props.size) || "lg";
  const disabled = props.interactive === false || !href;
  return (
    <a
      id={inputId}
      role="button"
      class={`btn btn-${variant} btn-${size}${disabled ? " disabled" : ""}`}
      href={disabled ? undefined : (href ?? undefined)}
      download={file ? fileName(file) : undefined}
      aria-disabled={disabled}
      onClick={() => fire("click")}
    >
      <ButtonIcon icon={props.icon} />
      {str(props.label) || "Download"}
    </a>
  );
}
