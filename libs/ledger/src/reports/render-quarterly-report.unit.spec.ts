import { describe, it, expect } from '@jest/globals';
import { renderQuarterlyReportHtml } from './render-quarterly-report.js';
import { cssString } from './report-styles.js';
import { AWKWARD_NAME, testReport } from './test-report.js';

const meta = {
  snapshotId: 'snap-<2019Q2>',
  position: '1234',
  sha256: 'a'.repeat(64),
  createdAt: '2019-10-15T09:30:00.000Z',
  createdBy: 'manager-1',
};

const html = await renderQuarterlyReportHtml(testReport, meta);
const svgs = html.match(/<svg[\s\S]*?<\/svg>/g) ?? [];
const count = (text: string, pattern: RegExp) => (text.match(pattern) ?? []).length;

describe('renderQuarterlyReportHtml', () => {
  it('is one self-contained page: no scripts, nothing fetched', () => {
    expect(html.startsWith('<!DOCTYPE html>')).toBe(true);
    expect(html).toContain('<title>Quarterly performance report: Q2 2019/20</title>');
    expect(html).not.toMatch(/<script|<link|<img|src=|@import|url\(/i);
  });

  it('draws three charts as inline SVG with marks, each in a captioned figure', () => {
    expect(svgs).toHaveLength(3);
    for (const svg of svgs) {
      expect(count(svg, /<(path|rect|line)\b/g)).toBeGreaterThan(5);
      expect(svg).toMatch(/class="mark-rect role-mark/);
    }
    expect(count(html, /<figure /g)).toBe(3);
    expect(count(html, /<figcaption /g)).toBe(3);
    expect(svgs[0]).toContain('North West');
    expect(svgs[1]).toContain('mark-rule');
    expect(svgs[2]).toContain('Q4');
  });

  it('follows each chart with its table of figures', () => {
    const afterTargets = html.slice(html.indexOf('id="chart-targets"'));
    expect(afterTargets.indexOf('<caption>Targets and actuals</caption>')).toBeGreaterThan(0);
    expect(html).toContain('<td>Behind</td>');
    expect(html).toContain('<td class="num">36.36%</td>');
  });

  it('escapes every piece of text it is given', () => {
    expect(html).not.toContain(AWKWARD_NAME);
    expect(html).toContain('Tower &lt;Hamlets&gt; &amp; &lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).toContain('snap-&lt;2019Q2&gt;');
    expect(cssString('a"</style>')).toBe('"a\\000022\\00003c\\00002fstyle\\00003e"');
  });

  it('shows where it came from in the footer, and on every printed page', () => {
    const footer = html.slice(html.indexOf('<footer'));
    for (const value of ['1234', 'a'.repeat(64), '2019-10-15T09:30:00.000Z', 'manager-1']) {
      expect(footer).toContain(`<dd>${value}</dd>`);
    }
    expect(footer).toContain('<dd>snap-&lt;2019Q2&gt;</dd>');
    expect(html).toMatch(/@bottom-left \{ content: "Q2 2019\\00002f20 report, snapshot/);
  });

  it('renders the same page twice', async () => {
    expect(await renderQuarterlyReportHtml(testReport, meta)).toBe(html);
  });
});
