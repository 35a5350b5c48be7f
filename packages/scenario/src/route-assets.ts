/**
 * Built-in binary bodies a route can answer with (`"asset": "png"`), for the element loads that
 * need real bytes: an `<img>` must decode, a web font must pass the browser's font sanitizer.
 * Both are generated here, byte for byte the same in the real server and the engine, so no binary
 * file (and no licence) comes with them: a 3x2 PNG and a TrueType font with one square glyph.
 */
export const ROUTE_ASSETS = ['png', 'font'] as const;
export type RouteAsset = (typeof ROUTE_ASSETS)[number];

export interface AssetBody {
  /** The Content-Type the route sends unless its headers name one. */
  contentType: string;
  bytes: Uint8Array;
}

/** The size of the built-in image, so a test can tell it decoded (naturalWidth, naturalHeight). */
export const PNG_WIDTH = 3;
export const PNG_HEIGHT = 2;

/** The family name inside the built-in font (a page names its own family in @font-face anyway). */
export const FONT_FAMILY = 'Playground Square';

const cache = new Map<RouteAsset, AssetBody>();

export function assetBody(asset: RouteAsset): AssetBody {
  let body = cache.get(asset);
  if (!body) {
    body = asset === 'png' ? { contentType: 'image/png', bytes: pngBytes() } : { contentType: 'font/ttf', bytes: trueTypeFontBytes() };
    cache.set(asset, body);
  }
  return body;
}

