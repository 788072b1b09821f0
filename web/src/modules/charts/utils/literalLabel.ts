/**
 * An ECharts label `formatter` that shows `text` exactly: a string formatter is a template
 * (`{a}`, `{b}`, `{c}`, `{@dim}`, rich `{style|…}`), so a node named `{c}` would show a number;
 * a function's result is drawn as it is. See escapeHtml.ts for the rule for tooltips.
 */
export function literalLabel(text: string): () => string {
  return () => text;
}
