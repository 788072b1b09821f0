/**
 * Text for an ECharts tooltip that a formatter writes as HTML: names come from uploaded data
 * (an industry called `<img onerror=…>`), so every data string is escaped before it is joined.
 */
export function escapeHtml(text: string): string {
  return text.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c,
  );
}
