// gr.State: a per-session value kept on the server; nothing to draw.

export default function State() {
  return null;
}
