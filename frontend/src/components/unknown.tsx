// Shown for a component type this frontend has no module for.

import type { ComponentProps } from "../block";

export default function Unknown({ type }: ComponentProps) {
  return <div class="unknown-component">Unknown component {type}</div>;
}
