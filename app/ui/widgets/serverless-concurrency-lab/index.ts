export { ServerlessConcurrencyLab, type ServerlessConcurrencyLabProps } from "./serverless-concurrency-lab";
