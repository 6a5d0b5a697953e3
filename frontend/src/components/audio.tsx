// gr.Audio: a player (the waveform with play and skip buttons, or the browser's own player when
// gr.WaveformOptions.show_recording_waveform is off); when interactive, upload and microphone
// recording with pause and resume (re-encoded to WAV at `sample_rate` in the page; the server's
// `recording` prop starts and stops it). With `streaming`, an output plays each chunk a
// generator yields back to back on one WebAudio clock, so the chunks join without gaps while
// more are still arriving. An input with a `stream` listener records the microphone as raw
// samples and sends a WAV chunk every `stream_every` seconds while recording.
import { MediaActions } from "./media_actions";
import { useEffect, useRef, useState } from "preact/hooks";
import { FieldLabel, type ComponentProps, type StreamControl } from "../block";
import { fileName, fileUrl, isFileData, joinSamples, seekToStart, uploadFiles, wavOf } from "../media";
import { Recorder } from "./mic_recorder";
import { outputFeeds } from "../output_feeds";
import type { FileData } from "../wire";
import { UploadZone, useUpload } from "./upload_zone";
import { PlayerControls, Waveform, type WaveformOptions } from "./waveform";

/** The performance mark set when a stream's first chunk is scheduled to play. */
const FIRST_AUDIO_MARK = "limelight:first-audio";

/** Schedules decoded chunks one after another on an AudioContext, in the order they came. */
class ChunkPlayer {
  private context: AudioContext | null = null;
  private next = 0;
  // Chunks download and decode at once, but each is scheduled only after the one before it.
  private tail: Promise<void> = Promise.resolve();
  scheduled = 0;
  chunks = 0;

  /** Queue the chunk at `url`; resolves once it is scheduled, rejects if it cannot decode. */
  add(url: string): Promise<void> {
    this.context ??= new AudioContext();
    const context = this.context;
    const decoded = fetch(url)
      .then((response) => response.arrayBuffer())
      .then((bytes) => context.decodeAudioData(bytes));
    // Its failure is reported through `step`; this only keeps it from counting as unhandled meanwhile.
    decoded.catch(() => undefined);
    const step = this.tail.then(async () => this.schedule(context, await decoded));
    this.tail = step.catch(() => undefined);
    return step;
  }

  private async schedule(context: AudioContext, buffer: AudioBuffer): Promise<void> {
    if (context !== this.context) return;
    if (context.state === "suspended") await context.resume();
    const source = context.createBufferSource();
    source.buffer = buffer;
    source.connect(context.destination);
    // A small lead on the first chunk keeps the start glitch-free; later chunks start exactly
    // where the previous one ends.
    const start = Math.max(this.next, context.currentTime + 0.05);
    source.start(start);
    // benchmarks/audio.py measures time-to-first-audio up to this mark.
    if (this.chunks === 0) performance.mark(FIRST_AUDIO_MARK, { detail: { lead: start - context.currentTime } });
    this.next = start + buffer.duration;
    this.scheduled += buffer.duration;
    this.chunks += 1;
  }

  close(): void {
    void this.context?.close();
    this.context = null;
    this.next = 0;
    this.scheduled = 0;
    this.chunks = 0;
    this.tail = Promise.resolve();
  }
}

/** Microphone samples, read as they come, until `stop` is called. */
async function openMicrophone(onSamples: (block: Float32Array) => void): Promise<{ rate: number; stop: () => void }> {
  const media = await navigator.mediaDevices.getUserMedia({ audio: true });
  const context = new AudioContext();
  const source = context.createMediaStreamSource(media);
  // ScriptProcessorNode needs no separate worklet module, so the page's CSP stays simple.
  const processor = context.createScriptProcessor(4096, 1, 1);
  processor.onaudioprocess = (e) => onSamples(new Float32Array(e.inputBuffer.getChannelData(0)));
  source.connect(processor);
  processor.connect(context.destination);
  return {
    rate: context.sampleRate,
    stop: () => {
      processor.disconnect();
      source.disconnect();
      media.getTracks().forEach((t) => t.stop());
      void context.close();
    },
  };
}

function StreamRecorder({
  control,
  fire,
  recording,
}: {
  control: StreamControl;
  fire: ComponentProps["fire"];
  recording: unknown;
}) {
  const [active, setActive] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const stopRef = useRef<(() => void) | null>(null);
  const stop = () => {
    stopRef.current?.();
    stopRef.current = null;
  };
  useEffect(() => stop, []);
  const start = async () => {
    setError(null);
    let blocks: Float32Array[] = [];
    try {
      const mic = await openMicrophone((block) => blocks.push(block));
      const send = () => {
        const chunk = blocks;
        blocks = [];
        if (chunk.length === 0) return;
        const wav = new File([wavOf([joinSamples(chunk)], mic.rate)], "chunk.wav", { type: "audio/wav" });
        void uploadFiles([wav]).then(
          ([uploaded]) => uploaded && !control.send(uploaded) && stop(),
          (err: unknown) => setError(err instanceof Error ? err.message : String(err)),
        );
      };
      const timer = setInterval(send, Math.max(0.05, control.every) * 1000);
      stopRef.current = () => {
        clearInterval(timer);
        mic.stop();
        control.end();
        setActive(false);
        fire("stop_recording");
      };
      setActive(true);
      fire("start_recording");
    } catch (err) {
      setError(err instanceof Error ? err.message : "No microphone available");
    }
  };
  // The server sets `recording` (initially, or with gr.update) to start or stop streaming.
  useEffect(() => {
    if (recording === true && !stopRef.current) void start();
    if (recording === false) stop();
  }, [recording]);
  return (
    <div class="recorder" data-streaming={active ? "true" : "false"}>
      <button
        type="button"
        class={`btn btn-sm ${active ? "btn-stop" : "btn-secondary"}`}
        onClick={active ? stop : () => void start()}
      >
        {active ? "Stop streaming" : "Record"}
      </button>
      {error ? <div class="upload-error">{error}</div> : null}
    </div>
  );
}

