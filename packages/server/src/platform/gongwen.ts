// 公文 layout (GB/T 9704-2012) for the documents the app writes as .docx — the work report (indicators), the
// self-assessment report (assessment): A4; margins top 37 mm, bottom 35 mm, left 28 mm, right 26 mm; title in 2号
// 方正小标宋简体, 主送 flush left, text in 3号 仿宋_GB2312 at a fixed 28 pt line (22 lines of 28 characters), headings
// 一、 in 黑体 and （一） in 楷体_GB2312; 落款 and 成文日期 right-aligned under the text; page numbers 4号 宋体 as — 1 —,
// odd pages right, even pages left. Where those fonts are not installed, Word and LibreOffice substitute (on Linux
// the Noto CJK fonts).
import {
  AlignmentType,
  BorderStyle,
  Document,
  Footer,
  HeadingLevel,
  LineRuleType,
  Packer,
  PageNumber,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
} from 'docx';

const MM = 56.7; // twips per millimetre
const PAGE = Math.round((210 - 28 - 26) * MM); // text width in twips
export const FANGSONG = { ascii: 'Times New Roman', hAnsi: 'Times New Roman', eastAsia: '仿宋_GB2312' };
const XIAOBIAOSONG = { ascii: 'Times New Roman', hAnsi: 'Times New Roman', eastAsia: '方正小标宋简体' };
export const HEITI = { ascii: 'Times New Roman', hAnsi: 'Times New Roman', eastAsia: '黑体' };
export const KAITI = { ascii: 'Times New Roman', hAnsi: 'Times New Roman', eastAsia: '楷体_GB2312' };
const SONGTI = { ascii: 'Times New Roman', hAnsi: 'Times New Roman', eastAsia: '宋体' };
const SIZE_2 = 44; // 2号 (22 pt), in half-points
export const SIZE_3 = 32; // 3号 (16 pt)
const SIZE_4 = 28; // 4号 (14 pt)
export const SIZE_TABLE = 21; // 五号 (10.5 pt) in tables
export const LINE = { line: 560, lineRule: LineRuleType.EXACT }; // 28 pt
export type Align = (typeof AlignmentType)[keyof typeof AlignmentType];

const cell = (text: string, width: number, bold = false, align: Align = AlignmentType.LEFT, indent = 0) =>
  new TableCell({
    width: { size: width, type: WidthType.DXA },
    margins: { left: 80, right: 80 },
    children: [
      new Paragraph({
        alignment: align,
        indent: indent ? { left: indent } : undefined,
        spacing: { line: 360, lineRule: LineRuleType.AUTO },
        children: [new TextRun({ text, bold, font: bold ? HEITI : FANGSONG, size: SIZE_TABLE })],
      }),
    ],
  });
const border = { style: BorderStyle.SINGLE, size: 4, color: '000000' };
/** A table whose first column (names) takes `first` of the width and the rest share what is left; rows in `indented` sit under their total. */
export function table(head: string[], rows: string[][], first = 0.36, indented: Set<number> = new Set()): Table {
  const widths = head.map((_, i) => Math.round(i === 0 ? PAGE * first : (PAGE * (1 - first)) / (head.length - 1)));
  return new Table({
    width: { size: PAGE, type: WidthType.DXA },
    columnWidths: widths,
    borders: { top: border, bottom: border, left: border, right: border, insideHorizontal: border, insideVertical: border },
    rows: [
      new TableRow({ tableHeader: true, children: head.map((h, i) => cell(h, widths[i], true, AlignmentType.CENTER)) }),
      ...rows.map(
        (r, n) =>
          new TableRow({
            cantSplit: true,
            children: r.map((c, i) =>
              cell(c, widths[i], false, i === 0 ? AlignmentType.LEFT : AlignmentType.RIGHT, i === 0 && indented.has(n) ? 480 : 0),
            ),
          }),
      ),
    ],
  });
}
export const para = (text: string) =>
  new Paragraph({
    spacing: LINE,
    indent: { firstLine: 640 },
    alignment: AlignmentType.JUSTIFIED,
    children: [new TextRun({ text, font: FANGSONG, size: SIZE_3 })],
  });
