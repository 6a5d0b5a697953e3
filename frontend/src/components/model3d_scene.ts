// gr.Model3D's three.js viewer. Only model3d.tsx imports this module, and only with import(),
// so three.js is a chunk of its own that pages without a model never download.

import {
  AmbientLight,
  Box3,
  BufferGeometry,
  Color,
  DirectionalLight,
  type Material,
  Mesh,
  MeshStandardMaterial,
  type Object3D,
  PerspectiveCamera,
  Points,
  PointsMaterial,
  Scene,
  Sphere,
  Vector3,
  WebGLRenderer,
} from "three";
import { OrbitControls } from "three/addons/controls/OrbitControls.js";
import { GLTFLoader } from "three/addons/loaders/GLTFLoader.js";
import { OBJLoader } from "three/addons/loaders/OBJLoader.js";
import { PLYLoader } from "three/addons/loaders/PLYLoader.js";
import { STLLoader } from "three/addons/loaders/STLLoader.js";

export type DisplayMode = "solid" | "point_cloud" | "wireframe";
export type Camera = [number | null, number | null, number | null];

/** Gradio's Model3D options, as the viewer uses them. */
export interface ViewOptions {
  displayMode: DisplayMode;
  /** Red, green, blue and alpha, each 0 to 1. */
  clearColor: [number, number, number, number];
  /** (alpha, beta, radius): degrees around the vertical axis, degrees down from the top, distance. */
  camera: Camera;
  zoomSpeed: number;
  panSpeed: number;
}

/** A drawn model: `reset` puts the camera back where it started; `dispose` frees the GPU. */
export interface ModelView {
  reset(): void;
  dispose(): void;
}

const FOV = 45;
// Without a camera_position these are Gradio's defaults: looking at the model's front, level.
const DEFAULT_ALPHA = -90;
const DEFAULT_BETA = 90;

function surface(geometry: BufferGeometry, asPoints: boolean): Mesh | Points {
  const vertexColors = geometry.hasAttribute("color");
  if (asPoints) return new Points(geometry, new PointsMaterial({ size: 2, sizeAttenuation: false, vertexColors }));
  if (!geometry.hasAttribute("normal")) geometry.computeVertexNormals();
  return new Mesh(geometry, new MeshStandardMaterial({ color: vertexColors ? 0xffffff : 0xb0b0b0, vertexColors }));
}

async function loadModel(url: string, kind: string, data: ArrayBuffer | null): Promise<Object3D> {
  if (kind === "glb" || kind === "gltf") return (await new GLTFLoader().loadAsync(url)).scene;
  if (kind === "obj") return new OBJLoader().loadAsync(url);
  if (kind === "stl") return surface(await new STLLoader().loadAsync(url), false);
  const geometry = data ? new PLYLoader().parse(data) : await new PLYLoader().loadAsync(url);
  // A PLY file with vertices and no faces is a point cloud already.
  return surface(geometry, !geometry.index);
}

function materials(object: Mesh | Points): Material[] {
  return Array.isArray(object.material) ? object.material : [object.material];
}

/** Shows every mesh as its wireframe or as the points of its vertices. */
function applyMode(root: Object3D, mode: DisplayMode): void {
  const meshes: Mesh[] = [];
  root.traverse((node) => {
    if (node instanceof Mesh) meshes.push(node);
  });
  for (const mesh of meshes) {
    if (mode === "wireframe") {
      for (const material of materials(mesh)) (material as MeshStandardMaterial).wireframe = true;
    } else if (mode === "point_cloud") {
      const vertexColors = mesh.geometry.hasAttribute("color");
      const first = materials(mesh)[0] as MeshStandardMaterial;
      const color = vertexColors || !first.color ? new Color(0xffffff) : first.color;
      const points = new Points(
        mesh.geometry,
        new PointsMaterial({ size: 2, sizeAttenuation: false, color, vertexColors }),
      );
      points.applyMatrix4(mesh.matrix);
      mesh.parent?.add(points);
      mesh.removeFromParent();
    }
  }
}

function placeCamera(camera: PerspectiveCamera, controls: OrbitControls, bounds: Sphere, options: ViewOptions): void {
  const [alphaDeg, betaDeg, radius] = options.camera;
  const alpha = ((alphaDeg ?? DEFAULT_ALPHA) * Math.PI) / 180;
  const beta = ((betaDeg ?? DEFAULT_BETA) * Math.PI) / 180;
  const size = bounds.radius || 1;
  const distance = radius ?? (size / Math.sin((FOV * Math.PI) / 360)) * 1.1;
  // Gradio's angles are Babylon.js's left-handed ones; three.js is right-handed, hence -z.
  const offset = new Vector3(
    Math.cos(alpha) * Math.sin(beta),
    Math.cos(beta),
    -Math.sin(alpha) * Math.sin(beta),
  ).multiplyScalar(distance);
  camera.near = Math.max(distance / 1000, size / 1000);
  camera.far = (distance + size) * 10;
  camera.position.copy(bounds.center).add(offset);
  camera.updateProjectionMatrix();
  controls.target.copy(bounds.center);
  controls.update();
}

function lights(scene: Scene): void {
  scene.add(new AmbientLight(0xffffff, 1.2));
  const key = new DirectionalLight(0xffffff, 2);
  key.position.set(1, 2, 3);
  scene.add(key);
  const fill = new DirectionalLight(0xffffff, 0.8);
  fill.position.set(-2, -1, -3);
  scene.add(fill);
}

/** Loads the model at `url` (of type `kind`, one model3d_formats.ts gives to three.js) and
 * draws it into `host`; `data` is the file's content where the component has read it already. */
export async function showModel(
  host: HTMLElement,
  url: string,
  kind: string,
  options: ViewOptions,
  data: ArrayBuffer | null = null,
): Promise<ModelView> {
  const model = await loadModel(url, kind, data);
  applyMode(model, options.displayMode);
  const scene = new Scene();
  lights(scene);
  scene.add(model);
  const renderer = new WebGLRenderer({ antialias: true, alpha: true, preserveDrawingBuffer: true });
  const [r, g, b, a] = options.clearColor;
  renderer.setClearColor(new Color(r, g, b), a);
  renderer.setPixelRatio(window.devicePixelRatio);
  renderer.domElement.className = "model3d-canvas";
  host.replaceChildren(renderer.domElement);
  const camera = new PerspectiveCamera(FOV, 1);
  const controls = new OrbitControls(camera, renderer.domElement);
  controls.zoomSpeed = options.zoomSpeed;
  controls.panSpeed = options.panSpeed;
  const bounds = new Box3().setFromObject(model).getBoundingSphere(new Sphere());
  const draw = () => renderer.render(scene, camera);
  const fit = () => {
    const width = host.clientWidth || 480;
    const height = host.clientHeight || 320;
    renderer.setSize(width, height, false);
    camera.aspect = width / height;
    camera.updateProjectionMatrix();
    draw();
  };
  // Drawn on demand (a turn, a resize) rather than every frame: an idle model costs nothing.
  controls.addEventListener("change", draw);
  const resized = new ResizeObserver(fit);
  resized.observe(host);
  placeCamera(camera, controls, bounds, options);
  fit();
  return {
    reset: () => {
      placeCamera(camera, controls, bounds, options);
      draw();
    },
    dispose: () => {
      resized.disconnect();
      controls.dispose();
      model.traverse((node) => {
        if (node instanceof Mesh || node instanceof Points) {
          node.geometry.dispose();
          for (const material of materials(node)) material.dispose();
        }
      });
      renderer.dispose();
      renderer.domElement.remove();
    },
  };
}