export default function AudioView({ id, inputId, props, interactive, setValue, fire, stream }: ComponentProps) {
  const file = isFileData(props.value) ? props.value : null;
  const src = fileUrl(file);
  const sources = Array.isArray(props.sources) ? props.sources.map(String) : ["upload", "microphone"];
  const state = useUpload(["audio", ".wav", ".mp3", ".ogg", ".flac", ".webm", ".m4a"]);
  const streaming = props.streaming === true && !interactive;
  const player = useRef<ChunkPlayer | null>(null);
  const holder = useRef<HTMLDivElement | null>(null);
  const audio = useRef<HTMLAudioElement | null>(null);
  const waveform = (props.waveform_options ?? {}) as WaveformOptions;
  const showWave = props.waveform !== false && waveform.show_recording_waveform !== false;

  const [streamError, setStreamError] = useState<string | null>(null);
  useEffect(() => {
    if (!streaming) return;
    let last: string | null = null;
    // Every value the generator yields, even the same chunk twice or several in one frame.
    outputFeeds.set(id, (value, _run, final) => {
      const url = fileUrl(isFileData(value) ? value : null);
      // The completion repeats the generator's last chunk, which is already playing.
      if (!url || (final && url === last)) return;
      last = final ? null : url;
      player.current ??= new ChunkPlayer();
      const current = player.current;
      current.add(url).then(
        () => {
          holder.current?.setAttribute("data-scheduled", current.scheduled.toFixed(3));
          holder.current?.setAttribute("data-chunks", String(current.chunks));
        },
        (err: unknown) =>
          setStreamError(`Cannot play an audio chunk: ${err instanceof Error ? err.message : String(err)}`),
      );
    });
    return () => outputFeeds.delete(id);
  }, [streaming, id]);
  useEffect(() => () => player.current?.close(), []);

  const set = (uploaded: FileData, event: string) => {
    setValue(uploaded);
    fire(event, uploaded);
  };
  const onRecorded = async (wav: File) => {
    const [uploaded] = (await uploadFiles([wav]).catch(() => [])) as FileData[];
    if (!uploaded) return;
    // As in Gradio, stop_recording fires once the recording is the value, so its listeners read it.
    setValue(uploaded);
    fire("stop_recording", uploaded);
    fire("input", uploaded);
  };
  const onTrimmed = async (wav: File) => {
    const [uploaded] = (await uploadFiles([wav]).catch(() => [])) as FileData[];
    if (uploaded) setValue(uploaded);
  };
  return (
    <div class="audio-block" ref={holder}>
      <FieldLabel forId={inputId} props={props} fallback="Audio" />
      {interactive && stream && sources.includes("microphone") ? (
        <StreamRecorder control={stream} fire={fire} recording={props.recording} />
      ) : streaming ? (
        <div class="media-empty" aria-live="polite">
          {streamError ? (
            <span class="upload-error">{streamError}</span>
          ) : src ? (
            "Playing stream…"
          ) : (
            "Waiting for audio"
          )}
        </div>
      ) : src ? (
        <>
          {showWave ? (
            <Waveform
              src={src}
              audio={audio}
              options={waveform}
              editable={interactive && props.editable !== false}
              onTrim={(f) => void onTrimmed(f)}
            />
          ) : null}
          <div class="media-row">
            {showWave ? <PlayerControls audio={audio} skipLength={waveform.skip_length} /> : null}
            <audio
              ref={audio}
              id={inputId}
              controls={!showWave || waveform.show_controls === true}
              src={src}
              autoPlay={props.autoplay === true}
              loop={props.loop === true}
              onLoadedMetadata={seekToStart(props.playback_position)}
              onPlay={() => fire("play")}
              onPause={() => fire("pause")}
              onEnded={() => fire("stop")}
            />
            <MediaActions
              href={file ? src : undefined}
              fileName={file ? fileName(file) : undefined}
              showDownload={props.show_download_button !== false}
              interactive={interactive}
              onClear={() => {
                setValue(null);
                fire("clear");
              }}
            />
          </div>
        </>
      ) : interactive ? (
        <>
          {sources.includes("upload") ? (
            <UploadZone id={inputId} fileTypes={["audio"]} state={state} onFiles={(f) => f[0] && set(f[0], "upload")}>
              <span>Drop an audio file or click to upload</span>
            </UploadZone>
          ) : null}
          {sources.includes("microphone") ? (
            <Recorder
              onDone={(f) => void onRecorded(f)}
              onStart={() => fire("start_recording")}
              onPause={() => fire("pause_recording")}
              showWaveform={showWave}
              sampleRate={waveform.sample_rate}
              recording={typeof props.recording === "boolean" ? props.recording : undefined}
            />
          ) : null}
        </>
      ) : (
        <div class="media-empty">No audio</div>
      )}
    </div>
  );
}
