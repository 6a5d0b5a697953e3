// gr.Plot: a figure rendered by the server. A matplotlib figure arrives as an image `data:` URL
// and is shown as an <img> (so an SVG's scripts never run). plotly and altair figures arrive as
// JSON specs; drawing those needs their JavaScript libraries, which are not bundled, so the
// spec is offered for download instead of being drawn.

import { BlockTitle, str, type ComponentProps } from "../block";

const IMAGE_URL = /^data:image\/(png|jpeg|webp|gif|svg\+xml);base64,[A-Za-z0-9+/=]+$/;

export default function Plot({ id, inputId, props }: ComponentProps) {
  const v = (props.value ?? null) as { type?: unknown; plot?: unknown } | null;
  const kind = str(v?.type);
  const plot = str(v?.plot);
  let body;
  if (!v) body = <div class="plot-empty">No plot</div>;
  else if (kind === "matplotlib" && IMAGE_URL.test(plot)) {
    body = <img class="plot-image" src={plot} alt={str(props.label, "Plot")} data-testid={`plot-${id}`} />;
  } else {
    const href = `data:application/json;charset=utf-8,${encodeURIComponent(plot)}`;
    body = (
      <div class="plot-empty">
        This {kind || "unknown"} figure cannot be drawn here.{" "}
        <a href={href} download={`${kind || "plot"}.json`}>
          Download its spec
        </a>
      </div>
    );
  }
  return (
    <div class="plot-block">
      <BlockTitle id={inputId} props={props} />
      {body}
    </div>
  );
}
