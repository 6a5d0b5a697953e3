// A streamed gr.Video: each value the generator yields is one fragmented MP4 segment (the server
// re-encodes what the app yields to H.264/AAC), appended to one MediaSource in "sequence" mode so
// the segments play back to back whatever timestamps each starts at. Media Source Extensions
// play fragmented MP4 natively in every browser but Safari on iPhone; HLS would need hls.js.

/** The `codecs` parameter of a fragmented MP4 segment: its avcC box gives the H.264 profile
 * and level; an mp4a box adds AAC. */
export function segmentCodecs(data: Uint8Array): string {
  const find = (tag: string) => {
    const code = [...tag].map((c) => c.charCodeAt(0));
    for (let i = 0; i + 4 < data.length; i++) {
      if (code.every((c, k) => data[i + k] === c)) return i;
    }
    return -1;
  };
  const codecs: string[] = [];
  const avc = find("avcC");
  if (avc >= 0) {
    const hex = (at: number) => (data[avc + at] ?? 0).toString(16).padStart(2, "0");
    codecs.push(`avc1.${hex(5)}${hex(6)}${hex(7)}`);
  }
  if (find("mp4a") >= 0) codecs.push("mp4a.40.2");
  return codecs.join(",");
}

export class SegmentPlayer {
  readonly url: string;
  private readonly media = new MediaSource();
  private buffer: SourceBuffer | null = null;
  private chain: Promise<void>;

  constructor() {
    this.url = URL.createObjectURL(this.media);
    this.chain = new Promise((resolve) => this.media.addEventListener("sourceopen", () => resolve(), { once: true }));
  }

  /** Fetch the segment at `src` and append it after the ones before it. */
  append(src: string): Promise<void> {
    const data = fetch(src).then((r) => r.arrayBuffer());
    this.chain = this.chain.then(async () => this.appendNow(await data));
    return this.chain;
  }

  close(): void {
    URL.revokeObjectURL(this.url);
  }

  private async appendNow(data: ArrayBuffer): Promise<void> {
    if (this.media.readyState !== "open") return;
    if (!this.buffer) {
      this.buffer = this.media.addSourceBuffer(`video/mp4; codecs="${segmentCodecs(new Uint8Array(data))}"`);
      this.buffer.mode = "sequence";
    }
    const buffer = this.buffer;
    await new Promise<void>((resolve, reject) => {
      buffer.addEventListener("updateend", () => resolve(), { once: true });
      buffer.addEventListener("error", () => reject(new Error("the segment could not be appended")), { once: true });
      buffer.appendBuffer(data);
    });
  }
}
