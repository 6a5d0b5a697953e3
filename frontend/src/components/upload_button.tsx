// gr.UploadButton: a button that opens the file picker, uploads, sets its value and fires
// `upload`.

import { useRef } from "preact/hooks";
import { str, type ComponentProps } from "../block";
import { acceptAttr } from "../media";
import { ButtonIcon } from "./button";
import { useUpload } from "./upload_zone";

export default function UploadButton({ inputId, props, setValue, fire }: ComponentProps) {
  const input = useRef<HTMLInputElement | null>(null);
  const multiple = props.file_count === "multiple" || props.file_count === "directory";
  const state = useUpload(props.file_types);
  const variant = str(props.variant) || "secondary";
  const size = str(props.size) || "lg";
  const onChange = async (event: Event) => {
    const el = event.currentTarget as HTMLInputElement;
    const files = Array.from(el.files ?? []);
    el.value = "";
    if (!files.length) return;
    const done = await state.upload(files);
    if (!done) return;
    const value = multiple ? done : done[0];
    setValue(value);
    fire("upload", value);
  };
  return (
    <div class="upload-button">
      <input
        ref={input}
        type="file"
        hidden
        multiple={multiple}
        accept={acceptAttr(props.file_types)}
        onChange={onChange}
      />
      <button
        type="button"
        id={inputId}
        class={`btn btn-${variant} btn-${size}`}
        disabled={props.interactive === false || state.busy}
        onClick={() => {
          fire("click");
          input.current?.click();
        }}
      >
        <ButtonIcon icon={props.icon} />
        {state.busy ? "Uploading…" : str(props.label) || "Upload a File"}
      </button>
      {state.error ? <div class="upload-error">{state.error}</div> : null}
    </div>
  );
}