export const sectionHeading = (text: string) =>
  new Paragraph({
    heading: HeadingLevel.HEADING_2,
    spacing: LINE,
    indent: { firstLine: 640 },
    children: [new TextRun({ text, font: HEITI, size: SIZE_3, color: '000000' })],
  });
/** A numbered point: （一） and its lead-in (a chapter title) in 楷体, then its text in 仿宋 on the same line. */
export const point = (n: number, text: string, lead = '') =>
  new Paragraph({
    spacing: LINE,
    indent: { firstLine: 640 },
    alignment: AlignmentType.JUSTIFIED,
    children: [
      new TextRun({ text: `（${'一二三四五六七八九十'[n] ?? n + 1}）${lead}`, font: KAITI, size: SIZE_3 }),
      new TextRun({ text, font: FANGSONG, size: SIZE_3 }),
    ],
  });
export const tableNote = (text: string) =>
  new Paragraph({ spacing: { before: 120, after: 120 }, children: [new TextRun({ text, font: FANGSONG, size: SIZE_TABLE })] });
const pageNumber = (align: Align) =>
  new Footer({
    children: [
      new Paragraph({
        alignment: align,
        indent: align === AlignmentType.RIGHT ? { right: 280 } : { left: 280 }, // one character from the edge
        children: [new TextRun({ children: ['— ', PageNumber.CURRENT, ' —'], font: SONGTI, size: SIZE_4 })],
      }),
    ],
  });

/** 2026年12月4日, as a 公文 dates itself. */
export const chineseDate = (iso: string) => `${Number(iso.slice(0, 4))}年${Number(iso.slice(5, 7))}月${Number(iso.slice(8, 10))}日`;

/** The title: centred, 2号 小标宋, a blank line under it; given as lines, broken where a reader would break it. */
export const titleParagraph = (title: string | string[]) =>
  new Paragraph({
    alignment: AlignmentType.CENTER,
    spacing: { before: 0, after: 560, line: 700, lineRule: LineRuleType.EXACT },
    children: (Array.isArray(title) ? title : [title]).map(
      (text, i) => new TextRun({ text, font: XIAOBIAOSONG, size: SIZE_2, break: i > 0 ? 1 : undefined }),
    ),
  });

/** 主送机关: flush left under the title, ending with a full-width colon. */
export const addressee = (to: string) =>
  new Paragraph({ spacing: LINE, children: [new TextRun({ text: `${to.replace(/[:：]$/, '')}：`, font: FANGSONG, size: SIZE_3 })] });

/** 附注: under 成文日期, two characters in, in parentheses. */
export const note = (text: string) =>
  new Paragraph({
    spacing: LINE,
    indent: { firstLine: 640 },
    children: [new TextRun({ text: `（${text}）`, font: FANGSONG, size: SIZE_3 })],
  });

/** 落款 (the issuing body, if any) and 成文日期 under the text, right-aligned four characters in. */
export function signOff(dateIso: string, by?: string): Paragraph[] {
  const line = (text: string, before = 0) =>
    new Paragraph({
      spacing: { ...LINE, before },
      alignment: AlignmentType.RIGHT,
      indent: { right: 1280 },
      children: [new TextRun({ text, font: FANGSONG, size: SIZE_3 })],
    });
  return by ? [line(by, 560), line(chineseDate(dateIso))] : [line(chineseDate(dateIso), 560)];
}

/** The document: A4 with the 公文 margins, 仿宋 3号 by default, page numbers odd right / even left. */
export function gongwenDocx(title: string, children: (Paragraph | Table)[]): Promise<Buffer> {
  const doc = new Document({
    creator: 'Xiezuo',
    title,
    evenAndOddHeaderAndFooters: true,
    styles: { default: { document: { run: { font: FANGSONG, size: SIZE_3 } } } },
    sections: [
      {
        properties: {
          page: {
            size: { width: Math.round(210 * MM), height: Math.round(297 * MM) },
            margin: {
              top: Math.round(37 * MM),
              bottom: Math.round(35 * MM),
              left: Math.round(28 * MM),
              right: Math.round(26 * MM),
              footer: Math.round(23 * MM),
            },
          },
        },
        footers: { default: pageNumber(AlignmentType.RIGHT), even: pageNumber(AlignmentType.LEFT) },
        children,
      },
    ],
  });
  return Packer.toBuffer(doc);
}
