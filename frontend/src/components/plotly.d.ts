// The small part of plotly.js's API that the Plot component uses. Both bundles (the cartesian
// one and the full one) export the same object; they ship no type declarations of their own.

declare module "plotly.js-cartesian-dist-min" {
  import type { PlotlyApi } from "./figures";
  const Plotly: PlotlyApi;
  export default Plotly;
}

declare module "plotly.js-dist-min" {
  import type { PlotlyApi } from "./figures";
  const Plotly: PlotlyApi;
  export default Plotly;
}
