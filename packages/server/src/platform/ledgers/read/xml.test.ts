// The XML layer as real files give it: a UTF-8 BOM before the declaration (some exporters write one),
// namespace prefixes on every tag (x:row, as .NET's OpenXML SDK writes), entities and CDATA in text.
import { describe, expect, it } from 'vitest';
import { AppError } from '../../http/errors';
import { XmlStream } from './xml';

function parse(chunks: string[]) {
  const seen: string[] = [];
  const xml = new XmlStream({
    open: (name, attrs) => seen.push(`<${name}${attrs.r ? ` r=${attrs.r}` : ''}>`),
    close: (name) => seen.push(`</${name}>`),
    text: (t) => seen.push(t),
  });
  for (const c of chunks) xml.write(c);
  xml.close();
  return seen;
}

describe('xml layer', () => {
  it('reads a BOM, prefixed names, entities and CDATA, whatever the chunking', () => {
    const doc =
      '\uFEFF<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n<x:worksheet xmlns:x="urn:x"><x:row r="2"><x:c r="A2"><x:v>广东&amp;广西 &#x4E2D;</x:v></x:c><x:c><x:is><x:t><![CDATA[<1>]]></x:t></x:is></x:c></x:row></x:worksheet>';
    const expected = parse([doc]);
    expect(expected).toEqual([
      '\n', // the line break after the declaration (CR LF read as LF)
      '<worksheet>',
      '<row r=2>',
      '<c r=A2>',
      '<v>',
      '广东&广西 中',
      '</v>',
      '</c>',
      '<c>',
      '<is>',
      '<t>',
      '<1>',
      '</t>',
      '</is>',
      '</c>',
      '</row>',
      '</worksheet>',
    ]);
    for (let cut = 1; cut < doc.length; cut += 7) expect(parse([doc.slice(0, cut), doc.slice(cut)]).join('')).toBe(expected.join(''));
  });

  it('refuses a DOCTYPE, deep nesting and a document left open as an unreadable file', () => {
    const reason = (chunks: string[]) => {
      try {
        parse(chunks);
        return 'read';
      } catch (err) {
        return err instanceof AppError ? String(err.details[0]?.key) : `not a file error: ${err}`;
      }
    };
    expect(reason(['<!DOCTYPE x [<!ENTITY a "b">]><x>&a;</x>'])).toBe('ledgers.file.unreadable');
    expect(reason(['<a>'.repeat(65) + '</a>'.repeat(65)])).toBe('ledgers.file.unreadable');
    expect(reason(['<a>'.repeat(64) + '</a>'.repeat(64)])).toBe('read');
    expect(reason(['<worksheet><sheetData>'])).toBe('ledgers.file.unreadable');
  });
});
