export { QueueBufferLab, type QueueBufferLabProps } from "./queue-buffer-lab";
