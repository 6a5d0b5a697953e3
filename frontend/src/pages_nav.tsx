// The bar of page links at the top of a multipage app (`Blocks.route`). It lists the pages
// shown in the navbar; a `gr.Navbar` on the page renames the main page (`main_page_name`, or
// false to leave it out), adds its `value`'s `[text, url]` links and hides the bar when not
// visible. Following a link loads that page anew, as in Gradio.

import type { AppConfig, Props } from "./config";
import { isHidden } from "./block";
import { translate } from "./i18n";
import { baseUrl } from "./page_config";

export type PageEntry = [string, string, boolean];

/** Where a page link points: absolute http(s) URLs as they are, page paths under the root. */
export function pageHref(route: string, root: string): string | null {
  if (/^https?:\/\//i.test(route)) return route;
  if (/^[a-z][a-z0-9+.-]*:/i.test(route)) return null;
  return `${root.replace(/\/+$/, "")}/${route.replace(/^\/+/, "")}`;
}

function bare(path: string): string {
  return path.split(/[?#]/)[0].replace(/^\/+|\/+$/g, "");
}

/** The `[route, label]` links of the bar, or null when it is not shown. */
export function navLinks(pages: PageEntry[], navbar: Props | null): [string, string][] | null {
  if (pages.length < 2 || (navbar && isHidden(navbar))) return null;
  const main = navbar?.main_page_name;
  const links: [string, string][] = [];
  for (const [route, label, shown] of pages) {
    if (route === "") {
      if (main === false) continue;
      links.push([route, typeof main === "string" && main ? main : label]);
    } else if (shown !== false) {
      links.push([route, label]);
    }
  }
  const extra = Array.isArray(navbar?.value) ? (navbar.value as unknown[]) : [];
  const known = new Set(links.map(([route]) => route));
  for (const pair of extra) {
    if (!Array.isArray(pair) || pair.length !== 2) continue;
    const [text, route] = [String(pair[0]), String(pair[1])];
    if (!known.has(route)) links.push([route, text]);
  }
  return links;
}

export function PagesNav({ config, navbar }: { config: AppConfig; navbar: Props | null }) {
  const links = navLinks(translate((config.pages ?? []) as PageEntry[]), navbar);
  if (!links) return null;
  const root = config.root || new URL(".", baseUrl()).href;
  const current = bare(config.current_page ?? "");
  return (
    <nav class="pages-nav" aria-label="Pages">
      {links.map(([route, label]) => {
        const href = pageHref(route, root);
        const external = /^https?:\/\//i.test(route);
        if (href === null) return <span key={route}>{label}</span>;
        const active = !external && bare(route) === current;
        return (
          <a
            key={route}
            href={href}
            class={active ? "active" : undefined}
            aria-current={active ? "page" : undefined}
            target={external ? "_blank" : undefined}
            rel={external ? "noopener noreferrer" : undefined}
          >
            {label}
          </a>
        );
      })}
    </nav>
  );
}
