import { describe, expect, it } from "vitest";
import { locale, pickLocale, setupI18n, translate, translateText } from "../src/i18n";
import { navLinks, pageHref } from "../src/pages_nav";

const mark = (key: string) => `__i18n__${JSON.stringify({ __type__: "translation_metadata", key })}`;

describe("i18n", () => {
  it("picks the first browser language the app has, by tag or base language", () => {
    expect(pickLocale(["en", "fr"], ["de-DE", "fr-CA", "en"])).toBe("fr");
    expect(pickLocale(["en", "pt-BR"], ["pt-BR"])).toBe("pt-BR");
    expect(pickLocale(["fr"], ["ja"])).toBe("en");
  });

  it("translates marker strings anywhere in props, falling back to English then the key", () => {
    setupI18n({ en: { a: "A", b: "B" }, fr: { a: "Ah" } }, ["fr-FR"]);
    expect(locale.value).toBe("fr");
    const props = { label: mark("a"), choices: [[mark("b"), "b"]], value: "plain" };
    expect(translate(props)).toEqual({ label: "Ah", choices: [["B", "b"]], value: "plain" });
    expect(translateText(mark("missing"), "fr")).toBe("missing");
    expect(translateText(`# ${mark("a")} and ${mark("b")}!`, "fr")).toBe("# Ah and B!");
    const untouched = { value: "x" };
    expect(translate(untouched)).toBe(untouched);
  });
});

describe("page links", () => {
  const pages: [string, string, boolean][] = [
    ["", "Home", true],
    ["up", "Up", true],
    ["hidden", "Hidden", false],
  ];

  it("lists the pages shown in the bar, then a Navbar's extra links", () => {
    expect(navLinks(pages, null)).toEqual([
      ["", "Home"],
      ["up", "Up"],
    ]);
    const navbar = {
      main_page_name: "Main",
      value: [
        ["Docs", "https://x.org"],
        ["Again", "up"],
      ],
    };
    expect(navLinks(pages, navbar)).toEqual([
      ["", "Main"],
      ["up", "Up"],
      ["https://x.org", "Docs"],
    ]);
    expect(navLinks(pages, { main_page_name: false })).toEqual([["up", "Up"]]);
    expect(navLinks(pages, { visible: false })).toBeNull();
    expect(navLinks([["", "Home", true]], null)).toBeNull();
  });

  it("points page paths under the root and keeps unsafe URLs out", () => {
    expect(pageHref("up", "http://h/app/")).toBe("http://h/app/up");
    expect(pageHref("", "http://h")).toBe("http://h/");
    expect(pageHref("javascript:alert(1)", "http://h")).toBeNull();
  });
});
