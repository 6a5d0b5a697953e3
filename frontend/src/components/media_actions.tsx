// The download link and clear button that Image, Audio and Video draw over a value.

interface MediaActionsProps {
  /** The file's URL; no download link without it or when `showDownload` is false. */
  href: string | undefined;
  fileName: string | undefined;
  showDownload: boolean;
  /** Editable components also get a clear button. */
  interactive: boolean;
  onClear: () => void;
}

export function MediaActions({ href, fileName, showDownload, interactive, onClear }: MediaActionsProps) {
  return (
    <>
      {showDownload && href ? (
        <a class="icon-btn" href={href} download={fileName} aria-label="Download">
          ↓
        </a>
      ) : null}
      {interactive ? (
        <button type="button" class="icon-btn" aria-label="Clear" onClick={onClear}>
          ×
        </button>
      ) : null}
    </>
  );
}
