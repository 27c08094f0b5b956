export { EnvelopeEncryptionLab, type EnvelopeEncryptionLabProps } from "./envelope-encryption-lab";
