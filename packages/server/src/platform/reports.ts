// Report chapters (工作报告的分项): each module writes the sentences of its own part of a work report from
// the dashboard's figures. The indicators module lays the report out and numbers the chapters in module
// order; a chapter with nothing to say is left out. Sentences are Chinese, as the report (a 公文) is.
import type { FigureT } from '@xiezuo/shared/contracts/indicators';

export interface ReportFigures {
  /** A figure of the node for the period (`breakdown` selects a 其中 row), or undefined when not on the dashboard. */
  fig(code: string, breakdown?: string): FigureT | undefined;
  /** True when the figure is there and not zero: worth a sentence. */
  has(f: FigureT | undefined): f is FigureT;
  /** 1,234 / 12.5 / — (integers grouped, at most two decimals). */
  num(v: number | null | undefined): string;
  /** An amount in 元 as a report writes it: 1.68亿元, 55.3万元, 800元. */
  money(v: number | null | undefined): string;
  /** 同比增长12.5% / 同比下降3% / 与去年同期持平 / 去年同期无数据; '' when the figure has no value. */
  yoy(f: FigureT | undefined): string;
  /** How a sentence about the period opens: 上半年, 2026年, 第2季度, 6月. */
  open: string;
  /** The node's name: 驻岗坪镇工作队, 梅州市. */
  name: string;
}

export interface ReportChapter {
  /** The chapter's title in the report: 防返贫监测, 财政援助资金与项目. */
  title: string;
  /** Its sentences, each a full sentence ending in 。; [] when the period has nothing for it. */
  sentences(r: ReportFigures): string[];
}
