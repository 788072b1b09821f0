import type { Db } from '../../db/connection.ts';
import type { ChainAnalysis, ChainReport, Lang, ReportFormat } from '../../shared/api/analysis.ts';
import { analyzeChain, analyzeChainCached } from '../analysis/chain-analysis.service.ts';
import { renderReportCharts } from './report-charts.ts';
import { assembleReport } from './report-data.ts';
import {
  describeReportProblems,
  loadReportProblems,
  type ReportProblemsData,
} from './report-problems.ts';
import { renderReportHtml } from './report-html.ts';
import { renderReportMarkdown } from './report-markdown.ts';
import { printPdf } from './report-pdf.ts';
import { shanghaiToday } from '../../shared/shanghai-day.ts';

export interface RenderedReport<F extends ReportFormat = ReportFormat> {
  contentType: string;
  /** A file name for downloads, e.g. biomed-3202-2024-zh.html. */
  fileName: string;
  /** Bytes for PDF, text for the rest. */
  body: F extends 'pdf' ? Uint8Array<ArrayBuffer> : string;
}

/**
 * The chain-leader briefing for a chain, region and year, as HTML (with inline SVG charts and an
 * A4 print stylesheet), Markdown, JSON or PDF (that HTML printed by the server's Chromium), in
 * Chinese or English. The figures are the analysis's.
 * Throws CHAIN_NOT_FOUND, REGION_NOT_FOUND, VALIDATION_FAILED, PDF_UNAVAILABLE.
 */
export async function renderChainReport<F extends ReportFormat>(
  db: Db,
  input: {
    chainCode: string;
    regionCode: string;
    year?: number | undefined;
    format: F;
    lang: Lang;
    /** Reuse a cached analysis while the data is unchanged (the API does; the CLI needs not). */
    cached?: boolean;
    today?: string;
  },
): Promise<RenderedReport<F>> {
  const analysis = await (input.cached ? analyzeChainCached : analyzeChain)(db, input);
  // Problems and 督办 items are the office's current work: counted for the briefing date's year.
  const problems = await loadReportProblems(db, {
    chainCode: input.chainCode,
    regionCode: input.regionCode,
    now: input.today ? new Date(`${input.today}T12:00:00+08:00`) : new Date(),
  });
  return renderAnalysisReport(analysis, { ...input, problems });
}

/**
 * Renders a briefing from an analysis already made (for callers that hold one), with the
 * section on enterprise problems and 督办 items when `problems` is given.
 */
export async function renderAnalysisReport<F extends ReportFormat>(
  analysis: ChainAnalysis,
  input: {
    format: F;
    lang: Lang;
    today?: string | undefined;
    problems?: ReportProblemsData | undefined;
  },
): Promise<RenderedReport<F>> {
  return await renderFormat(analysis, input);
}

async function renderFormat(
  analysis: ChainAnalysis,
  input: {
    format: ReportFormat;
    lang: Lang;
    today?: string | undefined;
    problems?: ReportProblemsData | undefined;
  },
): Promise<RenderedReport> {
  // The office's day (Asia/Shanghai), as every other page and export dates it; not UTC's.
  const today = input.today ?? shanghaiToday();
  const problems = input.problems ? describeReportProblems(input.problems, input.lang) : null;
  const report = assembleReport(analysis, input.lang, today, problems);
  const base = `${analysis.chain.code}-${analysis.region.code}-${analysis.year}-${input.lang}`;
  // The HTML briefing, also what the PDF prints.
  const html = async () => renderReportHtml(report, await renderReportCharts(report));
  switch (input.format) {
    case 'html':
      return {
        contentType: 'text/html; charset=utf-8',
        fileName: `${base}.html`,
        body: await html(),
      };
    case 'pdf':
      return {
        contentType: 'application/pdf',
        fileName: `${base}.pdf`,
        body: await printPdf(await html()),
      };
    case 'md':
      return {
        contentType: 'text/markdown; charset=utf-8',
        fileName: `${base}.md`,
        body: renderReportMarkdown(report),
      };
    case 'json': {
      const { labels: _labels, ...json } = report;
      return {
        contentType: 'application/json; charset=utf-8',
        fileName: `${base}.json`,
        body: JSON.stringify(json satisfies ChainReport, null, 2),
      };
    }
  }
}
