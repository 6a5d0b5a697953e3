// gr.Gallery: a grid of images/videos with captions (`columns`, `height`); clicking an item
// opens a preview and fires `select` with its index. The value is a list of
// `{image|video: FileData, caption}`.

import { useState } from "preact/hooks";
import { BlockTitle, num, str, type ComponentProps } from "../block";
import { fileUrl, isFileData } from "../media";
import type { FileData } from "../wire";
import { UploadZone, useUpload } from "./upload_zone";

interface Item {
  file: FileData;
  video: boolean;
  caption: string | null;
}

function itemsOf(value: unknown): Item[] {
  if (!Array.isArray(value)) return [];
  const items: Item[] = [];
  for (const raw of value) {
    if (!raw || typeof raw !== "object") continue;
    const v = raw as { image?: unknown; video?: unknown; caption?: unknown };
    const file = isFileData(v.image) ? v.image : isFileData(v.video) ? v.video : null;
    if (file) items.push({ file, video: !isFileData(v.image), caption: v.caption == null ? null : str(v.caption) });
  }
  return items;
}

function Media({ item }: { item: Item }) {
  const src = fileUrl(item.file) ?? undefined;
  return item.video ? <video src={src} muted controls /> : <img src={src} alt={item.caption ?? ""} loading="lazy" />;
}

export default function Gallery({ inputId, props, interactive, setValue, fire }: ComponentProps) {
  const items = itemsOf(props.value);
  const initial = num(props.selected_index);
  const [selected, setSelected] = useState<number | null>(props.preview === true ? (initial ?? 0) : initial);
  const state = useUpload(props.file_types ?? ["image", "video"]);
  const columns = Math.max(1, num(props.columns) ?? 2);
  const height = typeof props.height === "number" ? `${props.height}px` : (props.height as string | undefined);
  const open = (index: number) => {
    if (props.allow_preview !== false) setSelected(index);
    const item = items[index];
    fire("select", { index, value: item ? { image: item.file, caption: item.caption } : null, selected: true });
  };
  const shown = selected !== null && selected < items.length ? items[selected] : null;
  return (
    <div class="gallery-block">
      <BlockTitle id={inputId} props={props} />
      {shown ? (
        <div class="gallery-preview">
          <Media item={shown} />
          {shown.caption ? <div class="gallery-caption">{shown.caption}</div> : null}
          <button
            type="button"
            class="icon-btn gallery-close"
            aria-label="Close preview"
            onClick={() => setSelected(null)}
          >
            ×
          </button>
        </div>
      ) : null}
      {items.length ? (
        <div
          class="gallery-grid"
          style={{ gridTemplateColumns: `repeat(${columns}, minmax(0, 1fr))`, maxHeight: height }}
        >
          {items.map((item, i) => (
            <button
              type="button"
              key={`${item.file.path}-${i}`}
              class={`gallery-item${i === selected ? " selected" : ""}`}
              onClick={() => open(i)}
              aria-label={item.caption ?? `Item ${i + 1}`}
            >
              <Media item={item} />
              {item.caption ? <span class="gallery-caption">{item.caption}</span> : null}
            </button>
          ))}
        </div>
      ) : !interactive ? (
        <div class="media-empty">No images</div>
      ) : null}
      {interactive ? (
        <UploadZone
          fileTypes={props.file_types ?? ["image", "video"]}
          multiple
          state={state}
          onFiles={(files) => {
            const added = files.map((f) => ({ image: f, caption: null }));
            const value = [
              ...items.map((it) => ({ [it.video ? "video" : "image"]: it.file, caption: it.caption })),
              ...added,
            ];
            setValue(value);
            fire("upload", added);
          }}
        >
          <span>Drop images or click to upload</span>
        </UploadZone>
      ) : null}
    </div>
  );
}
