export { CredentialExposureLab, type CredentialExposureLabProps } from "./credential-exposure-lab";
