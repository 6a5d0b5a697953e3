import { describe, expect, it } from "vitest";
import { viewOptions } from "../src/components/model3d";

describe("model3d", () => {
  it("reads Gradio's props, with its defaults where one is unset", () => {
    expect(
      viewOptions({
        display_mode: "wireframe",
        clear_color: [0, 0, 1, 1],
        camera_position: [30, null, 5],
        zoom_speed: 2,
        pan_speed: 0.5,
      }),
    ).toEqual({
      displayMode: "wireframe",
      clearColor: [0, 0, 1, 1],
      camera: [30, null, 5],
      zoomSpeed: 2,
      panSpeed: 0.5,
    });
    expect(viewOptions({ display_mode: null, clear_color: null, camera_position: [null, null, null] })).toEqual({
      displayMode: "solid",
      clearColor: [0, 0, 0, 0],
      camera: [null, null, null],
      zoomSpeed: 1,
      panSpeed: 1,
    });
  });
});
