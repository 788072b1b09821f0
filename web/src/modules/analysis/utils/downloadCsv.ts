/** One CSV field, quoted when it holds a comma, a quote or a line break. */
function field(value: string | number | boolean | null): string {
  if (value === null) return '';
  const text = String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** Saves rows as a UTF-8 CSV with a byte-order mark, so Excel reads the Chinese names. */
export function downloadCsv(
  fileName: string,
  header: readonly string[],
  rows: readonly (readonly (string | number | boolean | null)[])[],
): void {
  const text = [header, ...rows].map((row) => row.map(field).join(',')).join('\r\n');
  const url = URL.createObjectURL(new Blob(['\uFEFF', text, '\r\n'], { type: 'text/csv' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
