// Where to draw a division on the pairing map. Cities use the centre point (cp) of their feature in the
// echarts-map province GeoJSON; the demo counties have stored approximate coordinates (county seats);
// anything else falls back to its city, then its province.
import { CITY_CENTRE } from '../../app/southMap';

const PROVINCE_CENTRE: Record<string, [number, number]> = { '44': [113.27, 23.13], '45': [108.32, 22.82], '52': [106.71, 26.58] };

// County seats of the demo pairings (approximate, WGS-84).
const COUNTIES: Record<string, [number, number]> = {
  '440103': [113.243, 23.126], // 荔湾区
  '440304': [114.055, 22.522], // 福田区
  '440606': [113.293, 22.805], // 顺德区
  '441224': [112.184, 23.912], // 怀集县
  '441284': [112.734, 23.327], // 四会市
  '441403': [116.082, 24.266], // 梅县区
  '441821': [113.532, 23.867], // 佛冈县
  '441823': [112.641, 24.465], // 阳山县
  '441825': [112.093, 24.57], // 连山县
  '450125': [108.605, 23.432], // 上林县
  '451123': [111.277, 24.818], // 富川县
  '520203': [105.476, 26.201], // 六枝特区
  '520204': [104.957, 26.547], // 水城区
  '520281': [104.471, 25.706], // 盘州市
};

export function placeOf(code: string): [number, number] | undefined {
  return COUNTIES[code.slice(0, 6)] ?? CITY_CENTRE.get(`${code.slice(0, 4)}00`) ?? PROVINCE_CENTRE[code.slice(0, 2)];
}
