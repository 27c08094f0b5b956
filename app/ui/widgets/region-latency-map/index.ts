export { RegionLatencyMap, type RegionLatencyMapProps } from "./region-latency-map";
