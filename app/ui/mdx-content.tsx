import { getMDXComponent } from "mdx-bundler/client";
import { lessonComponents } from "./lesson/mdx-components";
import { widgetRegistry } from "./widgets/registry";

const components = { ...lessonComponents, ...widgetRegistry };

/**
 * Evaluates a bundled lesson on the server. Only the widgets inside it are client components, so the browser
 * receives HTML plus the widgets' code, never an MDX runtime.
 */
export function MdxContent({ code }: { code: string }) {
  // Called, not rendered as <Content />: the bundled lesson is a stateless function, and a fresh component type per
  // render is what React warns about.
  return getMDXComponent(code)({ components });
}
