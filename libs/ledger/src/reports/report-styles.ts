/**
 * A CSS string literal safe inside a <style> element: every character outside a small set
 * becomes a CSS escape, so neither a quote nor `</style>` can end it early.
 */
export function cssString(value: string): string {
  const escaped = [...value]
    .map((char) =>
      /[A-Za-z0-9 ,.:_-]/.test(char)
        ? char
        : `\\${(char.codePointAt(0) ?? 0).toString(16).padStart(6, '0')}`,
    )
    .join('');
  return `"${escaped}"`;
}

/**
 * Screen and print styles. In print every page carries the snapshot id and hash in its
 * bottom margin (CSS page margin boxes), so a single printed page can be traced.
 */
export function reportCss(trace: string): string {
  return `
@page { size: A4; margin: 16mm 14mm 20mm; }
@page {
  @bottom-left { content: ${cssString(trace)}; font: 7pt Arial, Helvetica, sans-serif; color: #444; }
  @bottom-right { content: "Page " counter(page) " of " counter(pages); font: 7pt Arial, Helvetica, sans-serif; }
}
:root { color: #0b0c0c; background: #fff; font: 10.5pt/1.4 Arial, Helvetica, sans-serif; }
body { max-width: 190mm; margin: 0 auto; padding: 16px; }
h1 { font-size: 20pt; margin: 0 0 6pt; }
h2 { font-size: 14pt; margin: 18pt 0 6pt; border-bottom: 2px solid #0b0c0c; break-after: avoid; }
p { margin: 4pt 0 8pt; }
.publisher { font-size: 9pt; color: #333; margin: 0; }
.provisional { border-left: 4px solid #E69F00; padding-left: 6pt; font-weight: bold; }
.trace { font-size: 8pt; color: #333; word-break: break-all; }
dl.facts { display: grid; grid-template-columns: max-content 1fr; gap: 2pt 12pt; margin: 6pt 0 10pt; }
dl.facts dt { font-weight: bold; }
dl.facts dd { margin: 0; word-break: break-word; }
table { border-collapse: collapse; width: 100%; margin: 6pt 0 14pt; font-size: 8.5pt; }
caption { text-align: left; font-weight: bold; font-size: 10pt; padding: 2pt 0 4pt; }
th, td { border-bottom: 1px solid #b1b4b6; padding: 3pt 4pt; text-align: left; vertical-align: top; }
th { border-bottom: 2px solid #0b0c0c; }
tr.groups th { border-bottom: 1px solid #0b0c0c; text-align: center; }
tr.groups th:empty { border-bottom: none; }
.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
td.empty { font-style: italic; }
figure { margin: 10pt 0 4pt; break-inside: avoid; }
figure svg { display: block; max-width: 100%; height: auto; }
figcaption { font-size: 9pt; color: #333; margin-top: 4pt; }
.report-footer { margin-top: 20pt; font-size: 8.5pt; }
.report-footer dd { font-family: "Courier New", monospace; word-break: break-all; }
@media print {
  body { max-width: none; padding: 0; }
  thead { display: table-header-group; }
  tr, dl.facts { break-inside: avoid; }
  #take-up, #targets, #change-of-control, #risk { break-before: page; }
}
`;
}
