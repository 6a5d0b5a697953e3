// The page: walks the config's layout tree, drawing layouts and wrapping each component in a
// block that handles visibility, sizing, `elem_id`/`elem_classes` and the loading status.

import { createContext, Fragment, type VNode } from "preact";
import { useContext, useEffect, useRef, useState } from "preact/hooks";
import {
  blockClass,
  domId,
  isHidden,
  isRemoved,
  sizeStyle,
  StatusView,
  type ComponentProps,
  type LayoutProps,
} from "./block";
import type { AppConfig, FooterLink, LayoutNode, Props } from "./config";
import { cornerButtons, CornerButtons } from "./corner_buttons";
import type { Dispatcher } from "./events";
import { translate } from "./i18n";
import { PagesNav } from "./pages_nav";
import { isLayout, load, peekComponent, peekLayout } from "./registry";
import type { Store } from "./store";
import { Toasts } from "./toasts";

export interface AppServices {
  config: AppConfig;
  store: Store;
  dispatcher: Dispatcher;
  /** Blocks that are inputs / outputs of some dependency. */
  roles: { inputs: Set<number>; outputs: Set<number> };
  /** Open the "Use via API" panel. */
  openApi?: () => void;
  /** Open the settings panel (theme, language); absent when the footer leaves it out. */
  openSettings?: () => void;
}

const Services = createContext<AppServices | null>(null);

function useServices(): AppServices {
  const services = useContext(Services);
  if (!services) throw new Error("limelight: rendered outside <App>");
  return services;
}

/** Re-render once the module for `type` has loaded; returns whether loading failed. */
function useModule(type: string): boolean {
  const [, setLoaded] = useState(0);
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    let live = true;
    load(type).then(
      () => live && setLoaded((n) => n + 1),
      () => live && setFailed(true),
    );
    return () => {
      live = false;
    };
  }, [type]);
  return failed;
}

/**
 * A component whose module had not loaded when its block was first drawn: a placeholder until
 * it has. Blocks whose module is there at once (the boot waits for those of the first screen)
 * skip this and its effect, which for a hundred blocks is a noticeable part of the first render.
 */
function PendingView({ view }: { view: ComponentProps }) {
  const failed = useModule(view.type);
  const View = peekComponent(view.type);
  if (View) return <View {...view} />;
  return <div class="block-loading">{failed ? `Could not load component ${view.type}` : null}</div>;
}

/** A layout whose module had not loaded when first drawn (tabs, accordion, sidebar). */
function PendingLayout({ type, view }: { type: string; view: LayoutProps }) {
  useModule(type);
  const View = peekLayout(type);
  return View ? <View {...view} /> : null;
}

/**
 * `interactive: false` makes a component read-only and `true` editable. Left unset, a component
 * is editable when an event reads it, or when no event writes to it.
 */
export function resolveInteractive(id: number, props: Props, roles: AppServices["roles"]): boolean {
  if (props.interactive === false) return false;
  if (props.interactive === true) return true;
  return roles.inputs.has(id) || !roles.outputs.has(id);
}

/** Components drawn without the card frame whatever their `container` prop says. */
const BARE = new Set(["button", "clearbutton", "state", "timer"]);

function Block({ id, type, nodes }: { id: number; type: string; nodes?: LayoutNode[] }) {
  const { store, dispatcher, roles } = useServices();
  const props = translate(store.props(id).value);
  const status = store.status(id).value;
  const View = peekComponent(type);
  // Once drawn as pending, always drawn through PendingView: switching to the component
  // itself would mount it anew and lose its state (focus, a draft being typed).
  const pendingAtFirst = useRef(View === undefined);
  if (isRemoved(props)) return null;
  const pending = status && status.mode !== "hidden" ? " pending" : "";
  const corner = cornerButtons(props.buttons);
  const card = props.container === true && !BARE.has(type) ? " container" : "";
  const view: ComponentProps = {
    id,
    type,
    inputId: `input-${id}`,
    props,
    interactive: resolveInteractive(id, props, roles),
    setValue: (value) => dispatcher.userInput(id, value),
    fire: (event, data) => dispatcher.trigger(id, event, data),
    callServer: (fnName, data) => dispatcher.callServer(id, fnName, data),
    stream: dispatcher.streamControl(id),
    busy: status !== null,
    children: nodes?.length ? nodes.map(renderNode) : undefined,
  };
  return (
    <div
      id={domId(id, props)}
      data-block={id}
      hidden={isHidden(props)}
      aria-busy={pending ? true : undefined}
      class={blockClass(`block block-${type}${card}${pending}`, props)}
      style={sizeStyle(props)}
    >
      {View && !pendingAtFirst.current ? <View {...view} /> : <PendingView view={view} />}
      {corner.length ? (
        <CornerButtons
          buttons={corner}
          propsOf={(button) => (store.types.has(button) ? store.props(button).value : null)}
          click={(button) => dispatcher.trigger(button, "click")}
        />
      ) : null}
      <StatusView status={status} />
    </div>
  );
}

