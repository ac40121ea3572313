import { useMemo } from 'react';
import QRCode from 'qrcode';

/**
 * A QR code drawn locally as SVG rectangles from the code's module matrix (no network, no HTML string
 * from data). Quiet zone of 4 modules, as scanners expect.
 */
export function QrCode({ value, size = 168, label }: { value: string; size?: number; label: string }) {
  const cells = useMemo(() => {
    const code = QRCode.create(value, { errorCorrectionLevel: 'M' });
    const count = code.modules.size;
    const rects: { x: number; y: number }[] = [];
    for (let y = 0; y < count; y += 1) {
      for (let x = 0; x < count; x += 1) if (code.modules.get(y, x)) rects.push({ x, y });
    }
    return { count, rects };
  }, [value]);
  const quiet = 4;
  const extent = cells.count + quiet * 2;
  return (
    <svg
      className="qr-code"
      role="img"
      aria-label={label}
      width={size}
      height={size}
      viewBox={`0 0 ${extent} ${extent}`}
      shapeRendering="crispEdges"
    >
      <rect width={extent} height={extent} fill="#ffffff" />
      {cells.rects.map(({ x, y }) => (
        <rect key={`${x}-${y}`} x={x + quiet} y={y + quiet} width={1} height={1} fill="#000000" />
      ))}
    </svg>
  );
}
