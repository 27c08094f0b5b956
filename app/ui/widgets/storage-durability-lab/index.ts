export { StorageDurabilityLab, type StorageDurabilityLabProps } from "./storage-durability-lab";
