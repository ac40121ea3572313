/**
 * The soak plot, drawn by hand as SVG: one small line chart per series, side by side, sharing the
 * cycle axis. No charting library: a few polylines, axes and labels are all it takes, and the file
 * stays readable as text.
 */

export interface Series {
  title: string;
  unit: string;
  /** [cycle, value] points in cycle order. */
  points: [number, number][];
  /** A dashed line for a limit (e.g. the allowed heap at the end), if any. */
  limit?: { value: number; label: string };
  format: (value: number) => string;
  /** Whole numbers only (counts): no ticks between them. */
  integer?: boolean;
}

const WIDTH = 300;
const HEIGHT = 200;
const MARGIN = { top: 34, right: 14, bottom: 34, left: 58 };
const GAP = 24;

function escapeXml(text: string): string {
  return text.replace(/[<>&"']/g, (char) => `&#${char.charCodeAt(0)};`);
}

/** Rounds a span outwards to 1, 2 or 5 × 10^n steps, so the axis ticks read well. */
export function niceTicks(min: number, max: number, count = 4, minStep = 0): number[] {
  if (!Number.isFinite(min) || !Number.isFinite(max)) return [0];
  if (min === max) {
    const pad = Math.abs(min) * 0.05 || 1;
    min -= pad;
    max += pad;
  }
  const raw = (max - min) / count;
  const power = 10 ** Math.floor(Math.log10(raw));
  const nice = [1, 2, 5, 10].map((factor) => factor * power).find((candidate) => candidate >= raw) ?? raw;
  const step = Math.max(nice, minStep);
  const first = Math.floor(min / step) * step;
  const ticks: number[] = [];
  for (let value = first; value <= max + step * 0.5; value += step) ticks.push(Number(value.toPrecision(12)));
  if ((ticks[ticks.length - 1] ?? max) < max)
    ticks.push(Number(((ticks[ticks.length - 1] ?? max) + step).toPrecision(12)));
  return ticks;
}

function chart(series: Series, offsetX: number, maxCycle: number): string {
  const plotW = WIDTH - MARGIN.left - MARGIN.right;
  const plotH = HEIGHT - MARGIN.top - MARGIN.bottom;
  const values = series.points.map(([, value]) => value);
  if (series.limit) values.push(series.limit.value);
  const yTicks = niceTicks(Math.min(...values), Math.max(...values), 4, series.integer ? 1 : 0);
  const yMin = yTicks[0] ?? 0;
  const yMax = yTicks[yTicks.length - 1] ?? 1;
  const xTicks = niceTicks(0, Math.max(1, maxCycle), 4, 1).filter((tick) => tick >= 0);
  const xMax = Math.max(xTicks[xTicks.length - 1] ?? 1, 1);
  const x = (cycle: number) => MARGIN.left + (cycle / xMax) * plotW;
  const y = (value: number) => MARGIN.top + plotH - ((value - yMin) / (yMax - yMin || 1)) * plotH;

  const parts: string[] = [`<g transform="translate(${offsetX},0)">`];
  parts.push(
    `<text x="${MARGIN.left}" y="18" class="title">${escapeXml(series.title)} <tspan class="unit">(${escapeXml(series.unit)})</tspan></text>`,
  );
  parts.push(`<rect x="${MARGIN.left}" y="${MARGIN.top}" width="${plotW}" height="${plotH}" class="plot"/>`);
  for (const tick of yTicks) {
    parts.push(`<line x1="${MARGIN.left}" x2="${MARGIN.left + plotW}" y1="${y(tick)}" y2="${y(tick)}" class="grid"/>`);
    parts.push(
      `<text x="${MARGIN.left - 6}" y="${y(tick) + 4}" class="tick" text-anchor="end">${escapeXml(series.format(tick))}</text>`,
    );
  }
  for (const tick of xTicks) {
    parts.push(`<text x="${x(tick)}" y="${MARGIN.top + plotH + 16}" class="tick" text-anchor="middle">${tick}</text>`);
  }
  parts.push(`<text x="${MARGIN.left + plotW / 2}" y="${HEIGHT - 4}" class="axis" text-anchor="middle">cycle</text>`);
  if (series.limit) {
    const ly = y(series.limit.value);
    parts.push(`<line x1="${MARGIN.left}" x2="${MARGIN.left + plotW}" y1="${ly}" y2="${ly}" class="limit"/>`);
    parts.push(
      `<text x="${MARGIN.left + plotW - 4}" y="${ly - 4}" class="limit-label" text-anchor="end">${escapeXml(series.limit.label)}</text>`,
    );
  }
  if (series.points.length > 0) {
    const path = series.points.map(([cycle, value]) => `${x(cycle).toFixed(1)},${y(value).toFixed(1)}`).join(' ');
    parts.push(`<polyline points="${path}" class="line"/>`);
    for (const [cycle, value] of series.points) {
      parts.push(
        `<circle cx="${x(cycle).toFixed(1)}" cy="${y(value).toFixed(1)}" r="3" class="dot"><title>cycle ${cycle}: ${escapeXml(series.format(value))}</title></circle>`,
      );
    }
  }
  parts.push('</g>');
  return parts.join('\n');
}

/** Three (or any number of) charts in one row, with a caption line underneath. */
export function soakSvg(series: Series[], caption: string): string {
  const maxCycle = Math.max(1, ...series.flatMap((item) => item.points.map(([cycle]) => cycle)));
  const width = series.length * WIDTH + (series.length - 1) * GAP;
  const height = HEIGHT + 24;
  const charts = series.map((item, index) => chart(item, index * (WIDTH + GAP), maxCycle));
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="sans-serif">`,
    '<style>',
    '.title{font-size:13px;font-weight:bold;fill:#1f2933}.unit{font-weight:normal;fill:#52606d}',
    '.plot{fill:#fafbfc;stroke:#9aa5b1}.grid{stroke:#e4e7eb}.tick,.axis{font-size:10px;fill:#52606d}',
    '.line{fill:none;stroke:#1d5fa8;stroke-width:2}.dot{fill:#1d5fa8}',
    '.limit{stroke:#c2410c;stroke-dasharray:4 3}.limit-label{font-size:10px;fill:#c2410c}',
    '.caption{font-size:11px;fill:#3e4c59}',
    '</style>',
    `<rect width="${width}" height="${height}" fill="#ffffff"/>`,
    ...charts,
    `<text x="4" y="${height - 6}" class="caption">${escapeXml(caption)}</text>`,
    '</svg>',
    '',
  ].join('\n');
}