function Layout({ id, type, node }: { id: number; type: string; node: LayoutNode }) {
  const { store, dispatcher } = useServices();
  const props = translate(store.props(id).value);
  const drawn = store.layout(id).value ?? node;
  const View = peekLayout(type);
  const pendingAtFirst = useRef(View === undefined);
  if (isHidden(props)) return null;
  const view: LayoutProps = {
    id,
    props,
    node: drawn,
    renderChild: renderNode,
    fire: (blockId, event, data) => dispatcher.trigger(blockId, event, data),
    propsOf: (blockId) => translate(store.props(blockId).value),
  };
  return View && !pendingAtFirst.current ? <View {...view} /> : <PendingLayout type={type} view={view} />;
}

function Node({ node }: { node: LayoutNode }) {
  const { store } = useServices();
  const type = store.types.get(node.id) ?? "unknown";
  return isLayout(type) ? (
    <Layout id={node.id} type={type} node={node} />
  ) : (
    <Block id={node.id} type={type} nodes={node.children} />
  );
}

function renderNode(node: LayoutNode): VNode {
  return <Node key={node.id} node={node} />;
}

/** One footer item: "Use via API", "Built with limelight", "Settings", or a link of the app's own. */
function footerItem(link: FooterLink, openApi?: () => void, openSettings?: () => void): VNode | null {
  if (typeof link !== "string") {
    return (
      <a href={link.url} target="_blank" rel="noreferrer">
        {link.label}
      </a>
    );
  }
  if (link === "api" && openApi) {
    return (
      <button type="button" class="link" onClick={openApi}>
        Use via API
      </button>
    );
  }
  if (link === "settings" && openSettings) {
    return (
      <button type="button" class="link" onClick={openSettings}>
        Settings
      </button>
    );
  }
  return link === "gradio" ? <span>Built with limelight</span> : null;
}

/** The footer `launch(footer_links=)` asks for (by default both built-in links; none: no footer). */
function Footer({
  links,
  openApi,
  openSettings,
}: {
  links: FooterLink[];
  openApi?: () => void;
  openSettings?: () => void;
}) {
  const items = links.map((link) => footerItem(link, openApi, openSettings)).filter((item) => item !== null);
  if (!items.length) return null;
  return (
    <footer class="footer">
      {items.map((item, index) => (
        <Fragment key={index}>
          {index ? <span aria-hidden="true"> · </span> : null}
          {item}
        </Fragment>
      ))}
    </footer>
  );
}

/** The page links of a multipage app, shaped by the page's `gr.Navbar` (its props live). */
function PageLinks() {
  const { config, store } = useServices();
  const navbar = config.components.find((c) => c.type === "navbar");
  const props = navbar ? translate(store.props(navbar.id).value) : null;
  return <PagesNav config={config} navbar={props} />;
}

export function App({ services }: { services: AppServices }) {
  const { config } = services;
  const cls = `app${config.fill_width ? " fill-width" : ""}${config.fill_height ? " fill-height" : ""}`;
  return (
    <Services.Provider value={services}>
      <div class={cls}>
        <PageLinks />
        <main class="main column">{config.layout.children?.map(renderNode)}</main>
        <Footer
          links={config.footer_links ?? ["api", "gradio", "settings"]}
          openApi={services.openApi}
          openSettings={services.openSettings}
        />
      </div>
      <Toasts />
    </Services.Provider>
  );
}
