// Files for the media components: FileData payloads, uploads to `upload`, download URLs, and
// WAV encoding of recordings (so the server never needs a codec). Only media component chunks
// import this module, so pages without files never load it.

import { apiUrl } from "./page_config";
import type { FileData } from "./wire";

const META = { _type: "gradio.FileData" };

function apiPrefix(): string {
  return window.gradio_config?.api_prefix ?? "/gradio_api";
}

/** Whether a value is a FileData payload. */
export function isFileData(value: unknown): value is FileData {
  return typeof value === "object" && value !== null && ("path" in value || "url" in value);
}

/** The URL to fetch a stored file from: its own `url`, else the `file=` route for its path. */
export function fileUrl(file: FileData | null | undefined): string | null {
  if (!file) return null;
  if (file.url) return file.url;
  if (!file.path) return null;
  if (/^https?:\/\//i.test(file.path)) return file.path;
  return apiUrl(apiPrefix(), `file=${encodeURI(file.path)}`);
}

/** A file's display name. */
export function fileName(file: FileData): string {
  return file.orig_name ?? file.path?.split(/[\\/]/).pop() ?? "file";
}

/** A byte count as "1.2 MB". */
export function formatSize(bytes: number | null | undefined): string {
  if (bytes === null || bytes === undefined) return "";
  const units = ["B", "KB", "MB", "GB"];
  let size = bytes;
  let unit = 0;
  while (size >= 1000 && unit < units.length - 1) {
    size /= 1000;
    unit += 1;
  }
  return `${unit === 0 ? size : size.toFixed(1)} ${units[unit]}`;
}

/** Upload files (one request) and answer their FileData payloads, in order. */
export async function uploadFiles(files: readonly File[]): Promise<FileData[]> {
  const form = new FormData();
  for (const file of files) form.append("files", file, file.name);
  const response = await fetch(apiUrl(apiPrefix(), "upload"), { method: "POST", body: form });
  if (!response.ok) {
    const text = await response.text();
    throw new Error(text || `Upload failed (HTTP ${response.status})`);
  }
  const paths = (await response.json()) as string[];
  return paths.map((path, i) => ({
    path,
    url: null,
    size: files[i]?.size ?? null,
    orig_name: files[i]?.name ?? null,
    mime_type: files[i]?.type || null,
    is_stream: false,
    meta: { ...META },
  }));
}

/** Whether a file matches an `accept` list such as [".png", "image"]. */
export function accepts(file: File, types: unknown): boolean {
  if (!Array.isArray(types) || types.length === 0) return true;
  const name = file.name.toLowerCase();
  return types.some((t) => {
    const wanted = String(t).toLowerCase();
    if (wanted === "file") return true;
    if (wanted.startsWith(".")) return name.endsWith(wanted);
    return file.type.startsWith(`${wanted}/`);
  });
}

/** The `accept` attribute for a file input from Gradio-style `file_types`. */
export function acceptAttr(types: unknown): string | undefined {
  if (!Array.isArray(types) || types.length === 0) return undefined;
  return types.map((t) => (String(t).startsWith(".") ? String(t) : `${String(t)}/*`)).join(",");
}

/** 16-bit PCM WAV bytes of decoded audio (all channels interleaved). */
export function encodeWav(buffer: AudioBuffer): Blob {
  const inputs = Array.from({ length: buffer.numberOfChannels }, (_, c) => buffer.getChannelData(c));
  return wavOf(inputs, buffer.sampleRate);
}

/** 16-bit PCM WAV bytes of samples in [-1, 1], one array per channel (all the same length). */
export function wavOf(inputs: readonly Float32Array[], sampleRate: number): Blob {
  const channels = inputs.length;
  const frames = inputs[0]?.length ?? 0;
  const data = new DataView(new ArrayBuffer(44 + frames * channels * 2));
  const text = (offset: number, s: string) => {
    for (let i = 0; i < s.length; i++) data.setUint8(offset + i, s.charCodeAt(i));
  };
  text(0, "RIFF");
  data.setUint32(4, 36 + frames * channels * 2, true);
  text(8, "WAVE");
  text(12, "fmt ");
  data.setUint32(16, 16, true);
  data.setUint16(20, 1, true);
  data.setUint16(22, channels, true);
  data.setUint32(24, sampleRate, true);
  data.setUint32(28, sampleRate * channels * 2, true);
  data.setUint16(32, channels * 2, true);
  data.setUint16(34, 16, true);
  text(36, "data");
  data.setUint32(40, frames * channels * 2, true);
  let offset = 44;
  for (let i = 0; i < frames; i++) {
    for (const input of inputs) {
      const s = Math.max(-1, Math.min(1, input[i] ?? 0));
      data.setInt16(offset, s < 0 ? s * 0x8000 : s * 0x7fff, true);
      offset += 2;
    }
  }
  return new Blob([data.buffer], { type: "audio/wav" });
}

/** Consecutive sample blocks joined into one array. */
export function joinSamples(blocks: readonly Float32Array[]): Float32Array {
  const joined = new Float32Array(blocks.reduce((n, b) => n + b.length, 0));
  let offset = 0;
  for (const block of blocks) {
    joined.set(block, offset);
    offset += block.length;
  }
  return joined;
}

/** `buffer` at `rate` Hz (itself when it already is), resampled by an offline context. */
export async function resampled(buffer: AudioBuffer, rate: number): Promise<AudioBuffer> {
  if (!rate || rate === buffer.sampleRate) return buffer;
  const frames = Math.max(1, Math.round((buffer.length * rate) / buffer.sampleRate));
  const context = new OfflineAudioContext(buffer.numberOfChannels, frames, rate);
  const source = context.createBufferSource();
  source.buffer = buffer;
  source.connect(context.destination);
  source.start();
  return context.startRendering();
}

/** A recorded (webm/ogg) blob re-encoded as WAV at `rate` Hz (the recording's own rate when
 * not given), named `name`. */
export async function toWav(blob: Blob, name: string, rate?: number): Promise<File> {
  const context = new AudioContext();
  try {
    const decoded = await context.decodeAudioData(await blob.arrayBuffer());
    const output = await resampled(decoded, rate ?? decoded.sampleRate);
    return new File([encodeWav(output)], name, { type: "audio/wav" });
  } finally {
    void context.close();
  }
}

/** Seek a player to its `playback_position` (seconds) once the media's length is known. */
export function seekToStart(position: unknown): (event: Event) => void {
  return (event) => {
    const player = event.currentTarget as HTMLMediaElement;
    if (typeof position === "number" && position > 0 && position < player.duration) {
      player.currentTime = position;
    }
  };
}
