// gr.File: a list of files to download; when interactive, an upload zone too. `value` is one
// FileData or a list (file_count "multiple"/"directory").

import { FieldLabel, type ComponentProps } from "../block";
import { fileName, fileUrl, formatSize, isFileData } from "../media";
import type { FileData } from "../wire";
import { UploadZone, useUpload } from "./upload_zone";

export function filesOf(value: unknown): FileData[] {
  if (Array.isArray(value)) return value.filter(isFileData);
  return isFileData(value) ? [value] : [];
}

export default function FileView({ inputId, props, interactive, setValue, fire }: ComponentProps) {
  const files = filesOf(props.value);
  const multiple = props.file_count === "multiple" || props.file_count === "directory";
  const state = useUpload(props.file_types);
  const onFiles = (uploaded: FileData[]) => {
    setValue(multiple ? [...files, ...uploaded] : uploaded[0]);
    fire("upload", multiple ? uploaded : uploaded[0]);
  };
  const remove = (index: number) => {
    const rest = files.filter((_, i) => i !== index);
    setValue(multiple ? (rest.length ? rest : null) : null);
    fire(rest.length ? "delete" : "clear", { index, value: files[index] });
  };
  return (
    <div class="file-block">
      <FieldLabel forId={inputId} props={props} fallback="File" />
      {files.length ? (
        <ul class="file-list">
          {files.map((file, i) => (
            <li key={`${file.path}-${i}`}>
              <a
                href={fileUrl(file) ?? undefined}
                download={fileName(file)}
                onClick={() => fire("download", { index: i, value: file })}
              >
                {fileName(file)}
              </a>
              <span class="file-size">{formatSize(file.size)}</span>
              {interactive ? (
                <button
                  type="button"
                  class="icon-btn"
                  aria-label={`Remove ${fileName(file)}`}
                  onClick={() => remove(i)}
                >
                  ×
                </button>
              ) : null}
            </li>
          ))}
        </ul>
      ) : null}
      {interactive && (multiple || files.length === 0) ? (
        <UploadZone id={inputId} fileTypes={props.file_types} multiple={multiple} state={state} onFiles={onFiles} />
      ) : null}
      {!interactive && files.length === 0 ? <div class="media-empty">No file</div> : null}
    </div>
  );
}
