// gr.Navbar: draws nothing itself. Its props (visible, main_page_name, extra links) shape the
// bar of page links that the page draws at the top (`pages_nav.tsx`), as in Gradio.

import type { ComponentProps } from "../block";

export default function Navbar(_: ComponentProps) {
  return null;
}
