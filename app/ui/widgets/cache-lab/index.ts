export { CacheLab, type CacheLabProps } from "./cache-lab";
