export { PurchaseMixLab, type PurchaseMixLabProps } from "./purchase-mix-lab";
