/**
 * Geography and network latency. Every figure here is MODELLED, not measured: round trips inside an AZ and between
 * AZs are fixed constants in the ranges AWS describes ("single-digit millisecond" between AZs), and round trips
 * between places come from the great-circle distance at the speed of light in fibre plus a fixed overhead. Real
 * internet paths are longer than great circles, so real round trips are often 20–50 % higher.
 */
import { detAsin, detCos, detSin } from "./det-math";

export interface GeoPoint {
  latitude: number;
  longitude: number;
}

export interface NamedPlace extends GeoPoint {
  name: string;
}

/** Round trip between two machines in the same AZ. */
export const INTRA_AZ_RTT_MS = 0.3;
/** Round trip between AZs of one Region (AZs are tens of km apart, on dedicated fibre). */
export const INTER_AZ_RTT_MS = 1.5;
/** Light in fibre travels at about 2/3 c: 299 792.458 km/s × 2/3 ≈ 199.86 km per ms. */
export const FIBRE_KM_PER_MS = (299_792.458 * 2) / 3 / 1000;
/** Added to every wide-area round trip: routers, switches, serialisation, the last mile. */
export const WAN_OVERHEAD_RTT_MS = 5;
const EARTH_RADIUS_KM = 6371;

/** Approximate locations of some AWS Regions (the metro area, not the data centres). */
export const REGION_LOCATIONS: Readonly<Record<string, NamedPlace>> = {
  "us-east-1": { name: "N. Virginia", latitude: 39.04, longitude: -77.49 },
  "us-east-2": { name: "Ohio", latitude: 39.96, longitude: -83.0 },
  "us-west-1": { name: "N. California", latitude: 37.34, longitude: -121.89 },
  "us-west-2": { name: "Oregon", latitude: 45.84, longitude: -119.7 },
  "ca-central-1": { name: "Canada (Central)", latitude: 45.5, longitude: -73.57 },
  "sa-east-1": { name: "São Paulo", latitude: -23.55, longitude: -46.63 },
  "eu-west-1": { name: "Ireland", latitude: 53.35, longitude: -6.26 },
  "eu-west-2": { name: "London", latitude: 51.51, longitude: -0.13 },
  "eu-central-1": { name: "Frankfurt", latitude: 50.11, longitude: 8.68 },
  "eu-north-1": { name: "Stockholm", latitude: 59.33, longitude: 18.07 },
  "ap-south-1": { name: "Mumbai", latitude: 19.08, longitude: 72.88 },
  "ap-southeast-1": { name: "Singapore", latitude: 1.35, longitude: 103.82 },
  "ap-southeast-2": { name: "Sydney", latitude: -33.87, longitude: 151.21 },
  "ap-northeast-1": { name: "Tokyo", latitude: 35.68, longitude: 139.69 },
};

/** Cities where simulated users live. */
export const PLACES: Readonly<Record<string, NamedPlace>> = {
  "new-york": { name: "New York", latitude: 40.71, longitude: -74.01 },
  "san-francisco": { name: "San Francisco", latitude: 37.77, longitude: -122.42 },
  "sao-paulo": { name: "São Paulo", latitude: -23.55, longitude: -46.63 },
  london: { name: "London", latitude: 51.51, longitude: -0.13 },
  paris: { name: "Paris", latitude: 48.86, longitude: 2.35 },
  berlin: { name: "Berlin", latitude: 52.52, longitude: 13.4 },
  lagos: { name: "Lagos", latitude: 6.52, longitude: 3.38 },
  johannesburg: { name: "Johannesburg", latitude: -26.2, longitude: 28.05 },
  mumbai: { name: "Mumbai", latitude: 19.08, longitude: 72.88 },
  singapore: { name: "Singapore", latitude: 1.35, longitude: 103.82 },
  tokyo: { name: "Tokyo", latitude: 35.68, longitude: 139.69 },
  sydney: { name: "Sydney", latitude: -33.87, longitude: 151.21 },
};

/** A place or Region id (looked up in `PLACES`, then `REGION_LOCATIONS`), or coordinates. */
export function locate(where: string | GeoPoint): GeoPoint {
  if (typeof where !== "string") return where;
  const found = PLACES[where] ?? REGION_LOCATIONS[where];
  if (!found) throw new Error(`Unknown place or Region "${where}".`);
  return found;
}

/** Haversine distance on a sphere of radius 6371 km. */
export function greatCircleKm(a: GeoPoint, b: GeoPoint): number {
  const rad = Math.PI / 180;
  const dLat = (b.latitude - a.latitude) * rad;
  const dLon = (b.longitude - a.longitude) * rad;
  const sLat = detSin(dLat / 2);
  const sLon = detSin(dLon / 2);
  const h = sLat * sLat + detCos(a.latitude * rad) * detCos(b.latitude * rad) * sLon * sLon;
  return 2 * EARTH_RADIUS_KM * detAsin(Math.min(1, Math.sqrt(h)));
}

/** Modelled round trip over the wide-area network: 2 · distance / (2/3 c) + `WAN_OVERHEAD_RTT_MS`. */
export function wanRttMs(from: string | GeoPoint, to: string | GeoPoint): number {
  return (2 * greatCircleKm(locate(from), locate(to))) / FIBRE_KM_PER_MS + WAN_OVERHEAD_RTT_MS;
}

/** Round trip between two AZs (same AZ: `INTRA_AZ_RTT_MS`; same Region: `INTER_AZ_RTT_MS`; else the WAN model). */
export function azRttMs(fromAz: { azId: string; regionId: string }, toAz: { azId: string; regionId: string }): number {
  if (fromAz.azId === toAz.azId) return INTRA_AZ_RTT_MS;
  if (fromAz.regionId === toAz.regionId) return INTER_AZ_RTT_MS;
  return wanRttMs(fromAz.regionId, toAz.regionId);
}
