// The reported figures' chapter (指标填报): what is still typed as numbers until a module holds the records.
import { formatPercent } from '@xiezuo/shared/format';
import type { ReportChapter } from '../../platform/reports';

export const reportedFiguresReport: ReportChapter = {
  title: '劳务协作',
  sentences({ fig, num }) {
    const rate = fig('labour.orderClassRate');
    if (rate?.value == null) return [];
    const grads = fig('labour.orderClassGraduates');
    const emp = fig('labour.orderClassEmployed');
    return [`订单班毕业${num(grads?.value)}人，定向就业${num(emp?.value)}人，就业率${formatPercent(rate.value)}。`];
  },
};
