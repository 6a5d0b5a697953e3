// @vitest-environment jsdom
// DOMPurify needs a faithful DOM: under happy-dom it skips nodes, so these run under jsdom.

import { render } from "preact";
import { act } from "preact/test-utils";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { ComponentProps } from "../src/block";
import Html from "../src/components/html";
import Markdown from "../src/components/markdown";
import { WAIT } from "./fakes";

let host: HTMLElement;

beforeEach(() => {
  host = document.createElement("div");
  document.body.append(host);
});
afterEach(() => {
  render(null, host);
  host.remove();
});

function propsFor(type: string, props: Record<string, unknown>): ComponentProps {
  return {
    id: 1,
    type,
    inputId: "input-1",
    props,
    interactive: false,
    setValue: () => undefined,
    fire: () => undefined,
  };
}

const UNSAFE = '<img src=x onerror="alert(1)"><script>alert(2)</script><a href="javascript:alert(3)">x</a>';

describe("markdown", () => {
  it("renders GitHub-flavoured markdown, loading marked on first use", async () => {
    const md = "# Title\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\n- [x] done\n\n~~gone~~ `code`";
    act(() => render(<Markdown {...propsFor("markdown", { value: md })} />, host));
    await vi.waitFor(() => expect(host.querySelector("table")).not.toBeNull(), WAIT);
    expect(host.querySelector("h1")!.textContent).toBe("Title");
    expect(host.querySelectorAll("td")).toHaveLength(2);
    expect(host.querySelector("input[type=checkbox]")).not.toBeNull();
    expect(host.querySelector("del")!.textContent).toBe("gone");
    expect(host.querySelector("code")!.textContent).toBe("code");
  });

  it("removes scripts and event handlers", async () => {
    act(() => render(<Markdown {...propsFor("markdown", { value: `hello\n\n${UNSAFE}` })} />, host));
    await vi.waitFor(() => expect(host.querySelector("img")).not.toBeNull(), WAIT);
    expect(host.querySelector("script")).toBeNull();
    expect(host.querySelector("img")!.hasAttribute("onerror")).toBe(false);
    expect(host.querySelector("a")!.getAttribute("href")).toBeNull();
  });

  it("draws simple markdown at once, without marked", () => {
    act(() => render(<Markdown {...propsFor("markdown", { value: "# Hello\nPress **Submit**." })} />, host));
    expect(host.querySelector("h1")!.textContent).toBe("Hello");
    expect(host.querySelector("strong")!.textContent).toBe("Submit");
  });

  it("adds header links and opens outside links in a new tab", () => {
    const md = "## Getting started\n\n[docs](https://example.org) and [here](#getting-started)";
    act(() => render(<Markdown {...propsFor("markdown", { value: md, header_links: true })} />, host));
    const heading = host.querySelector("h2")!;
    expect(heading.id).toBe("getting-started");
    expect(heading.querySelector("a.header-link")!.getAttribute("href")).toBe("#getting-started");
    const [outside, inside] = host.querySelectorAll("p a");
    expect(outside.getAttribute("target")).toBe("_blank");
    expect(outside.getAttribute("rel")).toBe("noopener noreferrer");
    expect(inside.hasAttribute("target")).toBe(false);
  });

  it("honours rtl", () => {
    act(() => render(<Markdown {...propsFor("markdown", { value: "שלום", rtl: true })} />, host));
    expect(host.querySelector(".markdown")!.getAttribute("dir")).toBe("rtl");
  });
});

describe("html", () => {
  it("shows sanitised HTML", () => {
    act(() => render(<Html {...propsFor("html", { value: `<p class="x">hi</p>${UNSAFE}` })} />, host));
    expect(host.querySelector("p.x")!.textContent).toBe("hi");
    expect(host.querySelector("script")).toBeNull();
    expect(host.querySelector("img")!.hasAttribute("onerror")).toBe(false);
  });
});
