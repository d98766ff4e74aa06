/**
 * The visible signature: the party's seal image (电子印章) scaled into the signature field,
 * with the signer's name and the signing time in small text beneath it. The text uses the
 * bundled CJK font (a subset of it is embedded with the update, as in the contract itself),
 * so a Chinese name prints as it is.
 */
import { PNG } from 'pngjs';
import { EmbeddedFont } from '../render/pdf/embed-font.js';
import { glyphMetrics, loadFont } from '../render/pdf/font.js';
import type { PdfDoc, PdfRef as PdfkitRef } from '../render/pdf/pdfkit-internals.js';
import { signError } from './errors.js';
import type { IncrementalUpdate } from './incremental.js';
import { dict, name, textString, type PdfRef, type PdfWritable } from './pdf-objects.js';

/** Larger seals are refused: a seal is a few hundred pixels across. */
export const SEAL_MAX_PIXELS = 4096 * 4096;
export const SEAL_MAX_BYTES = 8 * 1024 * 1024;

const TEXT_SIZE = 6;
const TEXT_LEADING = 7.5;
const PADDING = 2;
/** The text sits above the field's foot, where the hand-signature rule runs. */
const TEXT_BOTTOM = 5;

interface DecodedImage {
  readonly width: number;
  readonly height: number;
  readonly rgb: Uint8Array;
  /** Present when some pixel is not fully opaque. */
  readonly alpha?: Uint8Array;
}

export function decodeSeal(png: Uint8Array): DecodedImage {
  const bytes = Buffer.from(png.buffer, png.byteOffset, png.byteLength);
  const signature = '89504e470d0a1a0a';
  if (bytes.length < 33 || bytes.subarray(0, 8).toString('hex') !== signature || bytes.subarray(12, 16).toString('latin1') !== 'IHDR') {
    throw signError('seal-not-png', 'the seal image is not a PNG file', '印章图片不是 PNG 文件');
  }
  // Checked before decoding: a small file can claim a huge image.
  const width = bytes.readUInt32BE(16);
  const height = bytes.readUInt32BE(20);
  if (width === 0 || height === 0 || width * height > SEAL_MAX_PIXELS) {
    throw signError('seal-too-large', `the seal image is ${width}×${height} pixels; at most ${SEAL_MAX_PIXELS} pixels are accepted`, `印章图片为 ${width}×${height} 像素；最多接受 ${SEAL_MAX_PIXELS} 像素`);
  }
  let decoded: { width: number; height: number; data: Buffer };
  try {
    decoded = PNG.sync.read(bytes);
  } catch (error) {
    throw signError('seal-unreadable', `the seal image cannot be decoded: ${error instanceof Error ? error.message : String(error)}`, `无法解码印章图片：${error instanceof Error ? error.message : String(error)}`);
  }
  const pixels = decoded.width * decoded.height;
  const rgb = new Uint8Array(pixels * 3);
  const alpha = new Uint8Array(pixels);
  let translucent = false;
  for (let i = 0; i < pixels; i++) {
    rgb[i * 3] = decoded.data[i * 4]!;
    rgb[i * 3 + 1] = decoded.data[i * 4 + 1]!;
    rgb[i * 3 + 2] = decoded.data[i * 4 + 2]!;
    alpha[i] = decoded.data[i * 4 + 3]!;
    if (alpha[i] !== 255) translucent = true;
  }
  return { width: decoded.width, height: decoded.height, rgb, ...(translucent ? { alpha } : {}) };
}

