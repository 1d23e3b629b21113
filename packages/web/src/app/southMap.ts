// The map of the cooperation: city outlines of Guangdong, Guangxi and Guizhou (echarts-map GeoJSON)
// registered once as one ECharts map that the pairing map and the dashboard both draw on.
// ECharts decodes a registered map's coordinates in place, so registering the shared feature objects
// twice (under two names) decoded them twice and lost provinces; hence one name, registered here only.

import { EffectScatterChart, LinesChart, MapChart } from 'echarts/charts';
import { GeoComponent, VisualMapComponent } from 'echarts/components';
import guangdong from 'echarts-map/json/province/guangdong.json';
import guangxi from 'echarts-map/json/province/guangxi.json';
import guizhou from 'echarts-map/json/province/guizhou.json';
import { echarts } from './echarts';

interface Feature {
  id: string;
  properties: { name: string; cp?: [number, number] };
}

export const SOUTH_MAP = 'xz-south';

const FEATURES: Feature[] = [guangdong, guangxi, guizhou].flatMap((p) => (p as unknown as { features: Feature[] }).features);

/** City name by 6-digit city code (e.g. 441200 → 肇庆市), as the map names its regions. */
export const CITY_NAME = new Map(FEATURES.map((f) => [f.id, f.properties.name]));

/** A city's centre point (cp) by 6-digit code. */
export const CITY_CENTRE = new Map(FEATURES.filter((f) => f.properties.cp).map((f) => [f.id, f.properties.cp as [number, number]]));

echarts.use([MapChart, LinesChart, EffectScatterChart, GeoComponent, VisualMapComponent]);

// all three files use the same compressed encoding, so one collection can carry them
echarts.registerMap(SOUTH_MAP, { type: 'FeatureCollection', UTF8Encoding: true, features: structuredClone(FEATURES) } as never);

/** The map of one province ('44', '45', '52'), registered when first asked for: drawn alone, it fills the chart. */
export function provinceMap(province: string): string {
  const name = `${SOUTH_MAP}-${province}`;
  if (!echarts.getMap(name)) {
    const features = FEATURES.filter((f) => f.id.startsWith(province));
    if (!features.length) return SOUTH_MAP;
    echarts.registerMap(name, { type: 'FeatureCollection', UTF8Encoding: true, features: structuredClone(features) } as never);
  }
  return name;
}

/** City code by the name the map gives a region (the map's click reports names). */
export const CITY_CODE = new Map(FEATURES.map((f) => [f.properties.name, f.id]));