/** Big-endian writer for the binary formats below. */
class Writer {
  private readonly bytes: number[] = [];
  u8(...values: number[]): this {
    for (const value of values) this.bytes.push(value & 0xff);
    return this;
  }
  u16(...values: number[]): this {
    for (const value of values) this.u8(value >> 8, value);
    return this;
  }
  u32(...values: number[]): this {
    for (const value of values) this.u16(value >>> 16, value);
    return this;
  }
  raw(data: ArrayLike<number>): this {
    for (let index = 0; index < data.length; index++) this.bytes.push(data[index]!);
    return this;
  }
  ascii(text: string): this {
    for (const char of text) this.u8(char.charCodeAt(0));
    return this;
  }
  get length(): number {
    return this.bytes.length;
  }
  done(): Uint8Array {
    return Uint8Array.from(this.bytes);
  }
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(data: Uint8Array): number {
  let crc = 0xffffffff;
  for (const byte of data) crc = CRC_TABLE[(crc ^ byte) & 0xff]! ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

function adler32(data: Uint8Array): number {
  let a = 1;
  let b = 0;
  for (const byte of data) {
    a = (a + byte) % 65521;
    b = (b + a) % 65521;
  }
  return ((b << 16) | a) >>> 0;
}

function pngChunk(out: Writer, type: string, data: Uint8Array): void {
  const typed = new Writer().ascii(type).raw(data).done();
  out.u32(data.length).raw(typed).u32(crc32(typed));
}

/** https://www.w3.org/TR/png-3/: RGBA, 8 bits, one stored (uncompressed) deflate block. */
function pngBytes(): Uint8Array {
  const rows = new Writer();
  for (let y = 0; y < PNG_HEIGHT; y++) {
    rows.u8(0); // filter type None
    for (let x = 0; x < PNG_WIDTH; x++) rows.u8(0x1e, 0x88, 0xe5, 0xff);
  }
  const raw = rows.done();
  const zlib = new Writer().u8(0x78, 0x01, 0x01).u8(raw.length, raw.length >> 8, ~raw.length, ~raw.length >> 8).raw(raw).u32(adler32(raw)).done();
  const out = new Writer().u8(0x89).ascii('PNG').u8(0x0d, 0x0a, 0x1a, 0x0a);
  pngChunk(out, 'IHDR', new Writer().u32(PNG_WIDTH, PNG_HEIGHT).u8(8, 6, 0, 0, 0).done());
  pngChunk(out, 'IDAT', zlib);
  pngChunk(out, 'IEND', new Uint8Array(0));
  return out.done();
}

const UNITS_PER_EM = 1000;
/** Both glyphs (.notdef and "A") are one square contour. */
const BOX = { xMin: 50, yMin: 0, xMax: 550, yMax: 700, advance: 600 };

function squareGlyph(): Uint8Array {
  const { xMin, yMin, xMax, yMax } = BOX;
  return new Writer()
    .u16(1, xMin, yMin, xMax, yMax) // numberOfContours, bounding box
    .u16(3, 0) // endPtsOfContours[0], instructionLength
    .u8(1, 1, 1, 1) // flags: on curve, coordinates as int16 deltas
    .u16(xMin, 0, xMax - xMin, 0)
    .u16(yMin, yMax - yMin, 0, (yMin - yMax) & 0xffff)
    .done();
}

function nameTable(): Uint8Array {
  const names: Array<[number, string]> = [[1, FONT_FAMILY], [2, 'Regular'], [3, `${FONT_FAMILY} 1.0`], [4, FONT_FAMILY], [5, 'Version 1.0'], [6, 'PlaygroundSquare-Regular']];
  const out = new Writer().u16(0, names.length, 6 + 12 * names.length);
  let offset = 0;
  for (const [id, text] of names) {
    out.u16(3, 1, 0x409, id, text.length * 2, offset);
    offset += text.length * 2;
  }
  for (const [, text] of names) for (const char of text) out.u16(char.charCodeAt(0));
  return out.done();
}

/** https://learn.microsoft.com/typography/opentype/spec/otff: the tables every TrueType font needs. */
function fontTables(): Array<[string, Uint8Array]> {
  const glyph = squareGlyph();
  const numGlyphs = 2;
  const { xMin, yMin, xMax, yMax, advance } = BOX;
  const head = new Writer()
    .u32(0x00010000, 0x00010000, 0, 0x5f0f3cf5) // version, fontRevision, checkSumAdjustment (set last), magicNumber
    .u16(0x000b, UNITS_PER_EM)
    .u32(0, 0, 0, 0) // created, modified
    .u16(xMin, yMin, xMax, yMax, 0, 8, 2, 0, 0) // bbox, macStyle, lowestRecPPEM, fontDirectionHint, short loca, glyphDataFormat
    .done();
  const hhea = new Writer()
    .u32(0x00010000)
    .u16(800, -200 & 0xffff, 0, advance, xMin, advance - xMax, xMax, 1, 0, 0, 0, 0, 0, 0, 0, numGlyphs)
    .done();
  const maxp = new Writer().u32(0x00010000).u16(numGlyphs, 4, 1, 0, 0, 2, 0, 0, 0, 0, 0, 0, 0, 0).done();
  const os2 = new Writer()
    .u16(4, advance, 400, 5, 0, 650, 600, 0, 75, 650, 600, 0, 350, 50, 300, 0)
    .u8(0, 0, 0, 0, 0, 0, 0, 0, 0, 0) // panose
    .u32(1, 0, 0, 0) // ulUnicodeRange: Basic Latin
    .ascii('NONE')
    .u16(0x0040, 0x41, 0x41, 800, -200 & 0xffff, 0, 800, 200)
    .u32(1, 0) // ulCodePageRange: Latin 1
    .u16(500, 700, 0, 0x20, 0)
    .done();
  const hmtx = new Writer().u16(advance, xMin, advance, xMin).done();
  // cmap: one format 4 subtable (Windows, Unicode BMP) mapping U+0041 "A" to glyph 1.
  const subtable = new Writer().u16(4, 32, 0, 4, 4, 1, 0, 0x41, 0xffff, 0, 0x41, 0xffff, (1 - 0x41) & 0xffff, 1, 0, 0).done();
  const cmap = new Writer().u16(0, 1, 3, 1).u32(12).raw(subtable).done();
  const glyf = new Writer().raw(glyph).raw(glyph).done();
  const loca = new Writer().u16(0, glyph.length / 2, glyph.length).done();
  const post = new Writer().u32(0x00030000, 0).u16(-100 & 0xffff, 50).u32(0, 0, 0, 0, 0).done();
  return [['OS/2', os2], ['cmap', cmap], ['glyf', glyf], ['head', head], ['hhea', hhea], ['hmtx', hmtx], ['loca', loca], ['maxp', maxp], ['name', nameTable()], ['post', post]];
}

function tableChecksum(data: Uint8Array): number {
  let sum = 0;
  for (let index = 0; index < data.length; index += 4) {
    sum = (sum + (((data[index] ?? 0) << 24) | ((data[index + 1] ?? 0) << 16) | ((data[index + 2] ?? 0) << 8) | (data[index + 3] ?? 0))) >>> 0;
  }
  return sum;
}

function trueTypeFontBytes(): Uint8Array {
  const tables = fontTables();
  const count = tables.length;
  const power = 2 ** Math.floor(Math.log2(count));
  const out = new Writer().u32(0x00010000).u16(count, power * 16, Math.log2(power), count * 16 - power * 16);
  let offset = 12 + 16 * count;
  for (const [tag, data] of tables) {
    out.ascii(tag).u32(tableChecksum(data), offset, data.length);
    offset += Math.ceil(data.length / 4) * 4;
  }
  for (const [, data] of tables) {
    out.raw(data);
    while (out.length % 4 !== 0) out.u8(0);
  }
  const font = out.done();
  // head.checkSumAdjustment: 0xB1B0AFBA minus the checksum of the whole font.
  const headOffset = 12 + 16 * count + tables.slice(0, tables.findIndex(([tag]) => tag === 'head')).reduce((sum, [, data]) => sum + Math.ceil(data.length / 4) * 4, 0);
  const adjustment = (0xb1b0afba - tableChecksum(font)) >>> 0;
  font.set([adjustment >>> 24, (adjustment >>> 16) & 0xff, (adjustment >>> 8) & 0xff, adjustment & 0xff], headOffset + 8);
  return font;
}

/** A route's answer with an asset: its bytes, and its Content-Type after the route's headers unless they name one. */
export function assetAnswer(asset: RouteAsset, headers: Array<[string, string]>): { headers: Array<[string, string]>; body: Uint8Array } {
  const { contentType, bytes } = assetBody(asset);
  const named = headers.some(([name]) => name.toLowerCase() === 'content-type');
  return { headers: named ? headers : [...headers, ['content-type', contentType]], body: bytes };
}
