export { ReplicationLab, type ReplicationLabProps } from "./replication-lab";