/** EmbeddedFont writes through pdfkit's `ref()`; this gives it one that writes into the update. */
function fontWriter(update: IncrementalUpdate): { doc: PdfDoc; refOf: (handle: PdfkitRef) => PdfRef; flush: () => void } {
  const refs: { ref: PdfRef; handle: PdfkitRef; chunks: (Uint8Array | string)[]; ended: boolean }[] = [];
  const byHandle = new Map<PdfkitRef, PdfRef>();
  const convert = (v: unknown): PdfWritable => {
    if (typeof v === 'string') return name(v);
    if (v instanceof String) return textString(v.valueOf());
    if (typeof v === 'number' || typeof v === 'boolean' || v === null) return v;
    if (Array.isArray(v)) return v.map(convert);
    const ref = byHandle.get(v as PdfkitRef);
    if (ref) return ref;
    if (typeof v === 'object') return new Map(Object.entries(v as Record<string, unknown>).map(([k, x]) => [k, convert(x)]));
    throw new Error(`cannot write ${String(v)} into the signature appearance`);
  };
  const doc = {
    ref(data: Record<string, unknown> = {}): PdfkitRef {
      const entry = { ref: update.allocate(), chunks: [] as (Uint8Array | string)[], ended: false, handle: undefined as unknown as PdfkitRef };
      entry.handle = {
        data,
        write: (chunk) => void entry.chunks.push(chunk),
        end: (chunk) => {
          if (chunk !== undefined) entry.chunks.push(chunk);
          entry.ended = true;
        },
      };
      byHandle.set(entry.handle, entry.ref);
      refs.push(entry);
      return entry.handle;
    },
  } as unknown as PdfDoc;
  const flush = () => {
    for (const e of refs) {
      const value = convert(e.handle.data) as Map<string, PdfWritable>;
      if (e.chunks.length === 0) update.put(e.ref, value);
      else {
        // The font file comes deflated with its /Filter; the ToUnicode CMap is plain text.
        const data = Buffer.concat(e.chunks.map((c) => (typeof c === 'string' ? Buffer.from(c, 'latin1') : Buffer.from(c))));
        update.putStream(e.ref, value, data, value.has('Filter') ? 'as-is' : 'deflate');
      }
    }
  };
  const refOf = (handle: PdfkitRef): PdfRef => byHandle.get(handle)!;
  return { doc, refOf, flush };
}

const num = (n: number) => Number(n.toFixed(3));

/** Width of `text` in points at TEXT_SIZE in the bundled regular font. */
function widthOf(text: string): number {
  const font = loadFont('regular');
  let units = 0;
  for (const ch of text) units += glyphMetrics(font, ch.codePointAt(0)!).advance;
  return (units * TEXT_SIZE) / 1000;
}

/** Shortens a line to `max` points with an ellipsis, so that a long name stays inside the box. */
function fit(text: string, max: number): string {
  if (widthOf(text) <= max) return text;
  const chars = [...text];
  while (chars.length > 1 && widthOf(`${chars.join('')}…`) > max) chars.pop();
  return `${chars.join('')}…`;
}

/**
 * Writes the appearance XObject for a field of `width` × `height` points and returns its
 * reference: the seal centred above `lines` of small text.
 */
export function writeSealAppearance(update: IncrementalUpdate, png: Uint8Array, width: number, height: number, lines: readonly string[]): PdfRef {
  const image = decodeSeal(png);
  const imageRef = update.allocate();
  let smask: PdfRef | undefined;
  if (image.alpha) {
    smask = update.allocate();
    update.putStream(smask, dict({ Type: name('XObject'), Subtype: name('Image'), Width: image.width, Height: image.height, ColorSpace: name('DeviceGray'), BitsPerComponent: 8 }), image.alpha);
  }
  update.putStream(
    imageRef,
    dict({ Type: name('XObject'), Subtype: name('Image'), Width: image.width, Height: image.height, ColorSpace: name('DeviceRGB'), BitsPerComponent: 8, SMask: smask }),
    image.rgb,
  );

  const { doc, refOf, flush } = fontWriter(update);
  const font = new EmbeddedFont(doc, loadFont('regular'), 'F1');
  const textHeight = lines.length * TEXT_LEADING;
  const available = { w: width - 2 * PADDING, h: height - PADDING - TEXT_BOTTOM - textHeight };
  const scale = Math.max(0, Math.min(available.w / image.width, available.h / image.height));
  const iw = image.width * scale;
  const ih = image.height * scale;
  const ops: string[] = [];
  if (iw > 0 && ih > 0) ops.push(`q ${num(iw)} 0 0 ${num(ih)} ${num((width - iw) / 2)} ${num(TEXT_BOTTOM + textHeight)} cm /Im1 Do Q`);
  // The subset is built from every character first, then the lines are encoded with it.
  const fitted = lines.map((line) => fit(line, width - 2 * PADDING));
  for (const line of fitted) font.register(line);
  font.finish();
  fitted.forEach((textLine, i) => {
    const x = (width - widthOf(textLine)) / 2;
    const y = TEXT_BOTTOM + (lines.length - 1 - i) * TEXT_LEADING + 1.5;
    ops.push(`BT /F1 ${TEXT_SIZE} Tf 0 g ${num(x)} ${num(y)} Td <${font.encode(textLine)}> Tj ET`);
  });
  const fontRef = refOf(font.ref);
  font.embed();
  flush();

  const appearance = update.allocate();
  update.putStream(
    appearance,
    dict({
      Type: name('XObject'),
      Subtype: name('Form'),
      BBox: [0, 0, num(width), num(height)],
      Resources: dict({ XObject: dict({ Im1: imageRef }), Font: dict({ F1: fontRef }) }),
    }),
    Buffer.from(ops.join('\n'), 'latin1'),
  );
  return appearance;
}
