// The XML inside an .xlsx (sheets, shared strings, the workbook and its relationships), parsed by saxes: a
// well-kept streaming parser that checks well-formedness and decodes entities and character references. An
// upload is untrusted, so three limits sit on top: no DOCTYPE (Excel never writes one, and every entity trick
// needs one), nesting at most 64 deep (a sheet needs 6), and no single token (a text, a tag) past 16 MB.
// Names lose their namespace prefix (x:row → row); attributes keep theirs (r:id).
import { SaxesParser } from 'saxes';
import { fileError } from '../problems';

export interface XmlHandlers {
  /** A start tag; a self-closing one is followed by its close at once. */
  open?(name: string, attrs: Record<string, string>): void;
  close?(name: string): void;
  /** Text or CDATA, entities decoded; may come in pieces. */
  text?(text: string): void;
}

const MAX_DEPTH = 64;
const MAX_TOKEN = 16 * 1024 * 1024; // characters fed with no token completed

export class XmlStream {
  private readonly parser: SaxesParser<{ xmlns: false; fragment: boolean; position: false }>;
  private depth = 0;
  private sinceToken = 0;

  /** `fragment`: a piece of a document (the merges section of a sheet), not a whole one. */
  constructor(handlers: XmlHandlers, options: { fragment?: boolean } = {}) {
    const p = (this.parser = new SaxesParser({ xmlns: false, position: false, fragment: options.fragment ?? false }));
    const { open, close, text } = handlers;
    p.on('doctype', () => {
      throw fileError('unreadable');
    });
    p.on('error', () => {
      throw fileError('unreadable');
    });
    p.on('opentag', (tag) => {
      this.sinceToken = 0;
      if (++this.depth > MAX_DEPTH) throw fileError('unreadable');
      open?.(localName(tag.name), tag.attributes);
    });
    p.on('closetag', (tag) => {
      this.sinceToken = 0;
      this.depth--;
      close?.(localName(tag.name));
    });
    p.on('text', (t) => {
      this.sinceToken = 0;
      text?.(t);
    });
    p.on('cdata', (t) => {
      this.sinceToken = 0;
      text?.(t);
    });
  }

  /** Parses the next piece of text; malformed XML → the unreadable-file error (through the error handler). */
  write(chunk: string): void {
    this.sinceToken += chunk.length;
    if (this.sinceToken > MAX_TOKEN) throw fileError('unreadable');
    this.parser.write(chunk);
  }

  /** The document is complete: an unclosed element now is an error. */
  close(): void {
    this.parser.close();
  }
}

/** Parses a whole entry's text chunks through the handlers. */
export async function parseXml(chunks: AsyncIterable<string>, handlers: XmlHandlers): Promise<void> {
  const xml = new XmlStream(handlers);
  for await (const chunk of chunks) xml.write(chunk);
  xml.close();
}

function localName(name: string): string {
  const colon = name.indexOf(':');
  return colon < 0 ? name : name.slice(colon + 1);
}

/** "B12" → 1; "AA3" → 26. */
export function columnIndex(ref: string): number {
  let n = 0;
  for (let i = 0; i < ref.length; i++) {
    const c = ref.charCodeAt(i);
    if (c < 65 || c > 90) break;
    n = n * 26 + (c - 64);
  }
  return n - 1;
}
