import { crc32, inflateSync } from 'node:zlib';

const SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
const CHANNELS: Record<number, number> = { 0: 1, 2: 3, 3: 1, 4: 2, 6: 4 };

export interface PngInfo {
  readonly width: number;
  readonly height: number;
}

/**
 * Checks that `bytes` are a whole, valid 8-bit PNG: the signature, every chunk's CRC, an IHDR
 * first and an IEND last, and IDAT data that inflates to exactly one filtered row per line.
 * Throws saying what is wrong; returns the image size.
 */
export function checkPng(bytes: Uint8Array): PngInfo {
  const buf = Buffer.from(bytes);
  if (buf.length < 8 || !buf.subarray(0, 8).equals(SIGNATURE)) throw new Error('not a PNG: bad signature');
  let at = 8;
  let info: (PngInfo & { colourType: number; bitDepth: number }) | null = null;
  const idat: Buffer[] = [];
  let ended = false;
  while (at < buf.length) {
    const length = buf.readUInt32BE(at);
    const type = buf.subarray(at + 4, at + 8).toString('latin1');
    const data = buf.subarray(at + 8, at + 8 + length);
    const crc = buf.readUInt32BE(at + 8 + length);
    if (crc32(buf.subarray(at + 4, at + 8 + length)) !== crc) throw new Error(`bad CRC in ${type}`);
    if (info === null && type !== 'IHDR') throw new Error('IHDR is not the first chunk');
    if (type === 'IHDR') info = { width: data.readUInt32BE(0), height: data.readUInt32BE(4), bitDepth: data[8] ?? 0, colourType: data[9] ?? 0 };
    if (type === 'IDAT') idat.push(data);
    at += 12 + length;
    if (type === 'IEND') {
      ended = at === buf.length;
      break;
    }
  }
  if (info === null || !ended) throw new Error('no IHDR, or IEND missing or not last');
  if (info.bitDepth !== 8) throw new Error(`unexpected bit depth ${info.bitDepth}`);
  const channels = CHANNELS[info.colourType];
  if (channels === undefined) throw new Error(`unknown colour type ${info.colourType}`);
  const raw = inflateSync(Buffer.concat(idat));
  if (raw.length !== info.height * (1 + info.width * channels)) throw new Error('image data does not match the size');
  return { width: info.width, height: info.height };
}
