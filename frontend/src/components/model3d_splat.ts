// gr.Model3D's Gaussian splat viewer, on gsplat (WebGL 2). Only model3d.tsx imports this
// module, and only with import(), so gsplat is a chunk of its own that only pages showing a
// splat download; it shares nothing with the three.js chunk.

import { Camera, Color32, Loader, OrbitControls, PLYLoader, Scene, WebGLRenderer } from "gsplat";
import type { ModelView, ViewOptions } from "./model3d_scene";

// gsplat's own defaults, the view Gradio shows a splat with: the camera 5 units from the origin,
// turned 0.5 radians around it and raised 0.5 radians above it.
const DEFAULT_TURN = 0.5;
const DEFAULT_RAISE = 0.5;
const DEFAULT_RADIUS = 5;

/** camera_position (degrees around the vertical axis from the front, degrees down from the top,
 * distance) as gsplat's orbit (radians around, radians above the level, distance). A splat's
 * "up" is -y, as in the captures splats are trained from, which gsplat's orbit follows. */
export function splatOrbit(camera: ViewOptions["camera"]): [number, number, number] {
  const [alpha, beta, radius] = camera;
  const radians = (degrees: number) => (degrees * Math.PI) / 180;
  return [
    alpha === null ? DEFAULT_TURN : radians(alpha + 90),
    beta === null ? DEFAULT_RAISE : radians(90 - beta),
    radius ?? DEFAULT_RADIUS,
  ];
}

function controlsFor(camera: Camera, canvas: HTMLCanvasElement, options: ViewOptions): OrbitControls {
  const [turn, raise, radius] = splatOrbit(options.camera);
  // Keyboard controls off: gsplat listens on the whole window, which would steal the page's keys.
  const controls = new OrbitControls(camera, canvas, turn, raise, radius, false);
  controls.zoomSpeed = options.zoomSpeed;
  controls.panSpeed = options.panSpeed;
  return controls;
}

/** Draws the splat in `data` (a .splat file, or a PLY file holding a splat) into `host`. */
export function showSplat(
  host: HTMLElement,
  data: ArrayBuffer,
  format: "splat" | "ply",
  options: ViewOptions,
): ModelView {
  // Parsed first: a file gsplat cannot read leaves the host as it was.
  const scene = new Scene();
  if (format === "ply") PLYLoader.LoadFromArrayBuffer(data, scene);
  else Loader.LoadFromArrayBuffer(data, scene);
  const canvas = document.createElement("canvas");
  canvas.className = "model3d-canvas";
  // gsplat asks for the context without preserveDrawingBuffer; asking first with it keeps the
  // last frame readable (a screenshot, a copy), as the three.js viewer's is.
  if (!canvas.getContext("webgl2", { antialias: false, preserveDrawingBuffer: true })) {
    throw new Error("Gaussian splats need WebGL 2");
  }
  host.replaceChildren(canvas);
  // No render passes: gsplat's default one fades the splat in over a second or two; a splat
  // shows at once, as the three.js viewer's models do.
  const renderer = new WebGLRenderer(canvas, []);
  const [r, g, b, a] = options.clearColor.map((v) => Math.round(Math.min(Math.max(v, 0), 1) * 255));
  // gsplat clears to transparent and shows its background colour behind the canvas.
  renderer.backgroundColor = new Color32(r, g, b, a);
  const camera = new Camera();
  let controls = controlsFor(camera, canvas, options);
  const resized = new ResizeObserver(() => {
    renderer.setSize(host.clientWidth || 480, host.clientHeight || 320);
  });
  resized.observe(host);
  renderer.setSize(host.clientWidth || 480, host.clientHeight || 320);
  // Every frame, not on demand: gsplat eases the camera towards each turn and sorts the splats
  // for the new view in a worker, so frames after the input are still changing.
  let frame = 0;
  const draw = () => {
    controls.update();
    renderer.render(scene, camera);
    frame = requestAnimationFrame(draw);
  };
  frame = requestAnimationFrame(draw);
  return {
    reset: () => {
      controls.dispose();
      controls = controlsFor(camera, canvas, options);
    },
    dispose: () => {
      cancelAnimationFrame(frame);
      resized.disconnect();
      controls.dispose();
      renderer.dispose();
      // Browsers keep only a few WebGL contexts; a replaced model must not hold one.
      renderer.gl.getExtension("WEBGL_lose_context")?.loseContext();
      canvas.remove();
    },
  };
}
