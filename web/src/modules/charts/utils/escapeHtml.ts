/**
 * Text for an ECharts tooltip that a formatter writes as HTML: names come from uploaded data
 * (an industry called `<img onerror=…>`), so every text — data or translation — is escaped before
 * it is joined with the formatter's own tags. The one rule for chart HTML in the web app:
 * - a tooltip `formatter` that returns HTML escapes each text through this function;
 * - a tooltip without a formatter is escaped by ECharts itself (its default markup encodes names,
 *   axis values and series names);
 * - labels are drawn on the canvas, not HTML: a label showing data text uses `literalLabel`, so a
 *   name holding `{b}` or `{a|…}` is shown as written, not read as an ECharts template.
 */
export function escapeHtml(text: string): string {
  return text.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c,
  );
}
