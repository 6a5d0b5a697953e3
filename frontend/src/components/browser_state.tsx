// gr.BrowserState: kept in the browser's storage by the page, never drawn (as a State).
export { default } from "./state";
