import { inflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { answerRequest, assetBody, assertScenario, FONT_FAMILY, liveOrigins, originStrings, PNG_HEIGHT, PNG_WIDTH, validateScenario } from '../src/index';

function u32(bytes: Uint8Array, at: number): number {
  return new DataView(bytes.buffer, bytes.byteOffset).getUint32(at);
}

function u16(bytes: Uint8Array, at: number): number {
  return new DataView(bytes.buffer, bytes.byteOffset).getUint16(at);
}

/** The chunks of a PNG, each with its type, data and whether its CRC is right (zlib's crc32 is the reference). */
function pngChunks(bytes: Uint8Array) {
  const chunks: Array<{ type: string; data: Uint8Array }> = [];
  for (let at = 8; at < bytes.length; ) {
    const length = u32(bytes, at);
    const type = new TextDecoder().decode(bytes.subarray(at + 4, at + 8));
    const data = bytes.subarray(at + 8, at + 8 + length);
    chunks.push({ type, data });
    at += 12 + length;
  }
  return chunks;
}

function fontTables(bytes: Uint8Array): Map<string, { offset: number; length: number; checksum: number }> {
  const tables = new Map<string, { offset: number; length: number; checksum: number }>();
  for (let index = 0; index < u16(bytes, 4); index++) {
    const at = 12 + 16 * index;
    tables.set(new TextDecoder().decode(bytes.subarray(at, at + 4)), { checksum: u32(bytes, at + 4), offset: u32(bytes, at + 8), length: u32(bytes, at + 12) });
  }
  return tables;
}

function checksum(bytes: Uint8Array, offset: number, length: number): number {
  let sum = 0;
  for (let at = offset; at < offset + length; at += 4) {
    const word = ((bytes[at] ?? 0) << 24) | ((bytes[at + 1] ?? 0) << 16) | ((bytes[at + 2] ?? 0) << 8) | (bytes[at + 3] ?? 0);
    sum = (sum + (at + 4 > offset + length ? word & (0xffffffff << (8 * (at + 4 - offset - length))) : word)) >>> 0;
  }
  return sum;
}

describe('built-in route assets', () => {
  it('the png asset is a valid RGBA PNG of the advertised size that zlib inflates', () => {
    const { bytes, contentType } = assetBody('png');
    expect(contentType).toBe('image/png');
    expect([...bytes.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    const chunks = pngChunks(bytes);
    expect(chunks.map((chunk) => chunk.type)).toEqual(['IHDR', 'IDAT', 'IEND']);
    expect([u32(chunks[0]!.data, 0), u32(chunks[0]!.data, 4)]).toEqual([PNG_WIDTH, PNG_HEIGHT]);
    const pixels = inflateSync(chunks[1]!.data);
    expect(pixels.length).toBe(PNG_HEIGHT * (1 + 4 * PNG_WIDTH));
  });

  it('the font asset is a TrueType font whose table checksums and checkSumAdjustment hold', () => {
    const { bytes, contentType } = assetBody('font');
    expect(contentType).toBe('font/ttf');
    expect(u32(bytes, 0)).toBe(0x00010000);
    const tables = fontTables(bytes);
    expect([...tables.keys()]).toEqual(['OS/2', 'cmap', 'glyf', 'head', 'hhea', 'hmtx', 'loca', 'maxp', 'name', 'post']);
    for (const [tag, table] of tables) {
      const data = tag === 'head' ? Uint8Array.from(bytes.subarray(table.offset, table.offset + table.length)).fill(0, 8, 12) : bytes.subarray(table.offset, table.offset + table.length);
      expect(checksum(data, 0, data.length), tag).toBe(table.checksum);
    }
    expect(checksum(bytes, 0, bytes.length)).toBe(0xb1b0afba);
    const name = new TextDecoder('utf-16be').decode(bytes.subarray(tables.get('name')!.offset, tables.get('name')!.offset + tables.get('name')!.length));
    expect(name).toContain(FONT_FAMILY);
  });

  it('a route with an asset answers its bytes with its Content-Type, unless the route names one', () => {
    const scenario = assertScenario({
      version: 1,
      origins: { app: {}, api: {} },
      page: 'app',
      servers: { api: { routes: [{ path: '/a.png', asset: 'png', headers: { 'Access-Control-Allow-Origin': '*' } }, { path: '/b.png', asset: 'png', headers: { 'content-type': 'application/octet-stream' } }] } },
    });
    const origins = originStrings(liveOrigins(scenario, { sandboxId: 'k3j9x', domain: 'localhost', ports: { http: [8080], https: [] } }));
    const first = answerRequest(scenario, origins, 'api', { method: 'GET', path: '/a.png', headers: {} });
    expect(first.body).toEqual(assetBody('png').bytes);
    expect(first.headers).toEqual([['Access-Control-Allow-Origin', '*'], ['content-type', 'image/png']]);
    const second = answerRequest(scenario, origins, 'api', { method: 'GET', path: '/b.png', headers: {} });
    expect(second.headers).toEqual([['content-type', 'application/octet-stream']]);
  });

  it('refuses an asset with a body, and an unknown asset, naming the field', () => {
    const base = { version: 1, origins: { app: {}, api: {} }, page: 'app' };
    const both = validateScenario({ ...base, servers: { api: { routes: [{ path: '/a', asset: 'font', body: 'x' }] } } });
    expect(both.ok ? [] : both.errors).toEqual([{ path: 'servers.api.routes[0].body', message: 'cannot be set with asset: the route answers with the "font" asset\'s bytes' }]);
    const unknown = validateScenario({ ...base, servers: { api: { routes: [{ path: '/a', asset: 'gif' }] } } });
    expect(unknown.ok ? [] : unknown.errors.map((error) => error.path)).toEqual(['servers.api.routes[0].asset']);
  });
});
