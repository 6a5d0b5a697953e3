import { describe, expect, it } from "vitest";
import type { AppConfig } from "../src/config";
import {
  curlSnippet,
  type Endpoint,
  javascriptSnippet,
  mcpSnippet,
  pythonSnippet,
  pythonValue,
  recordedCall,
  recordedSnippet,
} from "../src/snippets";
import type { JoinRequest } from "../src/wire";

const ROOT = "http://127.0.0.1:7860/";
const GREET: Endpoint = {
  parameters: [
    { parameter_name: "name", parameter_has_default: false, example_input: "Hello!!" },
    { parameter_name: "times", parameter_has_default: true, parameter_default: 2, example_input: 3 },
  ],
};
const FILE = { path: "https://x.test/a.png", url: "https://x.test/a.png", meta: { _type: "gradio.FileData" } };
const UPLOAD: Endpoint = { parameters: [{ parameter_name: "image", example_input: FILE }] };

describe("pythonSnippet", () => {
  it("names each parameter with its default or its example", () => {
    expect(pythonSnippet(ROOT, "/greet", GREET)).toBe(
      [
        "from gradio_client import Client",
        "",
        'client = Client("http://127.0.0.1:7860/")',
        "result = client.predict(",
        '    name="Hello!!",',
        "    times=2,",
        '    api_name="/greet",',
        ")",
        "print(result)",
      ].join("\n"),
    );
  });

  it("passes files through handle_file and imports it", () => {
    const code = pythonSnippet(ROOT, "/upload", UPLOAD);
    expect(code).toContain("from gradio_client import Client, handle_file");
    expect(code).toContain('image=handle_file("https://x.test/a.png"),');
  });
});

describe("pythonValue", () => {
  it("spells JSON values as Python", () => {
    expect(pythonValue({ a: [true, false, null], b: 1.5 })).toBe('{"a": [True, False, None], "b": 1.5}');
  });
});

describe("javascriptSnippet", () => {
  it("calls predict with an object of named parameters", () => {
    const code = javascriptSnippet(ROOT, "/greet", GREET);
    expect(code).toContain('import { Client } from "@gradio/client";');
    expect(code).toContain('const client = await Client.connect("http://127.0.0.1:7860/");');
    expect(code).toContain('const result = await client.predict("/greet", {\n  name: "Hello!!",\n  times: 2,\n});');
  });

  it("wraps files in handle_file", () => {
    expect(javascriptSnippet(ROOT, "/upload", UPLOAD)).toContain('image: handle_file("https://x.test/a.png"),');
  });
});

describe("curlSnippet", () => {
  it("posts the values to call/<name> and reads the event stream", () => {
    const code = curlSnippet(ROOT, "/greet", GREET);
    expect(code).toContain(
      `curl -X POST http://127.0.0.1:7860/gradio_api/call/greet -s -H "Content-Type: application/json" -d '{"data":["Hello!!",2]}'`,
    );
    expect(code).toContain("curl -N http://127.0.0.1:7860/gradio_api/call/greet/$EVENT_ID");
  });

  it("quotes single quotes for the shell", () => {
    const quoted: Endpoint = { parameters: [{ parameter_name: "s", example_input: "it's" }] };
    expect(curlSnippet(ROOT, "/q", quoted)).toContain(`-d '{"data":["it'"'"'s"]}'`);
  });
});

describe("mcpSnippet", () => {
  it("gives the server's URL and the endpoint's tool", () => {
    const code = mcpSnippet(ROOT, "/greet", "greet");
    expect(code).toContain('"url": "http://127.0.0.1:7860/gradio_api/mcp/"');
    expect(code).toContain('/greet is the tool "greet"');
  });

  it("says how to turn the server on when there is none", () => {
    expect(mcpSnippet(ROOT, "/greet", undefined)).toContain("mcp_server=True");
  });
});

describe("recordedSnippet", () => {
  it("writes one predict per recorded call, with parameter names", () => {
    const code = recordedSnippet(
      ROOT,
      [
        { apiName: "/greet", values: ["Ann", 1] },
        { apiName: "/upload", values: [FILE] },
      ],
      { named_endpoints: { "/greet": GREET, "/upload": UPLOAD } },
    );
    expect(code.split("\n")).toEqual([
      "from gradio_client import Client, handle_file",
      "",
      'client = Client("http://127.0.0.1:7860/")',
      'result = client.predict(name="Ann", times=1, api_name="/greet")',
      'result = client.predict(image=handle_file("https://x.test/a.png"), api_name="/upload")',
    ]);
  });
});

describe("recordedCall", () => {
  const config = {
    components: [
      { id: 1, skip_api: false },
      { id: 2, skip_api: true },
      { id: 3, skip_api: false },
    ],
    dependencies: [
      { id: 0, api_name: "remember", api_visibility: "public", inputs: [1, 2] },
      { id: 1, api_name: "secret", api_visibility: "private", inputs: [1] },
      { id: 2, api_name: false, api_visibility: "public", inputs: [3] },
    ],
  } as unknown as AppConfig;

  it("keeps a public endpoint's values, State and buttons left out", () => {
    expect(recordedCall(config, { data: ["a", null], fn_index: 0 } as JoinRequest)).toEqual({
      apiName: "/remember",
      values: ["a"],
    });
  });

  it("records nothing for private or unnamed dependencies", () => {
    expect(recordedCall(config, { data: ["a"], fn_index: 1 } as JoinRequest)).toBeNull();
    expect(recordedCall(config, { data: ["a"], fn_index: 2 } as JoinRequest)).toBeNull();
  });
});
