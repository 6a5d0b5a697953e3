// gr.api's typed values: an endpoint without a UI, so nothing to draw (as a State).
export { default } from "./state";
