// The shared drop area of the media components: click to pick, drag and drop, or paste. It
// uploads what it gets and hands the FileData payloads to the component. Not a component of
// its own (it is not in the registry); media component chunks share it.

import type { ComponentChildren } from "preact";
import { useRef, useState } from "preact/hooks";
import { accepts, acceptAttr, uploadFiles } from "../media";
import type { FileData } from "../wire";

export interface UploadState {
  busy: boolean;
  error: string | null;
  /** Upload `files`; answers their payloads, or null after showing an error. */
  upload: (files: readonly File[]) => Promise<FileData[] | null>;
}

/** Upload state for one component: a busy flag and the last error. */
export function useUpload(fileTypes?: unknown): UploadState {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const upload = async (files: readonly File[]) => {
    const refused = files.find((f) => !accepts(f, fileTypes));
    if (refused) {
      setError(`Invalid file type: ${refused.name}`);
      return null;
    }
    setBusy(true);
    setError(null);
    try {
      return await uploadFiles(files);
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err));
      return null;
    } finally {
      setBusy(false);
    }
  };
  return { busy, error, upload };
}

interface ZoneProps {
  id?: string;
  fileTypes?: unknown;
  multiple?: boolean;
  state: UploadState;
  onFiles: (files: FileData[]) => void;
  children?: ComponentChildren;
}

export function UploadZone({ id, fileTypes, multiple, state, onFiles, children }: ZoneProps) {
  const input = useRef<HTMLInputElement | null>(null);
  const [over, setOver] = useState(false);
  const take = async (list: FileList | File[] | null | undefined) => {
    const files = Array.from(list ?? []);
    if (files.length === 0) return;
    const done = await state.upload(multiple ? files : files.slice(0, 1));
    if (done) onFiles(done);
  };
  return (
    <div
      id={id}
      class={`upload-zone${over ? " over" : ""}`}
      role="button"
      tabIndex={0}
      aria-busy={state.busy}
      onClick={() => input.current?.click()}
      onKeyDown={(e) => {
        if (e.key === "Enter" || e.key === " ") {
          e.preventDefault();
          input.current?.click();
        }
      }}
      onDragOver={(e) => {
        e.preventDefault();
        setOver(true);
      }}
      onDragLeave={() => setOver(false)}
      onDrop={(e) => {
        e.preventDefault();
        setOver(false);
        void take(e.dataTransfer?.files);
      }}
      onPaste={(e) => void take(e.clipboardData?.files)}
    >
      <input
        ref={input}
        type="file"
        hidden
        multiple={multiple}
        accept={acceptAttr(fileTypes)}
        onChange={(e) => {
          const el = e.currentTarget;
          void take(el.files).then(() => (el.value = ""));
        }}
      />
      {state.busy ? (
        <span class="upload-busy">Uploading…</span>
      ) : (
        (children ?? <span>Drop a file here or click to upload</span>)
      )}
      {state.error ? <div class="upload-error">{state.error}</div> : null}
    </div>
  );
}
