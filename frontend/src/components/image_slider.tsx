// gr.ImageSlider: two images stacked, the second clipped at a divider the user drags (or moves
// with the arrow keys) to compare them; `slider_position` (0..100) is where it starts. When
// interactive, an upload becomes the first image and fires `upload`. The value is `[a, b]`.

import { useEffect, useRef, useState } from "preact/hooks";
import { BlockTitle, num, type ComponentProps } from "../block";
import { fileUrl, isFileData } from "../media";
import type { FileData } from "../wire";
import { UploadZone, useUpload } from "./upload_zone";
import "./image_slider.css";

function pairOf(value: unknown): [FileData | null, FileData | null] {
  if (!Array.isArray(value)) return [null, null];
  return [isFileData(value[0]) ? value[0] : null, isFileData(value[1]) ? value[1] : null];
}

function size(value: unknown): string | undefined {
  return typeof value === "number" ? `${value}px` : typeof value === "string" ? value : undefined;
}

export default function ImageSlider({ inputId, props, interactive, setValue, fire }: ComponentProps) {
  const [a, b] = pairOf(props.value);
  const start = num(props.slider_position) ?? 50;
  const [position, setPosition] = useState(start);
  useEffect(() => setPosition(start), [start]);
  const frame = useRef<HTMLDivElement | null>(null);
  const state = useUpload(["image"]);
  const moveTo = (clientX: number) => {
    const box = frame.current?.getBoundingClientRect();
    if (box && box.width) setPosition(Math.min(100, Math.max(0, ((clientX - box.left) / box.width) * 100)));
  };
  const drag = (event: PointerEvent) => {
    (event.currentTarget as HTMLElement).setPointerCapture(event.pointerId);
    moveTo(event.clientX);
  };
  const imgStyle = { maxHeight: size(props.height) ?? `${num(props.max_height) ?? 500}px` };
  return (
    <div class="imageslider-block">
      <BlockTitle id={inputId} props={props} />
      {a || b ? (
        <div
          ref={frame}
          class="imageslider-frame"
          style={{ width: size(props.width) }}
          onPointerDown={drag}
          onPointerMove={(e) => e.buttons && moveTo(e.clientX)}
        >
          <img class="imageslider-a" src={fileUrl(a ?? b) ?? undefined} style={imgStyle} alt="" draggable={false} />
          {b && a ? (
            <img
              class="imageslider-b"
              src={fileUrl(b) ?? undefined}
              style={{ clipPath: `inset(0 0 0 ${position}%)` }}
              alt=""
              draggable={false}
            />
          ) : null}
          <div
            class="imageslider-handle"
            role="slider"
            tabIndex={0}
            aria-label="Compare images"
            aria-valuemin={0}
            aria-valuemax={100}
            aria-valuenow={Math.round(position)}
            style={{ left: `${position}%` }}
            onKeyDown={(e) => {
              const step = e.key === "ArrowLeft" ? -5 : e.key === "ArrowRight" ? 5 : 0;
              if (step) setPosition((p) => Math.min(100, Math.max(0, p + step)));
            }}
          />
        </div>
      ) : !interactive ? (
        <div class="media-empty">No images</div>
      ) : null}
      {interactive ? (
        <div class="imageslider-actions">
          <UploadZone
            fileTypes={["image"]}
            state={state}
            onFiles={([file]) => {
              if (!file) return;
              setValue([file, b]);
              fire("upload", [file, b]);
            }}
          >
            <span>Drop an image or click to upload</span>
          </UploadZone>
          {a || b ? (
            <button
              type="button"
              class="icon-btn"
              aria-label="Clear"
              onClick={() => {
                setValue(null);
                fire("clear", null);
              }}
            >
              ×
            </button>
          ) : null}
        </div>
      ) : null}
    </div>
  );
}
