/**
 * The benchmark's table: one row per figure with the app's and the floor's medians, their ratio, the
 * budget and whether the figure met it. A figure that could not be measured is a miss, never a blank.
 */

export type Unit = 'ms' | 'bytes' | 'score' | 'count' | 'rate';
export type Result = 'pass' | 'MISS' | 'info';

export interface Budget {
  /** Human text, e.g. "≤ 1.25× floor". */
  text: string;
  /** Which value the budget applies to. */
  on: 'ratio' | 'app';
  max?: number;
  min?: number;
}

export interface Row {
  section: string;
  figure: string;
  unit: Unit;
  app: number | null;
  floor: number | null;
  ratio: number | null;
  budget: Budget | null;
  result: Result;
  /** How many runs the medians are over (per side). */
  runs: number;
  note?: string;
}

export function judge(budget: Budget | null, app: number | null, ratio: number | null): Result {
  if (!budget) return 'info';
  const value = budget.on === 'ratio' ? ratio : app;
  if (value === null || !Number.isFinite(value)) return 'MISS';
  if (budget.max !== undefined && value > budget.max) return 'MISS';
  if (budget.min !== undefined && value < budget.min) return 'MISS';
  return 'pass';
}

export function row(fields: Omit<Row, 'result'>): Row {
  return { ...fields, result: judge(fields.budget, fields.app, fields.ratio) };
}

export function formatValue(value: number | null, unit: Unit): string {
  if (value === null) return 'no data';
  if (!Number.isFinite(value)) return 'timeout';
  switch (unit) {
    case 'ms':
      return `${Math.round(value).toLocaleString('en-US')} ms`;
    case 'bytes':
      return value >= 1e6 ? `${(value / 1e6).toFixed(1)} MB` : `${(value / 1e3).toFixed(1)} kB`;
    case 'score':
      return String(Math.round(value));
    case 'count':
      return String(Math.round(value));
    case 'rate':
      return `${value.toFixed(1)}/s`;
  }
}

export function formatRatio(ratio: number | null): string {
  if (ratio === null) return '—';
  if (!Number.isFinite(ratio)) return 'timeout';
  return `${ratio.toFixed(2)}×`;
}

export function markdownTable(rows: readonly Row[]): string {
  const lines = ['| Figure | App | Floor | Ratio | Budget | Result |', '| --- | ---: | ---: | ---: | --- | --- |'];
  let section = '';
  for (const item of rows) {
    if (item.section !== section) {
      section = item.section;
      lines.push(`| **${section}** | | | | | |`);
    }
    const result = item.result === 'MISS' ? '**MISS**' : item.result;
    const figure = item.note ? `${item.figure} (${item.note})` : item.figure;
    lines.push(
      `| ${figure} | ${formatValue(item.app, item.unit)} | ${formatValue(item.floor, item.unit)} | ` +
        `${formatRatio(item.ratio)} | ${item.budget?.text ?? ''} | ${result} |`,
    );
  }
  return lines.join('\n');
}
