/**
 * Writes MapLibre's glyph range format: a protocol buffer `glyphs { stacks { name, range, glyphs[] } }`
 * (the schema of mapbox/glyph-pbf-composite, which MapLibre's parse_glyph_pbf reads). Each glyph's bitmap is a
 * signed-distance field of (width + 6) × (height + 6) bytes: the glyph box plus a 3 px border.
 */

export const GLYPH_BORDER = 3;

export interface SdfGlyph {
  /** The code point. */
  id: number;
  /** One byte per pixel, row by row, (width + 2·border) × (height + 2·border). */
  bitmap: Uint8Array;
  width: number;
  height: number;
  left: number;
  top: number;
  advance: number;
}

class ProtoWriter {
  private bytes: number[] = [];

  varint(value: number): void {
    if (!Number.isInteger(value) || value < 0) throw new RangeError(`varint needs a whole number ≥ 0, got ${value}`);
    let rest = value;
    while (rest >= 0x80) {
      this.bytes.push((rest % 0x80) | 0x80);
      rest = Math.floor(rest / 0x80);
    }
    this.bytes.push(rest);
  }

  /** A varint field (wire type 0). */
  uint(field: number, value: number): void {
    this.varint(field * 8);
    this.varint(value);
  }

  /** A zig-zag encoded signed field (protobuf `sint32`). */
  sint(field: number, value: number): void {
    if (!Number.isInteger(value)) throw new RangeError(`sint32 needs a whole number, got ${value}`);
    this.uint(field, value >= 0 ? value * 2 : -value * 2 - 1);
  }

  /** A length-delimited field (wire type 2): bytes, a string or a nested message. */
  bytesField(field: number, value: Uint8Array): void {
    this.varint(field * 8 + 2);
    this.varint(value.length);
    for (const byte of value) this.bytes.push(byte);
  }

  finish(): Uint8Array {
    return Uint8Array.from(this.bytes);
  }
}

function encodeGlyph(glyph: SdfGlyph): Uint8Array {
  const expected = (glyph.width + 2 * GLYPH_BORDER) * (glyph.height + 2 * GLYPH_BORDER);
  if (glyph.bitmap.length !== expected) {
    throw new Error(
      `Glyph U+${glyph.id.toString(16)}: bitmap has ${glyph.bitmap.length} bytes, ${glyph.width}×${glyph.height} needs ${expected}`,
    );
  }
  const out = new ProtoWriter();
  out.uint(1, glyph.id);
  // An empty glyph (a space) carries no bitmap at all, as the format allows.
  if (glyph.width > 0 && glyph.height > 0) out.bytesField(2, glyph.bitmap);
  out.uint(3, glyph.width);
  out.uint(4, glyph.height);
  out.sint(5, glyph.left);
  out.sint(6, glyph.top);
  out.uint(7, glyph.advance);
  return out.finish();
}

/** One range file: the glyphs of `stack` in `range` ("0-255"), in code point order. */
export function encodeGlyphRange(stack: string, range: string, glyphs: readonly SdfGlyph[]): Uint8Array {
  const text = new TextEncoder();
  const fontstack = new ProtoWriter();
  fontstack.bytesField(1, text.encode(stack));
  fontstack.bytesField(2, text.encode(range));
  for (const glyph of [...glyphs].sort((a, b) => a.id - b.id)) fontstack.bytesField(3, encodeGlyph(glyph));
  const file = new ProtoWriter();
  file.bytesField(1, fontstack.finish());
  return file.finish();
}
