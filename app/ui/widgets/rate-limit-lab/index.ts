export { RateLimitLab, type RateLimitLabProps } from "./rate-limit-lab";
