// Small helpers the monitoring pages share. The API's shapes are the shared contracts
// (@xiezuo/shared/contracts/monitoring: HouseholdPage, HouseholdDetail, FileMeta, Worklist, Line …).
/** Today in China Standard Time, as the server counts it. */
export { todayInBeijing as today } from '@xiezuo/shared/calendar/today';

/** A file as base64 (for the JSON upload of evidence and photos). */
export function fileBase64(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result).replace(/^data:[^,]*,/, ''));
    reader.onerror = () => reject(reader.error);
    reader.readAsDataURL(file);
  });
}

export const STATUS_COLOR: Record<string, string> = {
  identifying: 'blue',
  monitored: 'orange',
  eliminating: 'purple',
  eliminated: 'green',
  rejected: 'default',
};
export const CATEGORY_COLOR: Record<string, string> = { unstable: 'volcano', marginal: 'gold', sudden: 'red' };
